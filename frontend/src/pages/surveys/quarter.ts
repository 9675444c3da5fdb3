/** A survey wave as survey-service names it: 2026-Q4 (year 2000–2099, quarter 1–4; its Quarter.FORMAT). */
export const QUARTER_FORMAT = /^(20\d{2})-Q([1-4])$/;

/** Whether the text is a quarter the service takes (spaces around it are trimmed, as the service does). */
export function isQuarter(value: string | null | undefined): boolean {
  return QUARTER_FORMAT.test((value ?? '').trim());
}

/**
 * The quarter a moment falls in, on the certification body's calendar (Asia/Shanghai, as the service's scheduler
 * counts it): 2026-12-31T17:00Z is already 2027-Q1 there.
 */
export function quarterOf(moment: Date, timeZone = 'Asia/Shanghai'): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric' }).formatToParts(moment);
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The quarter after one: 2026-Q4 → 2027-Q1. */
export function nextQuarter(quarter: string): string {
  const m = QUARTER_FORMAT.exec(quarter.trim());
  if (!m) {
    throw new Error(`not a quarter: ${quarter}`);
  }
  const year = Number(m[1]);
  const q = Number(m[2]);
  return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
}

/** The first and the last quarter the service takes. */
export const FIRST_QUARTER = '2000-Q1';
export const LAST_QUARTER = '2099-Q4';

/** The quarter `n` quarters later, or earlier for a negative `n`: 2026-Q1 − 1 → 2025-Q4 (not checked against the range). */
export function addQuarters(quarter: string, n: number): string {
  const m = QUARTER_FORMAT.exec(quarter.trim());
  if (!m) {
    throw new Error(`not a quarter: ${quarter}`);
  }
  const count = Number(m[1]) * 4 + Number(m[2]) - 1 + n;
  return `${Math.floor(count / 4)}-Q${(((count % 4) + 4) % 4) + 1}`;
}

/** The quarter before one: 2026-Q1 → 2025-Q4. */
export function previousQuarter(quarter: string): string {
  return addQuarters(quarter, -1);
}

/** The `count` quarters up to and including this one, oldest first: the trend's x axis. */
export function lastQuarters(quarter: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addQuarters(quarter, i - count + 1));
}

/** The year and the quarter's number (1–4) of a quarter. */
export function quarterParts(quarter: string): { year: number; quarter: number } {
  const m = QUARTER_FORMAT.exec(quarter.trim());
  if (!m) {
    throw new Error(`not a quarter: ${quarter}`);
  }
  return { year: Number(m[1]), quarter: Number(m[2]) };
}

/** The quarter in the address (?quarter=2026-Q3) when the service takes it, the current one otherwise. */
export function quarterParam(value: string | null | undefined, now = new Date()): string {
  return value && isQuarter(value) ? value.trim() : quarterOf(now);
}
