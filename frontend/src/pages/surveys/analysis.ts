import type { AnnualReport, QuarterGroup, QuarterReport, Segment } from '../../api/surveys';
import { SEGMENTS } from '../../api/surveys';
import { addQuarters, lastQuarters, quarterOf } from './quarter';

/**
 * The satisfaction analysis as the screens show it (GET /api/surveys/aggregates and /annual): what a figure looks
 * like, which way it moved, what the year's figure says against its target. Only figures the service sent are
 * shown — a suppressed group (fewer answers than the minimum) is named as such, never worked out from the others.
 * No message keys here: the quarterly and annual pages and the overview's card (another bundle) use it alike.
 */

/** A figure as the service sends it (BigDecimal: a JSON number, possibly a string) → number, or null when absent. */
export function figure(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** An index, mean or percentage with two decimals, as the service rounds it; a dash when there is none. */
export function formatFigure(value: number | string | null | undefined): string {
  const n = figure(value);
  return n === null ? '—' : n.toFixed(2);
}

/** Which way the index moved against the previous quarter; undefined when there is nothing to compare. */
export type Trend = 'up' | 'down' | 'flat';

export function changeTrend(change: number | string | null | undefined): Trend | undefined {
  const n = figure(change);
  if (n === null) {
    return undefined;
  }
  return n > 0 ? 'up' : n < 0 ? 'down' : 'flat';
}

/** Green up, red down (the colours of antd's Statistic examples), grey unchanged. */
export const TREND_COLOR: Record<Trend, string> = { up: '#3f8600', down: '#cf1322', flat: 'rgba(0, 0, 0, 0.45)' };

/** A change with its sign: +1.25, −0.50 (a real minus sign), 0.00; a dash when there is none. */
export function formatChange(change: number | string | null | undefined): string {
  const n = figure(change);
  if (n === null) {
    return '—';
  }
  const text = Math.abs(n).toFixed(2);
  return n > 0 ? `+${text}` : n < 0 ? `−${text}` : text;
}

/** The segment in the address (?by=), NONE when missing or unknown. */
export function segmentParam(value: string | null | undefined): Segment {
  return (SEGMENTS as readonly string[]).includes(value ?? '') ? (value as Segment) : 'NONE';
}

/** What a quarter's report has to show: no campaign at all, too few answers overall, or its figures. */
export type QuarterState = 'noCampaign' | 'suppressed' | 'figures';

export function quarterState(report: Pick<QuarterReport, 'templateCode' | 'overall'>): QuarterState {
  if (report.overall.suppressed) {
    return report.templateCode ? 'suppressed' : 'noCampaign';
  }
  return 'figures';
}

/** Whether anything on the quarter's page is held back by the minimum: the overall, a group or an item. */
export function anySuppressed(report: Pick<QuarterReport, 'overall' | 'groups'>): boolean {
  const inGroup = (g: QuarterGroup) => g.suppressed || g.items.some((i) => !i.distribution);
  return inGroup(report.overall) || report.groups.some(inGroup);
}

/**
 * The trend of the overall index over the last four quarters, from as few reports as it takes: a report names its
 * own index and the previous quarter's (`previousIndex`, when that quarter was shown), so the selected quarter's and
 * the one two back cover all four — unless one of them is suppressed, whose `previousIndex` is then unknown too.
 */
export const TREND_QUARTERS = 4;

/**
 * The quarters whose reports the trend needs besides the selected one (whose report must be in `loaded`), oldest
 * first, given the reports in hand: walking back, a quarter after a shown report is known from it; one after a
 * suppressed report, or after a quarter known that way, needs its own; one after a report still on its way waits
 * for it. So two reports when the selected quarter and the one two back are shown, four at most.
 */
export function trendRequests(selected: string, loaded: Readonly<Record<string, Pick<QuarterReport, 'overall'> | undefined>>): string[] {
  if (!loaded[selected]) {
    return [];
  }
  const quarters = lastQuarters(selected, TREND_QUARTERS);
  const wanted: string[] = [];
  let later: 'own' | 'fromLater' | 'waiting' = 'own';
  for (let i = quarters.length - 2; i >= 0; i--) {
    const laterReport = loaded[quarters[i + 1]];
    if (later === 'own' && laterReport && !laterReport.overall.suppressed) {
      later = 'fromLater';
    } else if (later === 'waiting') {
      break;
    } else {
      wanted.push(quarters[i]);
      later = loaded[quarters[i]] ? 'own' : 'waiting';
    }
  }
  return wanted.reverse();
}

export interface TrendPoint {
  quarter: string;
  /** The overall index, or null: suppressed, no answers, or not loaded (yet). */
  index: number | null;
}

/** The four quarters' overall indexes, oldest first, each from its own report or the next quarter's previousIndex. */
export function trendPoints(selected: string, loaded: Readonly<Record<string, Pick<QuarterReport, 'overall'> | undefined>>): TrendPoint[] {
  return lastQuarters(selected, TREND_QUARTERS).map((quarter) => {
    const own = loaded[quarter];
    if (own) {
      return { quarter, index: own.overall.suppressed ? null : figure(own.overall.index) };
    }
    const next = loaded[addQuarters(quarter, 1)];
    return { quarter, index: next && !next.overall.suppressed ? figure(next.overall.previousIndex) : null };
  });
}

/** The year's figure against its target: met, not met, or none (too few answers in the year). */
export type AnnualStatus = 'met' | 'notMet' | 'suppressed';

export function annualStatus(report: Pick<AnnualReport, 'suppressed' | 'figure' | 'met'>): AnnualStatus {
  if (report.suppressed || figure(report.figure) === null || report.met === null || report.met === undefined) {
    return 'suppressed';
  }
  return report.met ? 'met' : 'notMet';
}

export const ANNUAL_COLOR: Record<AnnualStatus, string> = { met: '#3f8600', notMet: '#cf1322', suppressed: 'rgba(0, 0, 0, 0.45)' };

/** The shares of 1–5 in an item's distribution, in %, for its stacked bar; only for an item the service showed. */
export function distributionShares(distribution: readonly number[]): number[] {
  const total = distribution.reduce((sum, n) => sum + n, 0);
  return distribution.map((n) => (total ? (n / total) * 100 : 0));
}

/** The first and last year the service takes (?year=2000–2099). */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;

/** The year in the address (?year=2026) when the service takes it; this year on the Shanghai calendar otherwise. */
export function yearParam(value: string | null | undefined, now = new Date()): number {
  const y = Number(value);
  return value && Number.isInteger(y) && y >= FIRST_YEAR && y <= LAST_YEAR ? y : Number(quarterOf(now).slice(0, 4));
}
