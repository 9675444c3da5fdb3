import type { FeedbackYearCount, FeedbackYearDurations, FeedbackYearSummary } from '../../api/feedbackAnalysis';

/**
 * ECharts options for the year-end report, built from the summary JSON alone (GET /api/feedback/analysis/year): the
 * page only draws them. Labels come from the caller (the message files), so the options are the same in both
 * languages but for the words.
 */
export type Label = (key: string | null | undefined) => string;

/** Months 1–12 in order, a month the summary leaves out counted 0. */
export function monthSeries(summary: Pick<FeedbackYearSummary, 'byMonth'>): number[] {
  const counts = Array<number>(12).fill(0);
  for (const m of summary.byMonth) {
    if (m.month >= 1 && m.month <= 12) counts[m.month - 1] = Number(m.count);
  }
  return counts;
}

/** Items received per month: bars, and a line of the running total. */
export function monthOption(summary: Pick<FeedbackYearSummary, 'byMonth'>, monthLabel: (month: number) => string,
  names: { received: string; cumulative: string }) {
  const counts = monthSeries(summary);
  let sum = 0;
  const cumulative = counts.map((c) => (sum += c));
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [names.received, names.cumulative], bottom: 0 },
    grid: { left: 40, right: 40, top: 20, bottom: 40 },
    xAxis: { type: 'category', data: counts.map((_, i) => monthLabel(i + 1)) },
    yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', minInterval: 1, splitLine: { show: false } }],
    series: [
      { name: names.received, type: 'bar', data: counts, barMaxWidth: 28 },
      { name: names.cumulative, type: 'line', yAxisIndex: 1, data: cumulative, smooth: true },
    ],
  };
}

/** Groups with a count, in the summary's order; zero groups left out unless `keepZeros`. */
export function groups(counts: readonly FeedbackYearCount[], label: Label, keepZeros = false): { key: string | null; name: string; value: number }[] {
  return counts
    .filter((c) => keepZeros || Number(c.count) > 0)
    .map((c) => ({ key: c.key ?? null, name: label(c.key), value: Number(c.count) }));
}

/** A horizontal bar per group (kinds, departments: long names read better down the side), largest on top. */
export function barOption(counts: readonly FeedbackYearCount[], label: Label, seriesName: string) {
  const data = groups(counts, label, true).reverse();
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 32, top: 10, bottom: 10, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: data.map((d) => d.name) },
    series: [{ name: seriesName, type: 'bar', data: data.map((d) => d.value), barMaxWidth: 22, label: { show: true, position: 'right' } }],
  };
}

/** A ring of the groups that have items (channels, classes). */
export function pieOption(counts: readonly FeedbackYearCount[], label: Label, seriesName: string) {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { type: 'scroll', bottom: 0 },
    series: [{
      name: seriesName, type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'],
      data: groups(counts, label).map((g) => ({ name: g.name, value: g.value })),
      label: { formatter: '{b}\n{c}' },
    }],
  };
}

/** "12.50" hours → "12.5 h" / "2.1 d" as people read a duration; "—" when nothing was measured. */
export function hours(value: number | string | null | undefined, units: { h: string; d: string }): string {
  if (value === null || value === undefined || value === '') return '—';
  const h = Number(value);
  if (!Number.isFinite(h)) return '—';
  return h >= 48 ? `${(h / 24).toFixed(1)} ${units.d}` : `${h.toFixed(1)} ${units.h}`;
}

/** Median and 90th percentile of a duration, with how many items were measured. */
export function durationFigures(d: FeedbackYearDurations, units: { h: string; d: string }) {
  return { count: Number(d.count), median: hours(d.median, units), p90: hours(d.p90, units) };
}
