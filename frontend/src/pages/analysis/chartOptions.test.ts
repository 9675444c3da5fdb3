import { describe, expect, it } from 'vitest';
import type { FeedbackYearSummary } from '../../api/feedbackAnalysis';
import { barOption, durationFigures, groups, hours, monthOption, monthSeries, pieOption } from './chartOptions';

const summary = {
  byMonth: [{ month: 1, count: 3 }, { month: 2, count: 0 }, { month: 12, count: 5 }, { month: 4, count: 2 }],
  byKind: [{ key: 'COMPLAINT', count: 4 }, { key: 'OPINION', count: 6 }, { key: 'APPEAL', count: 0 }],
  byClass: [{ key: 'A_UNREASONABLE', count: 1 }, { key: 'B_WITHIN_AUTHORITY', count: 0 }, { key: null, count: 9 }],
} as Pick<FeedbackYearSummary, 'byMonth' | 'byKind' | 'byClass'>;
const label = (k: string | null | undefined) => (k ? `L:${k}` : 'none');

describe('the year-end charts from the summary', () => {
  it('puts every month 1–12 in order, a month not listed counted 0', () => {
    expect(monthSeries(summary)).toEqual([3, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 5]);
  });

  it('draws the months as bars and their running total as a line', () => {
    const o = monthOption(summary, (m) => `${m}月`, { received: '收到', cumulative: '累计' });
    expect(o.xAxis.data).toEqual(['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']);
    expect(o.series[0]).toMatchObject({ type: 'bar', name: '收到', data: [3, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 5] });
    expect(o.series[1]).toMatchObject({ type: 'line', name: '累计', yAxisIndex: 1, data: [3, 3, 3, 5, 5, 5, 5, 5, 5, 5, 5, 10] });
  });

  it('names each group, "not classified" for the null key, and leaves empty slices out of a pie', () => {
    expect(groups(summary.byClass, label)).toEqual([{ key: 'A_UNREASONABLE', name: 'L:A_UNREASONABLE', value: 1 }, { key: null, name: 'none', value: 9 }]);
    const pie = pieOption(summary.byClass, label, '分类');
    expect(pie.series[0].data).toEqual([{ name: 'L:A_UNREASONABLE', value: 1 }, { name: 'none', value: 9 }]);
  });

  it('keeps every kind on the bar chart, zeros too, the first listed on top', () => {
    const bar = barOption(summary.byKind, label, '类型');
    expect(bar.yAxis.data).toEqual(['L:APPEAL', 'L:OPINION', 'L:COMPLAINT']);
    expect(bar.series[0].data).toEqual([0, 6, 4]);
  });

  it('shows hours as hours, two days and more as days, nothing measured as a dash', () => {
    const units = { h: 'h', d: 'd' };
    expect(hours(6, units)).toBe('6.0 h');
    expect(hours('27.00', units)).toBe('27.0 h');
    expect(hours(72, units)).toBe('3.0 d');
    expect(hours(null, units)).toBe('—');
    expect(durationFigures({ count: 0, median: null, p90: null }, units)).toEqual({ count: 0, median: '—', p90: '—' });
  });
});
