import type { FeedbackItem } from '../../api/feedback';
import { can, type Role } from '../../auth/roles';

/** The steps a user may take on an item, in the order the buttons show them. */
export type FeedbackAction = 'triage' | 'decide' | 'resolve' | 'close';

/**
 * What the buttons offer: the item's allowedTransitions (the service's state machine) and the user's roles.
 * RECEIVED → triage (market); ESCALATED → decide (leader); IN_HANDLING → resolve (the department, or market);
 * RESOLVED, or TRIAGED as class a → close (market). The service checks it all again (a department resolves only what
 * its department is assigned; complaints are decided and closed only by someone independent).
 */
export function actionsFor(item: Pick<FeedbackItem, 'status' | 'allowedTransitions' | 'class'> & Partial<Pick<FeedbackItem, 'kind' | 'outcome'>>,
  roles: readonly Role[]): FeedbackAction[] {
  const next = new Set(item.allowedTransitions ?? []);
  const out: FeedbackAction[] = [];
  if (item.status === 'RECEIVED' && next.has('TRIAGED') && can(roles, 'feedback:triage')) out.push('triage');
  if (item.status === 'ESCALATED' && next.has('DECIDED') && can(roles, 'feedback:decide')) out.push('decide');
  if (item.status === 'IN_HANDLING' && next.has('RESOLVED') && can(roles, 'feedback:resolve')) out.push('resolve');
  const closable = item.status === 'RESOLVED' || (item.status === 'TRIAGED' && item.class === 'A_UNREASONABLE');
  if (closable && next.has('CLOSED') && can(roles, 'feedback:close') && !outcomeMissing(item)) out.push('close');
  return out;
}

/** The market department's marks beside the steps: the formal outcome notification, the serious mark. */
export type MarkAction = 'notifyOutcome' | 'markSerious';

const complaintOrAppeal = (kind: FeedbackItem['kind'] | undefined) => kind === 'COMPLAINT' || kind === 'APPEAL';

/** When the outcome may be recorded (the service's FeedbackItem.outcomeDue): RESOLVED, or TRIAGED as class a. */
export function outcomeDue(item: Pick<FeedbackItem, 'status' | 'class'>): boolean {
  return item.status === 'RESOLVED' || (item.status === 'TRIAGED' && item.class === 'A_UNREASONABLE');
}

/** A complaint or appeal closes only once its outcome was formally notified (409 outcome-not-notified otherwise). */
export function outcomeMissing(item: Partial<Pick<FeedbackItem, 'kind' | 'outcome'>>): boolean {
  return complaintOrAppeal(item.kind) && !item.outcome;
}

/**
 * The marks offered: the outcome notification for a complaint or appeal once it is due and not yet recorded (then
 * closing follows); marking any item a serious dissatisfaction or complaint event unless it is marked already.
 */
export function marksFor(item: Pick<FeedbackItem, 'status' | 'class' | 'kind'> & Partial<Pick<FeedbackItem, 'outcome' | 'serious'>>, roles: readonly Role[]): MarkAction[] {
  const out: MarkAction[] = [];
  if (complaintOrAppeal(item.kind) && !item.outcome && outcomeDue(item) && can(roles, 'feedback:outcome')) out.push('notifyOutcome');
  if (!item.serious && can(roles, 'feedback:serious')) out.push('markSerious');
  return out;
}

/** A class a item closes only with the explanation given to the customer: ask for it when triage did not record it. */
export function closeNeedsExplanation(item: Pick<FeedbackItem, 'class' | 'explanation'>): boolean {
  return item.class === 'A_UNREASONABLE' && !item.explanation?.trim();
}
