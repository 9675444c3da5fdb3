import type { components, paths } from './generated/survey-service';
import { downloadFile } from './download';
import { typedClient, type Json } from './typed';

/**
 * survey-service (satisfaction surveys, 4.7): the questionnaires (16-03) and their versions, quarterly campaigns with
 * their dispatches, reminders, answers entered by market from a phone call or a fax, and the public survey page's
 * one-time link (no login), and the analysis: a quarter's figures and the year's (JSON for the screens, CSV to
 * download). Every type is the service's OpenAPI document's
 * (src/api/openapi/survey-service.json → src/api/generated/, `npm run api:generate`).
 */
type Schemas = components['schemas'];

export type QuestionType = Schemas['QuestionType'];
export type DispatchStatus = Schemas['DispatchStatus'];
export type AnswerChannel = Schemas['AnswerChannel'];
/** The channels market enters an answer for (online answers come through the link). */
export type ManualChannel = Json<Schemas['ManualAnswersInput']>['channel'];

/** Every value in the order the screens show them (the checks below fail if the document adds one). */
export const QUESTION_TYPES = ['LIKERT', 'SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TEXT'] as const satisfies readonly QuestionType[];
export const DISPATCH_STATUSES = ['PENDING', 'SENT', 'FAILED', 'ANSWERED', 'EXPIRED'] as const satisfies readonly DispatchStatus[];
export const ANSWER_CHANNELS = ['ONLINE', 'PHONE', 'FAX'] as const satisfies readonly AnswerChannel[];
export const MANUAL_CHANNELS = ['PHONE', 'FAX'] as const satisfies readonly ManualChannel[];
type Is<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const allQuestionTypesListed: Is<(typeof QUESTION_TYPES)[number], QuestionType> extends true ? true : never = true;
export const allDispatchStatusesListed: Is<(typeof DISPATCH_STATUSES)[number], DispatchStatus> extends true ? true : never = true;
export const allAnswerChannelsListed: Is<(typeof ANSWER_CHANNELS)[number], AnswerChannel> extends true ? true : never = true;
/** How a quarter's answers are split: overall, by certification scheme, province or professional code. */
export type Segment = Schemas['Segment'];
export const SEGMENTS = ['NONE', 'SCHEME', 'PROVINCE', 'PROFESSIONAL_CODE', 'GRADE'] as const satisfies readonly Segment[];
export const allSegmentsListed: Is<(typeof SEGMENTS)[number], Segment> extends true ? true : never = true;
export const allManualChannelsListed: Is<(typeof MANUAL_CHANNELS)[number], ManualChannel> extends true ? true : never = true;

export type LocalText = Json<Schemas['LocalText']>;
export type TemplateSummary = Json<Schemas['TemplateSummary']>;
export type TemplateDetail = Json<Schemas['TemplateDetail']>;
export type TemplateView = Json<Schemas['TemplateView']>;
export type TemplateVersionInfo = Json<Schemas['TemplateVersionInfo']>;
export type TemplateDefinition = Json<Schemas['TemplateDefinition']>;
export type TemplateDimension = Json<Schemas['TemplateDimension']>;
export type TemplateQuestion = Json<Schemas['TemplateQuestion']>;
export type CampaignInput = Json<Schemas['CampaignInput']>;
export type CampaignView = Json<Schemas['CampaignView']>;
export type DispatchView = Json<Schemas['DispatchView']>;
export type DispatchPage = Json<Schemas['ListPageDispatchView']> & { items: DispatchView[]; total: number; page: number; size: number };
export interface DispatchQuery { status?: DispatchStatus; q?: string; page?: number; size?: number }
export type SurveyForm = Json<Schemas['SurveyForm']>;
export type SurveyFormQuestion = Json<Schemas['SurveyFormQuestion']>;
export type SurveyFormDimension = Json<Schemas['SurveyFormDimension']>;
export type SurveyReceipt = Json<Schemas['SurveyReceipt']>;
/**
 * The analysis (4.7.1, 4.7.2). A group with fewer responses than `minGroupSize` is `suppressed` and carries its key
 * and nothing else; an item below the minimum has no mean and no distribution. The screens show what is there and
 * never work out a suppressed figure.
 */
export type QuarterReport = Json<Schemas['QuarterReport']>;
export type QuarterGroup = Json<Schemas['QuarterGroup']>;
export type QuarterDimension = Json<Schemas['QuarterDimension']>;
export type QuarterItem = Json<Schemas['QuarterItem']>;
export type AnnualReport = Json<Schemas['AnnualReport']>;
export type AnnualQuarter = Json<Schemas['AnnualQuarter']>;
/**
 * The written quarterly report: market's conclusions (a draft suggested from the figures until first saved: `saved`
 * false, version 0), DRAFT until issued, never changed after.
 */
export type QuarterlyReport = Json<Schemas['QuarterlyReport']>;
export type ReportStatus = Schemas['ReportStatus'];
export type ReportFormat = 'pdf' | 'xlsx';

/** The CSV downloads of the analysis (GET, token in a header: download.ts); the service names the file. */
export const aggregatesCsvPath = (quarter: string, by: Segment) =>
  `/api/surveys/aggregates?quarter=${encodeURIComponent(quarter)}&by=${by}&format=csv`;
export const annualCsvPath = (year: number) => `/api/surveys/annual?year=${year}&format=csv`;
/** The quarterly report's PDF or XLSX (GET, token in a header: download.ts). */
export const reportDocumentPath = (quarter: string, format: ReportFormat) =>
  `/api/surveys/reports/${encodeURIComponent(quarter)}/document?format=${format}`;

/**
 * One answer as the service reads it (the document says only "any JSON"): LIKERT an integer 1–5, SINGLE_CHOICE an
 * option code, MULTIPLE_CHOICE a list of option codes, TEXT a text of at most 2000 characters.
 */
export type AnswerValue = number | string | string[];
/** Question code → answer; a question left out is not answered. */
export type Answers = Record<string, AnswerValue>;

const api = typedClient<paths>();

export const surveysApi = {
  // questionnaires (market, leader, auditor, admin read; market makes new versions)
  templates: () => api.get('/api/surveys/templates'),
  template: (code: string) => api.get('/api/surveys/templates/{code}', { path: { code } }),
  templateVersion: (code: string, version: number) =>
    api.get('/api/surveys/templates/{code}/versions/{version}', { path: { code, version } }),
  /** A new version (a version is never changed); 400 names the field, e.g. questions[3].weight. */
  createVersion: (code: string, definition: TemplateDefinition) =>
    api.post('/api/surveys/templates/{code}/versions', { path: { code }, body: definition }),

  // campaigns and dispatches (market, leader, admin read; market starts, reminds and enters answers)
  campaigns: () => api.get('/api/surveys/campaigns'),
  campaign: (id: number) => api.get('/api/surveys/campaigns/{id}', { path: { id } }),
  /** One page of a campaign's dispatches (page from 1, size ≤ 200), optionally by status and part of the client's name. */
  dispatches: (id: number, query: DispatchQuery) =>
    api.get('/api/surveys/campaigns/{id}/dispatches', { path: { id }, query }) as Promise<DispatchPage>,
  /** 409 campaign-exists: the quarter has its campaign already. */
  startCampaign: (input: CampaignInput) => api.post('/api/surveys/campaigns', { body: input }),
  dispatch: (id: number) => api.get('/api/surveys/dispatches/{id}', { path: { id } }),
  /** 409: answered, never e-mailed, reminders used up or a mail still pending; 410: the link has expired. */
  remind: (id: number) => api.post('/api/surveys/dispatches/{id}/remind', { path: { id } }),
  /** An answer taken by phone or fax; the same checks as online (400 answers.<code>), 409 when answered already. */
  enterResponse: (id: number, channel: ManualChannel, answers: Answers) =>
    api.post('/api/surveys/dispatches/{id}/responses', { path: { id }, body: { channel, answers } }),

  // the public page behind the e-mailed one-time link (no login): 404 unknown, 409 answered, 410 expired
  /** The questions in the Accept-Language's language (http.ts sends the app's) and the client's name. */
  publicSurvey: (token: string) => api.get('/api/public/surveys/{token}', { path: { token } }),
  /** 201 with the receipt; 400 names each answers.<code>. */
  answerPublic: (token: string, answers: Answers) =>
    api.post('/api/public/surveys/{token}', { path: { token }, body: { answers } }),

  // the analysis (market, leader, auditor, admin): aggregates only, no client is named
  /** A quarter (yyyy-Qn) overall and split by the segment, beside the previous quarter; 400 names a bad parameter. */
  aggregates: (quarter: string, by: Segment = 'NONE') =>
    api.get('/api/surveys/aggregates', { query: { quarter, by, format: 'json' } }),
  /** The year's satisfaction figure: its quarters, the serious events, the deduction, the target. */
  annual: (year: number) => api.get('/api/surveys/annual', { query: { year: String(year), format: 'json' } }),
  /** The quarter's figures as CSV (UTF-8 with BOM), saved under the service's name (survey-<quarter>.csv). */
  downloadAggregatesCsv: (quarter: string, by: Segment) => downloadFile(aggregatesCsvPath(quarter, by), `survey-${quarter}.csv`),
  /** The year's figure as CSV, saved under the service's name (satisfaction-<year>.csv). */
  downloadAnnualCsv: (year: number) => downloadFile(annualCsvPath(year), `satisfaction-${year}.csv`),

  // the written quarterly report (market, leader, admin; auditors only once issued: 403 before)
  /** The quarter's report; never saved: conclusions drafted from the figures in the app's language. */
  report: (quarter: string) => api.get('/api/surveys/reports/{quarter}', { path: { quarter } }),
  /** Market saves the conclusions against the version read: 409 stale (someone saved since) or report-issued. */
  saveReport: (quarter: string, conclusions: string, version: number) =>
    api.put('/api/surveys/reports/{quarter}', { path: { quarter }, body: { conclusions, version } }),
  /** Market issues the saved report (who and when are recorded; nothing changes after): 409 stale, report-issued. */
  issueReport: (quarter: string, version: number) =>
    api.post('/api/surveys/reports/{quarter}/issue', { path: { quarter }, body: { version } }),
  /** The report as PDF or XLSX, saved under the service's name (顾客满意度季度分析报告-<quarter>[-草稿].pdf). */
  downloadReport: (quarter: string, format: ReportFormat) =>
    downloadFile(reportDocumentPath(quarter, format), `satisfaction-report-${quarter}.${format}`),

  /** Who the service sees (market, leader, auditor, admin). */
  ping: () => api.get('/api/surveys/ping'),
};
