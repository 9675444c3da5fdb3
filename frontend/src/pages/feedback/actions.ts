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
export function actionsFor(item: Pick<FeedbackItem, 'status' | 'allowedTransitions' | 'class'>, roles: readonly Role[]): FeedbackAction[] {
  const next = new Set(item.allowedTransitions ?? []);
  const out: FeedbackAction[] = [];
  if (item.status === 'RECEIVED' && next.has('TRIAGED') && can(roles, 'feedback:triage')) out.push('triage');
  if (item.status === 'ESCALATED' && next.has('DECIDED') && can(roles, 'feedback:decide')) out.push('decide');
  if (item.status === 'IN_HANDLING' && next.has('RESOLVED') && can(roles, 'feedback:resolve')) out.push('resolve');
  const closable = item.status === 'RESOLVED' || (item.status === 'TRIAGED' && item.class === 'A_UNREASONABLE');
  if (closable && next.has('CLOSED') && can(roles, 'feedback:close')) out.push('close');
  return out;
}

/** A class a item closes only with the explanation given to the customer: ask for it when triage did not record it. */
export function closeNeedsExplanation(item: Pick<FeedbackItem, 'class' | 'explanation'>): boolean {
  return item.class === 'A_UNREASONABLE' && !item.explanation?.trim();
}
