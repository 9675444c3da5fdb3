import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { ReactNode } from 'react';
import { withMessages } from '../../i18n';
import { tokenWithRoles } from '../../test/tokens';

vi.mock('../../config', () => ({ config: () => ({ gatewayUrl: '' }) }));
const auth = vi.hoisted(() => ({ token: '' }));
vi.mock('react-oidc-context', () => ({ useAuth: () => ({ user: { access_token: auth.token } }) }));
// jsdom has no canvas: each chart is a div holding the option it was given (functions left out)
vi.mock('echarts-for-react/esm/core', async () => {
  const { createElement } = await import('react');
  return { default: ({ option }: { option: unknown }) => createElement('div', { 'data-testid': 'echarts', 'data-option': JSON.stringify(option) }) };
});

// the messages load with the screens, as App.tsx loads them
const { default: Dashboard } = await withMessages('surveys', import('./Dashboard'));
const { default: AnnualPage } = await withMessages('surveys', import('./AnnualPage'));

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function mockFetch(answer: (url: string) => Response): string[] {
  const urls: string[] = [];
  globalThis.fetch = vi.fn(async (url: string | URL | Request) => {
    urls.push(String(url));
    return answer(String(url));
  }) as typeof fetch;
  return urls;
}

function renderAt(path: string, route: string, element: ReactNode, roles: string[]) {
  auth.token = tokenWithRoles(roles);
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter initialEntries={[path]}><Routes><Route path={route} element={element} /></Routes></MemoryRouter>
    </QueryClientProvider>,
  );
}

const optionOf = (testId: string) => JSON.parse(within(screen.getByTestId(testId)).getByTestId('echarts').getAttribute('data-option')!);

const hidden = (key: string | null, because = 'SMALL') => ({ key, suppressed: true, suppressedBecause: because, dimensions: [], items: [] });
const OVERALL = {
  key: null, suppressed: false, dispatched: 20, responses: 8, responseRate: 40, index: 80.5, previousIndex: 78, change: 2.5,
  dimensions: [
    { code: 'PROFESSIONALISM', name: '审核专业性', responses: 8, mean: 4.25, index: 81.25, previousIndex: 77.5 },
    { code: 'SERVICE', name: '服务质量', responses: 8, mean: 4.1, index: 77.5, previousIndex: null },
  ],
  items: [
    { code: 'Q04', dimension: 'PROFESSIONALISM', text: '审核员的专业能力', weight: 1.5, answers: 8, mean: 4.25, distribution: [0, 0, 1, 4, 3] },
    { code: 'Q09', dimension: 'SERVICE', text: '投诉处理的及时性', weight: 1, answers: 3, mean: null, distribution: null },
  ],
};
const quarter = (q: string, previous: string, fields: object) => ({
  quarter: q, by: 'NONE', minGroupSize: 5, templateCode: '16-03', templateVersion: 1, previousQuarter: previous, overall: OVERALL, groups: [], ...fields,
});
const Q3 = quarter('2026-Q3', '2026-Q2', {});
const Q1 = quarter('2026-Q1', '2025-Q4', { overall: { ...OVERALL, index: 75, previousIndex: 70, change: 5 } });
const Q3_BY_PROVINCE = quarter('2026-Q3', '2026-Q2', {
  by: 'PROVINCE',
  groups: [
    { ...OVERALL, key: '320000', index: 82, responses: 6, responseRate: 50 },
    hidden('330000'),
    hidden(null, 'SECONDARY'),
  ],
});
const REFERENCE = {
  provinces: [{ code: '320000', name: '江苏省' }, { code: '330000', name: '浙江省' }], schemes: [], professionalCodes: [], statuses: [],
};

const ANNUAL = {
  year: 2026, minGroupSize: 5, suppressed: false, responses: 31, weighting: 'RESPONSES', index: 84.5, seriousEvents: 3,
  deductionPerEvent: 2, maxDeduction: 10, deduction: 6, figure: 78.5, target: 80, met: false,
  quarters: [
    { quarter: '2026-Q1', suppressed: false, dispatched: 30, responses: 12, responseRate: 40, index: 85.1 },
    { quarter: '2026-Q2', suppressed: false, dispatched: 40, responses: 16, responseRate: 40, index: 83.75 },
    { quarter: '2026-Q3', suppressed: true, dispatched: null, responses: null, responseRate: null, index: null },
    { quarter: '2026-Q4', suppressed: true, dispatched: null, responses: null, responseRate: null, index: null },
  ],
};

describe('the satisfaction analysis screens', { timeout: 20_000 }, () => {
  const original = globalThis.fetch;
  beforeEach(() => {
    URL.createObjectURL = vi.fn(() => 'blob:csv');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  });
  afterEach(() => {
    globalThis.fetch = original;
    vi.restoreAllMocks();
  });

  it('shows the quarter: index with its rise, the response rate beside it, the dimensions, the items, the trend, and the CSV', async () => {
    const urls = mockFetch((url) => {
      if (url.includes('format=csv')) {
        return new Response('\uFEFFquarter,segment\r\n', { headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="survey-2026-Q3.csv"' } });
      }
      return json(url.includes('quarter=2026-Q1') ? Q1 : Q3);
    });
    renderAt('/surveys/dashboard?quarter=2026-Q3', '/surveys/dashboard', <Dashboard />, ['market']);
    expect(await screen.findByTestId('kpi-index')).toHaveTextContent('80.50/ 100');
    expect(screen.getByTestId('dashboard-title')).toHaveTextContent('2026-Q3 客户满意度分析');
    const change = screen.getByTestId('kpi-change');
    expect(change).toHaveTextContent('+2.50 较 2026-Q2');
    expect(change).toHaveAttribute('data-trend', 'up');
    expect(change).toHaveStyle({ color: '#3f8600' });
    expect(screen.getByTestId('kpi-rate')).toHaveTextContent('40.00%');
    expect(screen.getByTestId('kpi-responses')).toHaveTextContent('8');
    expect(screen.getByTestId('kpi-dispatched')).toHaveTextContent('20');
    expect(screen.getByTestId('dashboard-template')).toHaveTextContent('调查表 16-03 第 1 版，与 2026-Q2 对比');

    // this quarter's dimensions beside the previous quarter's (none where it showed none)
    const dimensions = optionOf('chart-dimensions');
    expect(dimensions.xAxis.data).toEqual(['审核专业性', '服务质量']);
    expect(dimensions.series.map((s: { name: string; data: unknown[] }) => [s.name, s.data])).toEqual([['2026-Q3', [81.25, 77.5]], ['2026-Q2', [77.5, null]]]);

    // the items: a shown one with its distribution, one below the minimum only marked; the rule said once
    const shown = screen.getByTestId('item-Q04');
    expect(shown).toHaveTextContent('审核员的专业能力');
    expect(shown).toHaveTextContent('审核专业性');
    expect(shown).toHaveTextContent('4.25');
    expect(within(shown).getByTestId('item-distribution')).toHaveAttribute('data-counts', '0,0,1,4,3');
    const small = screen.getByTestId('item-Q09');
    expect(within(small).getByTestId('item-suppressed')).toHaveTextContent('少于 5 份，不显示');
    expect(within(small).queryByTestId('item-distribution')).not.toBeInTheDocument();
    expect(within(small).queryByText('3')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('dashboard-rule')).toHaveLength(1);
    expect(screen.getByTestId('dashboard-rule')).toHaveTextContent('少于 5 份答卷的分组不显示数据');

    // the trend: two reports for four quarters (2026-Q2 from this one's previousIndex, 2025-Q4 from 2026-Q1's)
    await screen.findByTestId('chart-trend');
    expect(optionOf('chart-trend').series[0].data).toEqual([70, 75, 78, 80.5]);
    expect(urls.filter((u) => u.startsWith('/api/surveys/aggregates'))).toEqual([
      '/api/surveys/aggregates?quarter=2026-Q3&by=NONE&format=json',
      '/api/surveys/aggregates?quarter=2026-Q1&by=NONE&format=json',
    ]);
    // no segment asked for: no segment chart, no customer reference lists
    expect(screen.queryByTestId('chart-segments')).not.toBeInTheDocument();
    expect(urls).not.toContain('/api/customers/reference');

    await userEvent.click(screen.getByTestId('dashboard-csv'));
    await vi.waitFor(() => expect(urls).toContain('/api/surveys/aggregates?quarter=2026-Q3&by=NONE&format=csv'));
    expect(HTMLAnchorElement.prototype.click).toHaveBeenCalled();
  });

  it('splits by province: a suppressed group is a grey label, no bar; the previous button goes back a quarter', async () => {
    const urls = mockFetch((url) => {
      if (url === '/api/customers/reference') {
        return json(REFERENCE);
      }
      if (url.includes('by=PROVINCE')) {
        return json(Q3_BY_PROVINCE);
      }
      return json(url.includes('quarter=2026-Q3') ? Q3 : url.includes('quarter=2026-Q2') ? quarter('2026-Q2', '2026-Q1', {}) : Q1);
    });
    renderAt('/surveys/dashboard?quarter=2026-Q3', '/surveys/dashboard', <Dashboard />, ['leader']);
    await screen.findByTestId('kpi-index');
    await userEvent.click(screen.getByTestId('segment-PROVINCE'));
    await screen.findByTestId('chart-segments');
    await vi.waitFor(() => expect(optionOf('chart-segments').yAxis.data).toEqual(['未登记', '浙江省', '江苏省']));
    const bars = optionOf('chart-segments').series[0].data;
    expect(bars[2]).toEqual({ value: 82, label: { show: true, position: 'right' } });
    for (const bar of [bars[0], bars[1]]) {
      expect(bar).toMatchObject({ value: 0, suppressed: true, itemStyle: { color: 'transparent' }, label: { formatter: '少于 5 份，不显示' } });
    }
    expect(screen.getByTestId('dashboard-rule')).toBeInTheDocument();
    expect(urls).toContain('/api/surveys/aggregates?quarter=2026-Q3&by=PROVINCE&format=json');

    await userEvent.click(screen.getByTestId('dashboard-previous'));
    expect(await screen.findByText('2026-Q2 客户满意度分析')).toBeInTheDocument();
    await vi.waitFor(() => expect(urls).toContain('/api/surveys/aggregates?quarter=2026-Q2&by=PROVINCE&format=json'));
  });

  it('shows a fall in red', async () => {
    mockFetch((url) => json(url.includes('quarter=2026-Q4')
      ? quarter('2026-Q4', '2026-Q3', { overall: { ...OVERALL, index: 77.5, previousIndex: 80.5, change: -3 } })
      : Q3));
    renderAt('/surveys/dashboard?quarter=2026-Q4', '/surveys/dashboard', <Dashboard />, ['market']);
    const change = await screen.findByTestId('kpi-change');
    expect(change).toHaveTextContent('−3.00 较 2026-Q3');
    expect(change).toHaveAttribute('data-trend', 'down');
    expect(change).toHaveStyle({ color: '#cf1322' });
  });

  it('says a quarter without a campaign is empty, with the campaigns a link away for market only', async () => {
    mockFetch(() => json(quarter('2027-Q2', '2027-Q1', { templateCode: null, templateVersion: null, overall: hidden(null) })));
    renderAt('/surveys/dashboard?quarter=2027-Q2', '/surveys/dashboard', <Dashboard />, ['market']);
    expect(await screen.findByTestId('dashboard-empty')).toHaveTextContent('2027-Q2 没有满意度调查活动');
    expect(screen.getByRole('link', { name: '查看调查活动' })).toHaveAttribute('href', '/surveys/campaigns');
    expect(screen.queryByTestId('kpi-index')).not.toBeInTheDocument();
  });

  it('shows an auditor the figures read-only: no campaign link, no client, and a quarter of too few answers as the rule', async () => {
    const urls = mockFetch((url) => json(url.includes('quarter=2026-Q3')
      ? quarter('2026-Q3', '2026-Q2', { overall: hidden(null) })
      : quarter('2026-Q2', '2026-Q1', { templateCode: null, overall: hidden(null) })));
    renderAt('/surveys/dashboard?quarter=2026-Q3', '/surveys/dashboard', <Dashboard />, ['auditor']);
    expect(await screen.findByTestId('dashboard-suppressed')).toHaveTextContent('2026-Q3 收到的答卷少于 5 份，不显示数据');
    expect(screen.getByTestId('dashboard-rule')).toHaveTextContent('少于 5 份答卷的分组不显示数据');
    expect(screen.queryByTestId('kpi-index')).not.toBeInTheDocument();
    // the trend: a suppressed report names no quarter before it, so each earlier one is asked for itself — all empty here
    await vi.waitFor(() => expect(urls.filter((u) => u.startsWith('/api/surveys/aggregates'))).toEqual(
      ['2026-Q3', '2026-Q2', '2026-Q1', '2025-Q4'].map((q) => `/api/surveys/aggregates?quarter=${q}&by=NONE&format=json`),
    ));
    expect(screen.queryByTestId('chart-trend')).not.toBeInTheDocument();
    // no campaign (they name clients): only the quarter's written report, which the service shows auditors once issued
    expect(screen.getAllByRole('link').map((l) => l.getAttribute('href'))).toEqual(['/surveys/reports/2026-Q3']);
    expect(urls.every((u) => u.startsWith('/api/surveys/aggregates'))).toBe(true);
  });

  it('shows the year: quarters (suppressed ones marked), index, serious events, deduction, the figure against the target, the criteria', async () => {
    const urls = mockFetch((url) => (url.includes('format=csv')
      ? new Response('\uFEFFperiod\r\n', { headers: { 'Content-Type': 'text/csv' } })
      : json(ANNUAL)));
    renderAt('/surveys/annual?year=2026', '/surveys/annual', <AnnualPage />, ['auditor']);
    expect(await screen.findByTestId('annual-figure')).toHaveTextContent('78.50');
    expect(screen.getByTestId('annual-title')).toHaveTextContent('2026 年度客户满意度');
    expect(screen.getByTestId('annual-met')).toHaveTextContent('未达到目标');
    expect(screen.getByTestId('annual-met')).toHaveAttribute('data-met', 'false');
    expect(screen.getByTestId('annual-index')).toHaveTextContent('84.50');
    expect(screen.getByTestId('annual-serious')).toHaveTextContent('3');
    expect(screen.getByTestId('annual-deduction')).toHaveTextContent('6.00');
    expect(screen.getByTestId('annual-responses')).toHaveTextContent('31');
    expect(screen.getByTestId('annual-formula')).toHaveTextContent('年度满意度 = 全年满意度指数 84.50 − 扣减 6.00 = 78.50');
    expect(screen.getByTestId('annual-2026-Q1')).toHaveTextContent('85.10');
    expect(screen.getByTestId('annual-2026-Q1')).toHaveTextContent('40.00 %');
    expect(within(screen.getByTestId('annual-2026-Q3')).getByTestId('quarter-suppressed')).toHaveTextContent('少于 5 份，不显示');
    expect(screen.getAllByTestId('annual-rule')).toHaveLength(1);
    const criteria = screen.getByTestId('annual-criteria');
    expect(criteria).toHaveTextContent('按答卷平均（每份答卷计一次）');
    expect(criteria).toHaveTextContent('每起严重事件扣减2.00 分');
    expect(criteria).toHaveTextContent('最多扣减10.00 分');
    expect(criteria).toHaveTextContent('目标80.00');
    expect(urls).toEqual(['/api/surveys/annual?year=2026&format=json']);

    await userEvent.click(screen.getByTestId('annual-csv'));
    await vi.waitFor(() => expect(urls).toContain('/api/surveys/annual?year=2026&format=csv'));
  });

  it('says when a year has too few answers for a figure', async () => {
    mockFetch(() => json({ ...ANNUAL, year: 2025, suppressed: true, responses: null, index: null, figure: null, met: null, seriousEvents: 0, deduction: 0 }));
    renderAt('/surveys/annual?year=2025', '/surveys/annual', <AnnualPage />, ['leader']);
    expect(await screen.findByTestId('annual-suppressed')).toHaveTextContent('2025 年收到的答卷少于 5 份，不计算年度满意度');
    expect(screen.queryByTestId('annual-met')).not.toBeInTheDocument();
    expect(screen.queryByTestId('annual-formula')).not.toBeInTheDocument();
    expect(screen.getByTestId('annual-figure')).toHaveTextContent('—');
  });

  it('shows a met target in green', async () => {
    mockFetch(() => json({ ...ANNUAL, figure: 82.5, deduction: 2, seriousEvents: 1, met: true }));
    renderAt('/surveys/annual', '/surveys/annual', <AnnualPage />, ['market']);
    expect(await screen.findByTestId('annual-met')).toHaveTextContent('达到目标');
    expect(screen.getByTestId('annual-figure').querySelector('.ant-statistic-content')).toHaveStyle({ color: '#3f8600' });
  });
});
