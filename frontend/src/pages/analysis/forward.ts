import type { CommonIssueForwardInput, CommonIssueForwarding } from '../../api/feedbackAnalysis';
import type { Role } from '../../auth/roles';
import { MANAGEMENT_REPRESENTATIVE } from '../feedback/departments';

/** feedback-service's limits on a forwarding (CommonIssueService): 1–10 recipients, codes [a-z0-9-] ≤ 50, note ≤ 5000. */
export const MAX_RECIPIENTS = 10;
export const NOTE_MAX = 5000;
const CODE = /^[a-z0-9-]{1,50}$/;

export interface ForwardValues { topic?: string; recipients?: string[]; note?: string }
export type ForwardProblem = 'recipients-required' | 'recipients-too-many' | 'recipients-code' | 'note-too-long' | 'topic-required';

/** What the dialog refuses before sending, each with the field it belongs beside; [] when it may be sent. */
export function forwardProblems(v: ForwardValues): { field: 'topic' | 'recipients' | 'note'; problem: ForwardProblem; value?: string }[] {
  const out: ReturnType<typeof forwardProblems> = [];
  if (!v.topic?.trim()) out.push({ field: 'topic', problem: 'topic-required' });
  const recipients = [...new Set(v.recipients ?? [])];
  if (recipients.length === 0) out.push({ field: 'recipients', problem: 'recipients-required' });
  if (recipients.length > MAX_RECIPIENTS) out.push({ field: 'recipients', problem: 'recipients-too-many' });
  for (const r of recipients) {
    if (!CODE.test(r)) out.push({ field: 'recipients', problem: 'recipients-code', value: r });
  }
  if ([...(v.note ?? '')].length > NOTE_MAX) out.push({ field: 'note', problem: 'note-too-long' });
  return out;
}

/** The request: the topic as listed, each recipient once (departments in the list's order, the management representative last), the note trimmed or left out. */
export function forwardInput(v: ForwardValues, order: readonly string[] = []): CommonIssueForwardInput {
  const rank = (code: string) => (code === MANAGEMENT_REPRESENTATIVE ? Number.MAX_SAFE_INTEGER : order.indexOf(code) < 0 ? order.length : order.indexOf(code));
  const recipients = [...new Set(v.recipients ?? [])].sort((a, b) => rank(a) - rank(b));
  const note = v.note?.trim();
  return { topic: v.topic ?? '', recipients, ...(note ? { note } : {}) };
}

/** Who may be forwarded to: the departments of the list except the market department itself, and the management representative. */
export function recipientOptions<T extends { value: string }>(departments: readonly T[]): T[] {
  return departments.filter((d) => d.value !== 'market');
}

/** Who answers what: a department user for its own department, the leader for the management representative, market on a recipient's behalf. */
export type AnswerMode = 'department' | 'representative' | 'onBehalf';

/** The answers this user may give on this forwarding (the service checks again, 409 already-answered / not-a-recipient). */
export function answerModes(f: Pick<CommonIssueForwarding, 'recipients'>, roles: readonly Role[]): AnswerMode[] {
  const open = f.recipients.filter((r) => !r.answered);
  const out: AnswerMode[] = [];
  if (roles.includes('market')) {
    if (open.length) out.push('onBehalf');
    return out;
  }
  if (roles.includes('leader') && open.some((r) => r.department === MANAGEMENT_REPRESENTATIVE)) out.push('representative');
  if (roles.includes('department') && !roles.includes('leader') && open.some((r) => r.department !== MANAGEMENT_REPRESENTATIVE)) out.push('department');
  return out;
}
