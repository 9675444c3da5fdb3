import type { components, operations, paths } from './generated/feedback-service';
import { typedClient, type Json } from './typed';

/**
 * feedback-service's items (customer requirements, feedback, complaints and appeals, clauses 4.4–4.5 and 4.8): the
 * inbox, one item with its history, posting (idempotent per Idempotency-Key), triage a/b/c, the leader's decision,
 * resolution and closing, the serious mark and the outcome notification, the departments, and the counts for the menu
 * badge. Every type is the service's OpenAPI document's.
 */
type Schemas = components['schemas'];

export type FeedbackStatus = Schemas['FeedbackStatus'];
export type FeedbackKind = Schemas['FeedbackKind'];
export type FeedbackChannel = Schemas['FeedbackChannel'];
export type FeedbackClass = Schemas['FeedbackClass'];

/** Every status, in lifecycle order (the checks below fail if the document adds one). */
export const FEEDBACK_STATUSES = [
  'RECEIVED', 'TRIAGED', 'ESCALATED', 'DECIDED', 'IN_HANDLING', 'RESOLVED', 'CLOSED',
] as const satisfies readonly FeedbackStatus[];
export const FEEDBACK_KINDS = [
  'OPINION', 'AUDIT_REQUEST', 'AFTER_SALES', 'CLIENT_SYSTEM_CHANGE', 'CERTIFICATE_OR_MARK', 'VALUE_ADDED', 'COMPLAINT', 'APPEAL',
] as const satisfies readonly FeedbackKind[];
export const FEEDBACK_CHANNELS = [
  'FORM', 'INVESTIGATION_GROUP', 'PHONE', 'VISIT', 'E_DOCUMENT', 'SURVEY_FOLLOW_UP', 'OTHER',
] as const satisfies readonly FeedbackChannel[];
export const FEEDBACK_CLASSES = ['A_UNREASONABLE', 'B_WITHIN_AUTHORITY', 'C_BEYOND_AUTHORITY'] as const satisfies readonly FeedbackClass[];
type Is<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const allStatusesListed: Is<(typeof FEEDBACK_STATUSES)[number], FeedbackStatus> extends true ? true : never = true;
export const allKindsListed: Is<(typeof FEEDBACK_KINDS)[number], FeedbackKind> extends true ? true : never = true;
export const allChannelsListed: Is<(typeof FEEDBACK_CHANNELS)[number], FeedbackChannel> extends true ? true : never = true;
export const allClassesListed: Is<(typeof FEEDBACK_CLASSES)[number], FeedbackClass> extends true ? true : never = true;

export type FeedbackItem = Json<Schemas['FeedbackItem']>;
export type FeedbackInput = Json<Schemas['FeedbackInput']>;
export type FeedbackCounts = Json<Schemas['FeedbackCounts']>;
export type FeedbackHistoryEntry = Json<Schemas['FeedbackHistoryEntry']>;
export type TriageInput = Json<Schemas['TriageInput']>;
export type DecideInput = Json<Schemas['DecideInput']>;
export type ResolveInput = Json<Schemas['ResolveInput']>;
export type CloseInput = Json<Schemas['CloseInput']>;
export type FeedbackListQuery = NonNullable<operations['listFeedback']['parameters']['query']>;
export type Department = Json<Schemas['Department']>;
export type OutcomeChannel = Schemas['OutcomeChannel'];
export const OUTCOME_CHANNELS = ['LETTER', 'EMAIL', 'PHONE', 'VISIT', 'E_DOCUMENT'] as const satisfies readonly OutcomeChannel[];
export const allOutcomeChannelsListed: Is<(typeof OUTCOME_CHANNELS)[number], OutcomeChannel> extends true ? true : never = true;
export type FeedbackSerious = Json<Schemas['FeedbackSerious']>;
export type FeedbackOutcome = Json<Schemas['FeedbackOutcome']>;
export type SeriousInput = Json<Schemas['SeriousInput']>;
export type OutcomeInput = Json<Schemas['OutcomeInput']>;

const api = typedClient<paths>();

export const feedbackApi = {
  list: (query: FeedbackListQuery) => api.get('/api/feedback', { query }),
  counts: () => api.get('/api/feedback/counts'),
  get: (id: number) => api.get('/api/feedback/{id}', { path: { id } }),
  /** Posts an item; the same key (one per opened form) returns the first item instead of making a second. */
  create: (input: FeedbackInput, idempotencyKey: string) =>
    api.post('/api/feedback', { header: { 'Idempotency-Key': idempotencyKey }, body: input }),
  history: (id: number, page: number, size: number) =>
    api.get('/api/feedback/{id}/history', { path: { id }, query: { page, size } }),
  triage: (id: number, input: TriageInput) => api.post('/api/feedback/{id}/triage', { path: { id }, body: input }),
  decide: (id: number, input: DecideInput) => api.post('/api/feedback/{id}/decide', { path: { id }, body: input }),
  resolve: (id: number, input: ResolveInput) => api.post('/api/feedback/{id}/resolve', { path: { id }, body: input }),
  close: (id: number, input: CloseInput) => api.post('/api/feedback/{id}/close', { path: { id }, body: input }),
  /** Marks any item a serious dissatisfaction or complaint event (once; 409 already-serious). */
  markSerious: (id: number, input: SeriousInput) => api.post('/api/feedback/{id}/serious', { path: { id }, body: input }),
  /** Records the formal outcome notification a complaint or appeal needs before it closes. */
  notifyOutcome: (id: number, input: OutcomeInput) => api.post('/api/feedback/{id}/notify-outcome', { path: { id }, body: input }),
  /** The departments reference list, named in the Accept-Language. */
  departments: () => api.get('/api/feedback/departments'),
};

/** A new Idempotency-Key: one per opened form, so a double click or a retry never posts twice. */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  // crypto.randomUUID needs a secure context (https or localhost); elsewhere, 122 random bits the same way
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
