import type { QuarterDimension, QuarterGroup } from '../../api/surveys';
import { figure, type TrendPoint } from './analysis';

/**
 * ECharts options of the quarterly dashboard, built from the aggregates JSON alone: the page only draws them. Words
 * come from the caller (the message files). A suppressed group is a grey label where its bar would be, never a bar:
 * the service sent no figure for it and none is made up here.
 */
export type Label = (key: string | null | undefined) => string;

const GREY = '#8c8c8c';
const PREVIOUS = '#bfbfbf';

/** The dimensions' indexes (0–100): this quarter's bars, the previous quarter's beside them where it was shown. */
export function dimensionOption(dimensions: readonly QuarterDimension[], names: { current: string; previous: string }) {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { data: [names.current, names.previous], bottom: 0 },
    grid: { left: 8, right: 16, top: 28, bottom: 36, containLabel: true },
    xAxis: { type: 'category', data: dimensions.map((d) => d.name), axisLabel: { interval: 0, width: 72, overflow: 'break' } },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [
      {
        name: names.current, type: 'bar', barMaxWidth: 28,
        data: dimensions.map((d) => figure(d.index)),
        label: { show: true, position: 'top', fontSize: 11 },
      },
      {
        name: names.previous, type: 'bar', barMaxWidth: 28, itemStyle: { color: PREVIOUS },
        // null: the previous quarter showed no figure for it (no bar, not a zero)
        data: dimensions.map((d) => figure(d.previousIndex)),
      },
    ],
  };
}

/** One row of the segment chart: a shown group's index, or the grey "fewer than N" label of a suppressed one. */
export type SegmentBar =
  | { value: number | null; label: { show: true; position: 'right' } }
  | { value: 0; suppressed: true; itemStyle: { color: 'transparent' }; label: { show: true; position: 'right'; formatter: string; color: string } };

/**
 * The groups' indexes as horizontal bars (province and scheme names read better down the side), the first group on
 * top. A suppressed group keeps its row, with the grey label in place of a bar; the tooltip gives a shown group's
 * responses and response rate, and a suppressed one's reason.
 */
export function segmentOption(groups: readonly QuarterGroup[], label: Label, texts: {
  series: string; suppressed: string; secondary: string; responses: string; responseRate: string;
}) {
  const rows = [...groups].reverse();
  const data: SegmentBar[] = rows.map((g) => (g.suppressed
    ? { value: 0, suppressed: true, itemStyle: { color: 'transparent' }, label: { show: true, position: 'right', formatter: texts.suppressed, color: GREY } }
    : { value: figure(g.index), label: { show: true, position: 'right' } }));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number }) => {
        const g = rows[p.dataIndex];
        if (g.suppressed) {
          return `${label(g.key)}<br/>${g.suppressedBecause === 'SECONDARY' ? texts.secondary : texts.suppressed}`;
        }
        const rate = figure(g.responseRate);
        return `${label(g.key)}<br/>${texts.series}: ${figure(g.index)?.toFixed(2) ?? '—'}`
          + `<br/>${texts.responses}: ${g.responses ?? '—'}<br/>${texts.responseRate}: ${rate === null ? '—' : `${rate.toFixed(2)} %`}`;
      },
    },
    grid: { left: 8, right: 120, top: 10, bottom: 10, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100 },
    yAxis: {
      type: 'category',
      data: rows.map((g) => label(g.key)),
      axisLabel: { color: (_: unknown, index: number) => (rows[index]?.suppressed ? GREY : '#595959') },
    },
    series: [{ name: texts.series, type: 'bar', barMaxWidth: 22, data }],
  };
}

/** Rows the segment chart needs: enough height for every group. */
export function segmentChartHeight(groups: number): number {
  return Math.max(160, groups * 30 + 40);
}

/** The overall index over the last quarters: a line, broken where a quarter showed no figure. */
export function trendOption(points: readonly TrendPoint[], seriesName: string) {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: points.map((p) => p.quarter) },
    yAxis: { type: 'value', min: 0, max: 100 },
    series: [{
      name: seriesName, type: 'line', connectNulls: false, symbolSize: 8,
      data: points.map((p) => p.index),
      label: { show: true, position: 'top' },
    }],
  };
}
