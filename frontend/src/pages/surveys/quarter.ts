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
