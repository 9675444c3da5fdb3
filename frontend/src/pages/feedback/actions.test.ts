import { describe, expect, it } from 'vitest';
import type { FeedbackItem, FeedbackStatus } from '../../api/feedback';
import type { Role } from '../../auth/roles';
import { actionsFor, closeNeedsExplanation, marksFor } from './actions';

/** The item as the service answers it in each status: allowedTransitions is FeedbackStatus.next(). */
const NEXT: Record<FeedbackStatus, FeedbackStatus[]> = {
  RECEIVED: ['TRIAGED'],
  TRIAGED: ['IN_HANDLING', 'ESCALATED', 'CLOSED'],
  ESCALATED: ['DECIDED'],
  DECIDED: ['IN_HANDLING'],
  IN_HANDLING: ['RESOLVED'],
  RESOLVED: ['CLOSED'],
  CLOSED: [],
};
const item = (status: FeedbackStatus, cls?: FeedbackItem['class']) => ({ status, allowedTransitions: NEXT[status], class: cls });
const ROLES: Role[][] = [['market'], ['department'], ['leader'], ['auditor'], ['admin']];

describe('the steps offered on an item, by status and role', () => {
  it('gives each role exactly its steps in each status', () => {
    const table = (status: FeedbackStatus, cls?: FeedbackItem['class']) =>
      Object.fromEntries(ROLES.map((roles) => [roles[0], actionsFor(item(status, cls), roles)]));
    expect(table('RECEIVED')).toEqual({ market: ['triage'], department: [], leader: [], auditor: [], admin: [] });
    expect(table('TRIAGED', 'A_UNREASONABLE')).toEqual({ market: ['close'], department: [], leader: [], auditor: [], admin: [] });
    expect(table('ESCALATED', 'C_BEYOND_AUTHORITY')).toEqual({ market: [], department: [], leader: ['decide'], auditor: [], admin: [] });
    expect(table('IN_HANDLING', 'B_WITHIN_AUTHORITY')).toEqual({ market: ['resolve'], department: ['resolve'], leader: [], auditor: [], admin: [] });
    expect(table('RESOLVED', 'B_WITHIN_AUTHORITY')).toEqual({ market: ['close'], department: [], leader: [], auditor: [], admin: [] });
    expect(table('CLOSED', 'A_UNREASONABLE')).toEqual({ market: [], department: [], leader: [], auditor: [], admin: [] });
  });

  it('offers nothing the service does not allow next, whatever the status says', () => {
    expect(actionsFor({ status: 'RECEIVED', allowedTransitions: [], class: undefined }, ['market'])).toEqual([]);
    expect(actionsFor({ status: 'RESOLVED', allowedTransitions: [], class: 'B_WITHIN_AUTHORITY' }, ['market'])).toEqual([]);
    // a TRIAGED item not of class a is not closed from there (b and c land elsewhere in one call)
    expect(actionsFor(item('TRIAGED', 'B_WITHIN_AUTHORITY'), ['market'])).toEqual([]);
  });

  it('adds up the steps of a user with several roles', () => {
    expect(actionsFor(item('IN_HANDLING'), ['leader', 'department'])).toEqual(['resolve']);
    expect(actionsFor(item('ESCALATED'), ['market', 'leader'])).toEqual(['decide']);
  });

  it('asks for the explanation on closing a class a item only when triage did not record one', () => {
    expect(closeNeedsExplanation({ class: 'A_UNREASONABLE', explanation: null })).toBe(true);
    expect(closeNeedsExplanation({ class: 'A_UNREASONABLE', explanation: '  ' })).toBe(true);
    expect(closeNeedsExplanation({ class: 'A_UNREASONABLE', explanation: '已向客户说明审核时间不能按其要求调整' })).toBe(false);
    expect(closeNeedsExplanation({ class: 'B_WITHIN_AUTHORITY', explanation: undefined })).toBe(false);
  });
});

describe('the outcome notification and the serious mark', () => {
  const complaint = (status: FeedbackStatus, cls: FeedbackItem['class'], extra: object = {}) =>
    ({ ...item(status, cls), kind: 'COMPLAINT' as const, ...extra });

  it('asks market to record the outcome of a resolved complaint before offering to close it', () => {
    expect(actionsFor(complaint('RESOLVED', 'B_WITHIN_AUTHORITY'), ['market'])).toEqual([]);
    expect(marksFor(complaint('RESOLVED', 'B_WITHIN_AUTHORITY'), ['market'])).toEqual(['notifyOutcome', 'markSerious']);
    const notified = complaint('RESOLVED', 'B_WITHIN_AUTHORITY', { outcome: { channel: 'LETTER', notifiedOn: '2026-12-01', summary: 's', recordedBy: 'market', recordedAt: '2026-12-01T08:00:00Z' } });
    expect(actionsFor(notified, ['market'])).toEqual(['close']);
    expect(marksFor(notified, ['market'])).toEqual(['markSerious']);
  });

  it('offers the outcome of a class a complaint once triaged, never before, and to nobody but market', () => {
    expect(marksFor(complaint('TRIAGED', 'A_UNREASONABLE'), ['market'])).toContain('notifyOutcome');
    expect(marksFor(complaint('IN_HANDLING', 'B_WITHIN_AUTHORITY'), ['market'])).not.toContain('notifyOutcome');
    for (const roles of [['department'], ['leader'], ['auditor'], ['admin']] as Role[][]) {
      expect(marksFor(complaint('RESOLVED', 'B_WITHIN_AUTHORITY'), roles)).toEqual([]);
    }
  });

  it('lets other kinds close without an outcome, and marks an item serious only once', () => {
    expect(actionsFor({ ...item('RESOLVED', 'B_WITHIN_AUTHORITY'), kind: 'OPINION' }, ['market'])).toEqual(['close']);
    expect(marksFor({ ...item('RESOLVED', 'B_WITHIN_AUTHORITY'), kind: 'OPINION' }, ['market'])).toEqual(['markSerious']);
    const marked = { ...item('RECEIVED'), kind: 'OPINION' as const, serious: { markedAt: '2026-12-01T08:00:00Z', markedBy: 'market', reason: 'r', automatic: false } };
    expect(marksFor(marked, ['market'])).toEqual([]);
  });
});
