import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { daysLeft } from './NationalReporting';

describe('the national reporting deadline', () => {
  it('counts the days left to the 10th, and those past it as negative', () => {
    expect(daysLeft('2026-12-10', dayjs('2026-12-03T23:59'))).toBe(7);
    expect(daysLeft('2026-12-10', dayjs('2026-12-10T08:00'))).toBe(0);
    expect(daysLeft('2026-12-10', dayjs('2026-12-12T01:00'))).toBe(-2);
  });
});
