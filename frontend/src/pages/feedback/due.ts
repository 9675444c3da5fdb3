import type { FeedbackItem } from '../../api/feedback';

export type DueKey = 'acknowledge' | 'firstResponse' | 'resolution';

export interface DueState {
  key: DueKey;
  dueAt: string;
  /** When it was met, if it was. */
  metAt?: string | null;
  /** Not met, the item still open, and the due time passed. */
  overdue: boolean;
}

type DueFields = Pick<FeedbackItem, 'status' | 'acknowledgeDueAt' | 'acknowledgedAt' | 'firstResponseDueAt' | 'firstRespondedAt'
  | 'resolutionDueAt' | 'resolvedAt'>;

/**
 * The three due times of an item, each with when it was met and whether it is overdue — the service's rule
 * (FeedbackItem.overdue): open (not RESOLVED or CLOSED) and past a due time not yet met.
 */
export function dueStates(item: DueFields, now: Date = new Date()): DueState[] {
  const open = item.status !== 'RESOLVED' && item.status !== 'CLOSED';
  const state = (key: DueKey, dueAt: string, metAt: string | null | undefined): DueState => ({
    key, dueAt, metAt,
    overdue: open && !metAt && Date.parse(dueAt) < now.getTime(),
  });
  return [
    state('acknowledge', item.acknowledgeDueAt, item.acknowledgedAt),
    state('firstResponse', item.firstResponseDueAt, item.firstRespondedAt),
    state('resolution', item.resolutionDueAt, item.resolvedAt),
  ];
}

/** The row's look in the inbox: overdue rows are red (a class the stylesheet and the e2e test know). */
export function rowProps(item: Pick<FeedbackItem, 'overdue'>): { className?: string; 'data-overdue'?: 'true' } {
  return item.overdue ? { className: 'feedback-row-overdue', 'data-overdue': 'true' } : {};
}
