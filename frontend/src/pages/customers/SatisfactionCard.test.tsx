import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { withMessages } from '../../i18n';
import { quarterOf } from '../surveys/quarter';

vi.mock('../../config', () => ({ config: () => ({ gatewayUrl: '' }) }));
vi.mock('react-oidc-context', () => ({ useAuth: () => ({ user: { access_token: 'token' } }) }));

// with the bundle the overview loads (App.tsx: customers), not the surveys one
const { SatisfactionCard } = await withMessages('customers', import('./SatisfactionCard'));

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const year = Number(quarterOf(new Date()).slice(0, 4));
const ANNUAL = {
  year, minGroupSize: 5, suppressed: false, responses: 31, weighting: 'RESPONSES', index: 84.5, seriousEvents: 3,
  deductionPerEvent: 2, maxDeduction: 10, deduction: 6, figure: 78.5, target: 80, met: false, quarters: [],
};

function renderCard(answer: () => Response): string[] {
  const urls: string[] = [];
  globalThis.fetch = vi.fn(async (url: string | URL | Request) => {
    urls.push(String(url));
    return answer();
  }) as typeof fetch;
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter><SatisfactionCard /></MemoryRouter>
    </QueryClientProvider>,
  );
  return urls;
}

describe('the overview\'s annual satisfaction card', { timeout: 20_000 }, () => {
  const original = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = original;
  });

  it('shows this year\'s figure against the target, not met in red, and links to the annual page', async () => {
    const urls = renderCard(() => json(ANNUAL));
    expect(await screen.findByTestId('satisfaction-figure')).toHaveTextContent('78.50');
    expect(screen.getByTestId('satisfaction-figure').querySelector('.ant-statistic-content')).toHaveStyle({ color: '#cf1322' });
    expect(screen.getByTestId('satisfaction-met')).toHaveTextContent('未达到目标');
    expect(screen.getByTestId('satisfaction-card')).toHaveTextContent('年度客户满意度');
    expect(screen.getByTestId('satisfaction-card')).toHaveTextContent('目标 80.00');
    expect(screen.getByTestId('satisfaction-details')).toHaveAttribute('href', '/surveys/annual');
    expect(urls).toEqual([`/api/surveys/annual?year=${year}&format=json`]);
  });

  it('says a year of too few answers has no figure yet', async () => {
    renderCard(() => json({ ...ANNUAL, suppressed: true, responses: null, index: null, figure: null, met: null }));
    expect(await screen.findByTestId('satisfaction-suppressed')).toHaveTextContent(`${year} 年答卷少于 5 份，暂无年度满意度`);
    expect(screen.queryByTestId('satisfaction-met')).not.toBeInTheDocument();
  });

  it('keeps a failure inside the card', async () => {
    renderCard(() => json({ status: 503, title: 'Service Unavailable' }, 503));
    expect(await screen.findByTestId('satisfaction-unavailable')).toHaveTextContent('暂时无法读取满意度数据');
  });
});
