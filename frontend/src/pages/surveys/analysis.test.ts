import { describe, expect, it } from 'vitest';
import type { QuarterGroup, QuarterReport } from '../../api/surveys';
import {
  annualStatus, anySuppressed, changeTrend, distributionShares, formatChange, formatFigure, quarterState, segmentParam, trendPoints,
  trendRequests, yearParam,
} from './analysis';
import { dimensionOption, segmentOption, trendOption } from './analysisCharts';
import { addQuarters, lastQuarters, previousQuarter, quarterParam, quarterParts } from './quarter';

const shown = (index: number, previousIndex: number | null = null): Pick<QuarterReport, 'overall'> => ({
  overall: { suppressed: false, index, previousIndex, dimensions: [], items: [] },
});
const hidden: Pick<QuarterReport, 'overall'> = { overall: { suppressed: true, suppressedBecause: 'SMALL', dimensions: [], items: [] } };
const group = (key: string | null, fields: Partial<QuarterGroup>): QuarterGroup => ({ key, suppressed: false, dimensions: [], items: [], ...fields });

describe('quarter arithmetic', () => {
  it('steps back and forth across years', () => {
    expect(previousQuarter('2026-Q1')).toBe('2025-Q4');
    expect(previousQuarter('2026-Q3')).toBe('2026-Q2');
    expect(addQuarters('2026-Q4', 1)).toBe('2027-Q1');
    expect(addQuarters('2026-Q2', -6)).toBe('2024-Q4');
    expect(addQuarters('2026-Q2', 0)).toBe('2026-Q2');
    expect(() => addQuarters('2026-Q5', 1)).toThrow();
  });

  it('lists the last quarters oldest first, and reads a quarter\'s parts', () => {
    expect(lastQuarters('2026-Q2', 4)).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    expect(quarterParts('2026-Q3')).toEqual({ year: 2026, quarter: 3 });
  });

  it('takes the quarter from the address when the service would, the current one (Shanghai) otherwise', () => {
    const now = new Date('2026-12-31T17:00:00Z'); // 1 January 2027 in Shanghai
    expect(quarterParam('2025-Q2', now)).toBe('2025-Q2');
    expect(quarterParam(null, now)).toBe('2027-Q1');
    expect(quarterParam('2025-Q5', now)).toBe('2027-Q1');
    expect(quarterParam('1999-Q4', now)).toBe('2027-Q1');
    expect(yearParam('2025', now)).toBe(2025);
    expect(yearParam(null, now)).toBe(2027);
    expect(yearParam('1999', now)).toBe(2027);
    expect(yearParam('20x5', now)).toBe(2027);
  });

  it('takes a known segment from the address, overall otherwise', () => {
    expect(['SCHEME', 'PROVINCE', 'PROFESSIONAL_CODE', 'GRADE', 'NONE'].map(segmentParam)).toEqual(['SCHEME', 'PROVINCE', 'PROFESSIONAL_CODE', 'GRADE', 'NONE']);
    expect([null, '', 'scheme', 'LEVEL'].map(segmentParam)).toEqual(['NONE', 'NONE', 'NONE', 'NONE']);
  });
});

describe('the figures as shown', () => {
  it('says which way the index moved: up, down, unchanged, or nothing to compare', () => {
    expect(changeTrend(1.25)).toBe('up');
    expect(changeTrend('-0.50')).toBe('down');
    expect(changeTrend(0)).toBe('flat');
    expect(changeTrend(null)).toBeUndefined();
    expect(changeTrend(undefined)).toBeUndefined();
    expect([formatChange(1.25), formatChange(-0.5), formatChange(0), formatChange(null)]).toEqual(['+1.25', '−0.50', '0.00', '—']);
  });

  it('shows two decimals, a dash for what the service did not send', () => {
    expect([formatFigure(78.5), formatFigure('67.97'), formatFigure(null), formatFigure(undefined), formatFigure('')]).toEqual(['78.50', '67.97', '—', '—', '—']);
  });

  it('tells an empty quarter (no campaign) from one with too few answers', () => {
    expect(quarterState({ templateCode: null, overall: hidden.overall })).toBe('noCampaign');
    expect(quarterState({ templateCode: '16-03', overall: hidden.overall })).toBe('suppressed');
    expect(quarterState({ templateCode: '16-03', overall: shown(80).overall })).toBe('figures');
  });

  it('finds anything held back: a group, an item without its distribution', () => {
    const item = { code: 'Q01', text: '', answers: 6, mean: 4.5, distribution: [0, 0, 0, 3, 3] };
    expect(anySuppressed({ overall: { ...shown(80).overall, items: [item] }, groups: [group('QMS', { items: [item] })] })).toBe(false);
    expect(anySuppressed({ overall: shown(80).overall, groups: [group('QMS', {}), group('EMS', { suppressed: true })] })).toBe(true);
    expect(anySuppressed({ overall: { ...shown(80).overall, items: [{ ...item, answers: 3, mean: null, distribution: null }] }, groups: [] })).toBe(true);
  });

  it('says whether the year met its target, or that it has no figure', () => {
    expect(annualStatus({ suppressed: false, figure: 82.1, met: true })).toBe('met');
    expect(annualStatus({ suppressed: false, figure: 70, met: false })).toBe('notMet');
    expect(annualStatus({ suppressed: true, figure: null, met: null })).toBe('suppressed');
  });

  it('splits a distribution into shares for its bar', () => {
    expect(distributionShares([0, 1, 1, 0, 2])).toEqual([0, 25, 25, 0, 50]);
    expect(distributionShares([0, 0, 0, 0, 0])).toEqual([0, 0, 0, 0, 0]);
  });
});

describe('the trend over four quarters', () => {
  it('asks for the quarter two back only, when the selected one is shown (its previousIndex gives the one between)', () => {
    const loaded = { '2026-Q3': shown(80, 78) };
    expect(trendRequests('2026-Q3', loaded)).toEqual(['2026-Q1']);
    const all = { ...loaded, '2026-Q1': shown(75, 70) };
    expect(trendRequests('2026-Q3', all)).toEqual(['2026-Q1']);
    expect(trendPoints('2026-Q3', all)).toEqual([
      { quarter: '2025-Q4', index: 70 }, { quarter: '2026-Q1', index: 75 }, { quarter: '2026-Q2', index: 78 }, { quarter: '2026-Q3', index: 80 },
    ]);
  });

  it('asks for the previous quarter itself when the selected one is suppressed, and waits for it before going further back', () => {
    expect(trendRequests('2026-Q3', { '2026-Q3': hidden })).toEqual(['2026-Q2']);
    const next = { '2026-Q3': hidden, '2026-Q2': shown(78, 76) };
    expect(trendRequests('2026-Q3', next)).toEqual(['2025-Q4', '2026-Q2']);
    const all = { ...next, '2025-Q4': hidden };
    expect(trendPoints('2026-Q3', all)).toEqual([
      { quarter: '2025-Q4', index: null }, { quarter: '2026-Q1', index: 76 }, { quarter: '2026-Q2', index: 78 }, { quarter: '2026-Q3', index: null },
    ]);
  });

  it('asks for each of the four when all are suppressed, and never more', () => {
    expect(trendRequests('2026-Q1', { '2026-Q1': hidden, '2025-Q4': hidden, '2025-Q3': hidden, '2025-Q2': hidden }))
      .toEqual(['2025-Q2', '2025-Q3', '2025-Q4']);
    expect(trendPoints('2026-Q1', { '2026-Q1': hidden }).map((p) => p.index)).toEqual([null, null, null, null]);
    expect(trendRequests('2026-Q1', {})).toEqual([]);
  });

  it('draws the points as a line with gaps', () => {
    const o = trendOption([{ quarter: '2026-Q1', index: 70 }, { quarter: '2026-Q2', index: null }], '指数');
    expect(o.xAxis.data).toEqual(['2026-Q1', '2026-Q2']);
    expect(o.series[0]).toMatchObject({ type: 'line', connectNulls: false, data: [70, null] });
  });
});

describe('the dashboard\'s charts', () => {
  it('puts the previous quarter\'s dimension indexes beside this quarter\'s, none where it had none', () => {
    const o = dimensionOption([
      { code: 'PROFESSIONALISM', name: '审核专业性', responses: 6, mean: 4.2, index: 80.5, previousIndex: 75 },
      { code: 'SERVICE', name: '服务', responses: 6, mean: 3.9, index: 72.25, previousIndex: null },
    ], { current: '2026-Q3', previous: '2026-Q2' });
    expect(o.xAxis.data).toEqual(['审核专业性', '服务']);
    expect(o.series.map((s) => [s.name, s.data])).toEqual([['2026-Q3', [80.5, 72.25]], ['2026-Q2', [75, null]]]);
  });

  it('shows a suppressed group as a grey label where its bar would be, with no figure of its own', () => {
    const groups = [
      group('QMS', { index: 81.2, responses: 12, responseRate: 40 }),
      group('EMS', { suppressed: true, suppressedBecause: 'SMALL' }),
      group(null, { suppressed: true, suppressedBecause: 'SECONDARY' }),
    ];
    const o = segmentOption(groups, (k) => k ?? '未登记', { series: '指数', suppressed: '少于 5 份，不显示', secondary: '另一分组', responses: '答卷', responseRate: '回复率' });
    // the first group on top
    expect(o.yAxis.data).toEqual(['未登记', 'EMS', 'QMS']);
    const [unknown, ems, qms] = o.series[0].data;
    expect(qms).toEqual({ value: 81.2, label: { show: true, position: 'right' } });
    for (const bar of [unknown, ems]) {
      expect(bar).toMatchObject({ value: 0, suppressed: true, itemStyle: { color: 'transparent' }, label: { formatter: '少于 5 份，不显示', color: '#8c8c8c' } });
    }
    expect(o.yAxis.axisLabel.color(undefined, 1)).toBe('#8c8c8c');
    expect(o.yAxis.axisLabel.color(undefined, 2)).not.toBe('#8c8c8c');
    expect(o.tooltip.formatter({ dataIndex: 2 })).toBe('QMS<br/>指数: 81.20<br/>答卷: 12<br/>回复率: 40.00 %');
    expect(o.tooltip.formatter({ dataIndex: 1 })).toBe('EMS<br/>少于 5 份，不显示');
    expect(o.tooltip.formatter({ dataIndex: 0 })).toBe('未登记<br/>另一分组');
  });
});
