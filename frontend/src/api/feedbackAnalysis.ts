import type { components, operations, paths } from './generated/feedback-service';
import { typedClient, type Json } from './typed';

/**
 * feedback-service's 4.6 API: topics on items, common issues (topics recurring across clients) and their forwarding
 * to departments or the management representative with each recipient's answer, and the year-end summary (JSON for
 * the charts; XLSX and PDF through download.ts). Every type is the service's OpenAPI document's.
 */
type Schemas = components['schemas'];

export type FeedbackItemTopics = Json<Schemas['FeedbackItemTopics']>;
export type FeedbackTopicsInput = Json<Schemas['FeedbackTopicsInput']>;
export type FeedbackTopicCount = Json<Schemas['FeedbackTopicCount']>;
export type CommonIssueTracking = Schemas['Tracking'];
export type CommonIssue = Json<Schemas['CommonIssue']>;
export type CommonIssueList = Json<Schemas['CommonIssueList']>;
export type CommonIssueForwardInput = Json<Schemas['CommonIssueForwardInput']>;
export type CommonIssueAnswerInput = Json<Schemas['CommonIssueAnswerInput']>;
export type CommonIssueRecipient = Json<Schemas['CommonIssueRecipient']>;
export type ForwardingState = Schemas['State'];
export type CommonIssueForwarding = Json<Schemas['CommonIssueForwarding']>;
export type CommonIssueForwardingHistoryEntry = Json<Schemas['CommonIssueForwardingHistoryEntry']>;
export type ForwardingsQuery = NonNullable<operations['listCommonIssueForwardings']['parameters']['query']>;
export type FeedbackYearCount = Json<Schemas['FeedbackYearCount']>;
export type FeedbackYearMonthCount = Json<Schemas['FeedbackYearMonthCount']>;
export type FeedbackYearDurations = Json<Schemas['FeedbackYearDurations']>;
export type FeedbackYearRecurringTopic = Json<Schemas['FeedbackYearRecurringTopic']>;
export type FeedbackYearTopicItems = Json<Schemas['FeedbackYearTopicItems']>;
export type FeedbackYearNeed = Json<Schemas['FeedbackYearNeed']>;
export type FeedbackYearSummary = Json<Schemas['FeedbackYearSummary']>;

const api = typedClient<paths>();

export const analysisApi = {
  itemTopics: (id: number) => api.get('/api/feedback/{id}/topics', { path: { id } }),
  /** Replaces the item's topics (normalised and sorted by the service); the version read, or 409 stale. */
  setItemTopics: (id: number, input: FeedbackTopicsInput) => api.put('/api/feedback/{id}/topics', { path: { id }, body: input }),
  topics: (query: { q?: string; page?: number; size?: number } = {}) => api.get('/api/feedback/topics', { query }),
  commonIssues: () => api.get('/api/feedback/common-issues'),
  forward: (input: CommonIssueForwardInput) => api.post('/api/feedback/common-issues/forwardings', { body: input }),
  forwardings: (query: ForwardingsQuery = {}) => api.get('/api/feedback/common-issues/forwardings', { query }),
  forwarding: (id: number) => api.get('/api/feedback/common-issues/forwardings/{id}', { path: { id } }),
  forwardingHistory: (id: number, page: number, size: number) =>
    api.get('/api/feedback/common-issues/forwardings/{id}/history', { path: { id }, query: { page, size } }),
  answer: (id: number, input: CommonIssueAnswerInput) =>
    api.post('/api/feedback/common-issues/forwardings/{id}/answer', { path: { id }, body: input }),
  yearSummary: (year: number) => api.get('/api/feedback/analysis/year', { query: { year } }),
};

/** The year-end summary's downloads (GET, token in a header: download.ts). */
export const yearSummaryPath = (year: number, format: 'xlsx' | 'pdf') => `/api/feedback/analysis/year.${format}?year=${year}`;
