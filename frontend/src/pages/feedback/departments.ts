/**
 * The departments an item can be assigned to, by the codes feedback-service knows them by
 * (certcare.feedback.access.*: the market department `market`, the audit team `audit-team`, and the departments
 * users and the department systems are mapped to). feedback-service has no endpoint listing them yet, so the list
 * lives here; each is named in the message files (feedback.departments.<code>). Another code the service sends is
 * shown as it is.
 */
export const DEPARTMENTS = ['audit-scheduling', 'technical-committee', 'complaints-group', 'audit-team', 'market'] as const;
export type Department = (typeof DEPARTMENTS)[number];
