import type { components, paths } from './generated/customer-service';
import { typedClient, type Json } from './typed';

/**
 * customer-service's grading (分等分级, 4.2.3): the audit team's on-site feedback, and the customer's grade with the
 * inputs that made it, the market's override and the history.
 */
type Schemas = components['schemas'];

export type Grade = Schemas['Grade'];
export type AuditType = Schemas['AuditType'];
export type CustomerGrade = Json<Schemas['CustomerGrade']>;
export type OnsiteFeedback = Json<Schemas['OnsiteFeedback']>;
export type OnsiteFeedbackInput = Json<Schemas['OnsiteFeedbackInput']>;

export const GRADES = ['A', 'B', 'C', 'D'] as const satisfies readonly Grade[];
export const AUDIT_TYPES = ['STAGE2', 'SURVEILLANCE', 'RECERTIFICATION'] as const satisfies readonly AuditType[];

const api = typedClient<paths>();

export const gradingApi = {
  grade: (customerId: number) => api.get('/api/customers/{customerId}/grade', { path: { customerId } }),
  feedback: (customerId: number) => api.get('/api/customers/{customerId}/onsite-feedback', { path: { customerId } }),
  record: (customerId: number, body: OnsiteFeedbackInput) =>
    api.post('/api/customers/{customerId}/onsite-feedback', { path: { customerId }, body }),
  recompute: (customerId: number) => api.post('/api/customers/{customerId}/grade/recompute', { path: { customerId } }),
  override: (customerId: number, grade: Grade, reason: string) =>
    api.put('/api/customers/{customerId}/grade/override', { path: { customerId }, body: { grade, reason } }),
  removeOverride: (customerId: number) =>
    api.delete('/api/customers/{customerId}/grade/override', { path: { customerId } }),
};
