import { send, type Query } from './http';

/*
 * PENDING-SNAPSHOT — written by hand from feedback-service's Java records, because the OpenAPI snapshot on this
 * branch does not have these operations yet: topics, common issues and their forwardings, the year-end summary
 * (branch feedback-analysis: topic/, commonissue/, analysis/ — the @Schema names are kept below so each type swaps
 * one for one).
 * When `git merge main` brings a snapshot that has them (`npm run api:generate`), replace every type here with
 * `Json<Schemas['<the name in its comment>']>` and every call with feedback.ts's typed client, then delete this file.
 */

/** = Schemas['FeedbackItemTopics'] */
export interface FeedbackItemTopics { itemId: number; reference: string; topics: string[]; version: number }
/** = Schemas['FeedbackTopicsInput'] */
export interface FeedbackTopicsInput { topics: string[]; version?: number | null }
/** = Schemas['FeedbackTopicCount'] */
export interface FeedbackTopicCount { topic: string; items: number; clients: number; firstSeen: string; lastSeen: string }

/** = Schemas['CommonIssue'] (tracking: CommonIssue.Tracking) */
export type CommonIssueTracking = 'NOT_FORWARDED' | 'OPEN' | 'ANSWERED';
export interface CommonIssue {
  topic: string; clients: number; items: number; firstSeen: string; lastSeen: string;
  tracking: CommonIssueTracking; forwardingId?: number | null; forwardedAt?: string | null; overdue: boolean;
}
/** = Schemas['CommonIssueList'] */
export interface CommonIssueList { from: string; to: string; minClients: number; items: CommonIssue[] }
/** = Schemas['CommonIssueForwardInput'] */
export interface CommonIssueForwardInput { topic: string; recipients: string[]; note?: string | null }
/** = Schemas['CommonIssueAnswerInput'] */
export interface CommonIssueAnswerInput { answer: string; department?: string | null }
/** = Schemas['CommonIssueRecipient'] */
export interface CommonIssueRecipient { department: string; answered: boolean; answer?: string | null; answeredBy?: string | null; answeredAt?: string | null }
/** = Schemas['CommonIssueForwarding'] (state: ForwardingView.State) */
export type ForwardingState = 'OPEN' | 'ANSWERED';
export interface CommonIssueForwarding {
  id: number; topic: string; note?: string | null; clients: number; items: number; forwardedBy: string; forwardedAt: string;
  dueAt: string; state: ForwardingState; answeredAt?: string | null; overdue: boolean; recipients: CommonIssueRecipient[]; version: number;
}
/** = Schemas['CommonIssueForwardingHistoryEntry'] */
export interface CommonIssueForwardingHistoryEntry { field: string; oldValue?: string | null; newValue?: string | null; reason?: string | null; changedBy: string; changedAt: string }
export interface ForwardingsQuery { state?: ForwardingState; overdue?: boolean; topic?: string; page?: number; size?: number }

/** The platform's ListPage<T> (ListPage… in the snapshot). */
export interface Page<T> { items: T[]; total: number; page: number; size: number }

/** = Schemas['FeedbackYearCount'] */
export interface FeedbackYearCount { key?: string | null; count: number }
/** = Schemas['FeedbackYearMonthCount'] */
export interface FeedbackYearMonthCount { month: number; count: number }
/** = Schemas['FeedbackYearDurations']: hours as JSON numbers (BigDecimal, 2 decimals); null when none measured */
export interface FeedbackYearDurations { count: number; median?: number | null; p90?: number | null }
/** = Schemas['FeedbackYearRecurringTopic'] */
export interface FeedbackYearRecurringTopic { topic: string; clients: number; items: number; firstSeen: string; lastSeen: string }
/** = Schemas['FeedbackYearTopicItems'] */
export interface FeedbackYearTopicItems { topic: string; items: number }
/** = Schemas['FeedbackYearNeed'] (kind: a FeedbackKind) */
export interface FeedbackYearNeed { kind: string; items: number; topTopics: FeedbackYearTopicItems[] }
/** = Schemas['FeedbackYearSummary'] */
export interface FeedbackYearSummary {
  year: number; from: string; to: string; received: number;
  byKind: FeedbackYearCount[]; byChannel: FeedbackYearCount[]; byClass: FeedbackYearCount[]; byDepartment: FeedbackYearCount[];
  byMonth: FeedbackYearMonthCount[];
  firstResponseHours: FeedbackYearDurations; resolutionHours: FeedbackYearDurations; percentileMethod: string;
  minClients: number; recurringTopics: FeedbackYearRecurringTopic[]; needs: FeedbackYearNeed[]; seriousComplaints: number;
}

async function json<T>(method: string, path: string, init: { query?: Query; body?: unknown } = {}): Promise<T> {
  const response = await send(method, path, init);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

const item = (id: number) => `/api/feedback/${encodeURIComponent(String(id))}`;
const forwarding = (id: number) => `/api/feedback/common-issues/forwardings/${encodeURIComponent(String(id))}`;

/** feedback-service's calls that the snapshot does not document yet (see the note above). */
export const pendingApi = {
  itemTopics: (id: number) => json<FeedbackItemTopics>('GET', `${item(id)}/topics`),
  setItemTopics: (id: number, input: FeedbackTopicsInput) => json<FeedbackItemTopics>('PUT', `${item(id)}/topics`, { body: input }),
  topics: (query: { q?: string; page?: number; size?: number } = {}) => json<Page<FeedbackTopicCount>>('GET', '/api/feedback/topics', { query }),
  commonIssues: () => json<CommonIssueList>('GET', '/api/feedback/common-issues'),
  forward: (input: CommonIssueForwardInput) => json<CommonIssueForwarding>('POST', '/api/feedback/common-issues/forwardings', { body: input }),
  forwardings: (query: ForwardingsQuery = {}) =>
    json<Page<CommonIssueForwarding>>('GET', '/api/feedback/common-issues/forwardings', { query: query as Query }),
  forwarding: (id: number) => json<CommonIssueForwarding>('GET', forwarding(id)),
  forwardingHistory: (id: number, page: number, size: number) =>
    json<Page<CommonIssueForwardingHistoryEntry>>('GET', `${forwarding(id)}/history`, { query: { page, size } }),
  answer: (id: number, input: CommonIssueAnswerInput) => json<CommonIssueForwarding>('POST', `${forwarding(id)}/answer`, { body: input }),
  yearSummary: (year: number) => json<FeedbackYearSummary>('GET', '/api/feedback/analysis/year', { query: { year } }),
};

/** The year-end summary's downloads (GET, token in a header: download.ts). */
export const yearSummaryPath = (year: number, format: 'xlsx' | 'pdf') => `/api/feedback/analysis/year.${format}?year=${year}`;
