import { describe, expect, it } from 'vitest';
import { dueStates, rowProps } from './due';

const now = new Date('2026-12-02T10:00:00+08:00');
const base = {
  status: 'RECEIVED' as const,
  acknowledgeDueAt: '2026-11-30T10:00:00+08:00',
  acknowledgedAt: null,
  firstResponseDueAt: '2026-11-30T10:00:00+08:00',
  firstRespondedAt: null,
  resolutionDueAt: '2026-12-11T10:00:00+08:00',
  resolvedAt: null,
};

describe('the due times of an item', () => {
  it('marks overdue each due time passed and not met while the item is open', () => {
    expect(dueStates(base, now).map((d) => [d.key, d.overdue])).toEqual([
      ['acknowledge', true], ['firstResponse', true], ['resolution', false],
    ]);
  });

  it('a due time met (even late) is not overdue, and shows when it was met', () => {
    const states = dueStates({ ...base, status: 'IN_HANDLING', acknowledgedAt: '2026-12-01T09:00:00+08:00', firstRespondedAt: '2026-12-01T09:00:00+08:00' }, now);
    expect(states.map((d) => d.overdue)).toEqual([false, false, false]);
    expect(states[0].metAt).toBe('2026-12-01T09:00:00+08:00');
  });

  it('nothing is overdue once the item is resolved or closed', () => {
    const late = { ...base, resolutionDueAt: '2026-11-01T10:00:00+08:00' };
    expect(dueStates({ ...late, status: 'RESOLVED', resolvedAt: '2026-11-20T10:00:00+08:00' }, now).some((d) => d.overdue)).toBe(false);
    expect(dueStates({ ...late, status: 'CLOSED' }, now).some((d) => d.overdue)).toBe(false);
    expect(dueStates(late, now).every((d) => d.overdue)).toBe(true);
  });

  it('gives overdue rows the red class the stylesheet and the end-to-end test know, others nothing', () => {
    expect(rowProps({ overdue: true })).toEqual({ className: 'feedback-row-overdue', 'data-overdue': 'true' });
    expect(rowProps({ overdue: false })).toEqual({});
  });
});
