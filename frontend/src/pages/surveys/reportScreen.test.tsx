import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, Route, Routes } from 'react-router';
import { withMessages } from '../../i18n';
import { tokenWithRoles } from '../../test/tokens';

vi.mock('../../config', () => ({ config: () => ({ gatewayUrl: '' }) }));
const auth = vi.hoisted(() => ({ token: '' }));
vi.mock('react-oidc-context', () => ({ useAuth: () => ({ user: { access_token: auth.token } }) }));

// the messages load with the screen, as App.tsx loads them
const { default: ReportPage } = await withMessages('surveys', import('./ReportPage'));

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
const problem = (status: number, fields: object) => json({ status, title: 'x', detail: 'x', ...fields }, status, 'application/problem+json');

interface Call { method: string; url: string; body?: unknown }
function mockFetch(answer: (call: Call) => Response): Call[] {
  const calls: Call[] = [];
  globalThis.fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
    const call = { method: init?.method ?? 'GET', url: String(url), body: init?.body ? JSON.parse(String(init.body)) : undefined };
    calls.push(call);
    return answer(call);
  }) as typeof fetch;
  return calls;
}

function renderAt(quarter: string, roles: string[]) {
  auth.token = tokenWithRoles(roles);
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter initialEntries={[`/surveys/reports/${quarter}`]}>
        <Routes><Route path="/surveys/reports/:quarter" element={<ReportPage />} /></Routes>
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

const SUGGESTED = {
  quarter: '2026-Q3', status: 'DRAFT', conclusions: '2026-Q3 共发放满意度调查 20 份，收回有效答复 8 份。', saved: false, version: 0,
  formNumber: null, maxConclusions: 20000, updatedBy: null, updatedAt: null, issuedBy: null, issuedAt: null,
};
const SAVED = { ...SUGGESTED, conclusions: '结论：收费说明需改进。', saved: true, version: 1, updatedBy: 'market-user', updatedAt: '2026-10-08T02:00:00Z' };
const ISSUED = { ...SAVED, status: 'ISSUED', version: 2, issuedBy: 'market-user', issuedAt: '2026-10-09T02:00:00Z' };

describe('the quarterly report screen', { timeout: 20_000 }, () => {
  const original = globalThis.fetch;
  beforeEach(() => {
    URL.createObjectURL = vi.fn(() => 'blob:pdf');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  });
  afterEach(() => {
    globalThis.fetch = original;
    vi.restoreAllMocks();
  });

  it('lets market edit the suggested draft, save it against the version read, issue it after a confirm, and download the PDF', async () => {
    let current: object = SUGGESTED;
    const calls = mockFetch((call) => {
      if (call.url.includes('/document')) {
        return new Response('%PDF-1.7', { headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'attachment; filename="satisfaction-report-2026-Q3-draft.pdf"' } });
      }
      if (call.method === 'PUT') {
        current = { ...SAVED, conclusions: (call.body as { conclusions: string }).conclusions };
      } else if (call.method === 'POST') {
        current = { ...ISSUED, conclusions: (current as { conclusions: string }).conclusions };
      }
      return json(current);
    });
    renderAt('2026-Q3', ['market']);
    expect(await screen.findByTestId('report-title')).toHaveTextContent('2026-Q3 顾客满意度季度分析报告');
    expect(await screen.findByTestId('report-status')).toHaveTextContent('草稿');
    expect(screen.getByTestId('report-suggested')).toBeInTheDocument();
    expect(screen.getByTestId('report-updated')).toHaveTextContent('尚未保存');
    const text = screen.getByTestId('report-conclusions');
    expect(text).toHaveValue(SUGGESTED.conclusions);
    expect(screen.getByTestId('report-issue')).toBeDisabled(); // nothing saved yet

    await userEvent.clear(text);
    await userEvent.type(text, '结论：收费说明需改进。');
    await userEvent.click(screen.getByTestId('report-save'));
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT')).toBe(true));
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.url).toContain('/api/surveys/reports/2026-Q3');
    expect(put.body).toEqual({ conclusions: '结论：收费说明需改进。', version: 0 });
    await waitFor(() => expect(screen.getByTestId('report-updated')).toHaveTextContent('market-user'));

    await userEvent.click(screen.getByTestId('report-pdf'));
    await waitFor(() => expect(calls.some((c) => c.url.includes('/document?format=pdf'))).toBe(true));

    await userEvent.click(screen.getByTestId('report-issue'));
    await userEvent.click(await screen.findByRole('button', { name: '签 发' }));
    await waitFor(() => expect(screen.getByTestId('report-status')).toHaveTextContent('已签发'));
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.url).toContain('/api/surveys/reports/2026-Q3/issue');
    expect(post.body).toEqual({ version: 1 });
    // issued: read-only, no save, no issue
    expect(screen.queryByTestId('report-conclusions')).not.toBeInTheDocument();
    expect(screen.getByTestId('report-text')).toHaveTextContent('结论：收费说明需改进。');
    expect(screen.queryByTestId('report-save')).not.toBeInTheDocument();
    expect(screen.getByTestId('report-issued')).toHaveTextContent('market-user');
  });

  it('tells market to reload when someone saved in between (409), and shows a 400 beside the conclusions', async () => {
    let puts = 0;
    mockFetch((call) => {
      if (call.method === 'PUT') {
        puts++;
        return puts === 1
          ? problem(400, { type: 'urn:certcare:problem:validation', errors: [{ field: 'conclusions', message: '不能超过 20000 个字符' }] })
          : problem(409, { type: 'urn:certcare:problem:stale' });
      }
      return json(SAVED);
    });
    renderAt('2026-Q3', ['market']);
    await userEvent.click(await screen.findByTestId('report-save'));
    expect(await screen.findByText('不能超过 20000 个字符')).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('report-save'));
    expect(await screen.findByTestId('report-stale')).toHaveTextContent('报告已被他人修改');
    expect(screen.getByTestId('report-reload')).toBeInTheDocument();
  });

  it('shows the leader the report read-only, with the downloads', async () => {
    mockFetch(() => json(SAVED));
    renderAt('2026-Q3', ['leader']);
    expect(await screen.findByTestId('report-text')).toHaveTextContent('结论：收费说明需改进。');
    expect(screen.queryByTestId('report-conclusions')).not.toBeInTheDocument();
    expect(screen.queryByTestId('report-save')).not.toBeInTheDocument();
    expect(screen.queryByTestId('report-issue')).not.toBeInTheDocument();
    expect(screen.getByTestId('report-pdf')).toBeInTheDocument();
    expect(screen.getByTestId('report-xlsx')).toBeInTheDocument();
  });

  it('shows an auditor "no permission" for a draft (403)', async () => {
    mockFetch(() => problem(403, { type: 'urn:certcare:problem:report-not-issued' }));
    renderAt('2026-Q3', ['auditor']);
    expect(await screen.findByTestId('no-permission')).toBeInTheDocument();
  });

  it('takes no quarter the service does not', async () => {
    const calls = mockFetch(() => json(SAVED));
    renderAt('2026-Q5', ['market']);
    expect(await screen.findByTestId('not-found')).toBeInTheDocument();
    expect(calls).toEqual([]);
  });
});
