import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
// the messages load with the screen, as App.tsx loads them
import { withMessages } from '../../i18n';

vi.mock('../../config', () => ({ config: () => ({ gatewayUrl: '' }) }));

const { default: PublicApplicationStatus } = await withMessages('applications', import('./PublicApplicationStatus'));

const FORM = { formNumber: 'ZLCX-16-01', language: 'zh-CN', schemes: [{ code: 'QMS', nameZh: '质量管理体系', nameEn: 'QMS', name: '质量管理体系', requiredAttachments: ['BUSINESS_LICENCE'] }],
  provinces: [], attachmentKinds: ['BUSINESS_LICENCE', 'PERMIT', 'OTHER'], guidance: {},
  limits: { maxAttachmentBytes: 10485760, maxAttachments: 10, maxTotalBytes: 20971520, maxSites: 20, acceptedTypes: ['application/pdf'] } };

function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

function renderPage() {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter initialEntries={['/public/applications?reference=SQ-2026-00007']}><PublicApplicationStatus /></MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('the applicant\'s status page', () => {
  const original = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = original;
  });

  it('sends the secret in a header, never in the address, and shows the request with an answer box', async () => {
    const calls: { url: string; headers: Record<string, string> }[] = [];
    globalThis.fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(url), headers: (init?.headers ?? {}) as Record<string, string> });
      if (String(url).endsWith('/form')) {
        return json(FORM);
      }
      return json({
        reference: 'SQ-2026-00007', status: 'NEEDS_INFO', name: '杭州示例制造有限公司', schemes: ['QMS'], submittedAt: '2026-12-01T02:00:00Z',
        thread: [{ kind: 'REQUEST', text: '请补充二号厂区的人数。', writtenAt: '2026-12-02T02:00:00Z', attachments: [] }], attachments: [],
      });
    }) as typeof fetch;
    renderPage();
    await userEvent.type(screen.getByLabelText('查询密码'), 's3cret-value');
    await userEvent.click(screen.getByTestId('lookup-submit'));
    expect(await screen.findByText('请补充二号厂区的人数。')).toBeInTheDocument();
    expect(screen.getByText('待补充资料')).toBeInTheDocument();
    expect(screen.getByTestId('answer-form')).toBeInTheDocument();
    const lookup = calls.find((c) => c.url.includes('SQ-2026-00007'))!;
    expect(lookup.url).toBe('/api/public/applications/SQ-2026-00007');
    expect(lookup.headers['X-Application-Secret']).toBe('s3cret-value');
  });

  it('says how long to wait when asked too often, and nothing about whether the reference exists', async () => {
    let answer = json({ status: 429, code: 'rate-limited' }, 429, { 'Retry-After': '42' });
    globalThis.fetch = vi.fn(async (url: string | URL | Request) => (String(url).endsWith('/form') ? json(FORM) : answer)) as typeof fetch;
    renderPage();
    await userEvent.type(screen.getByLabelText('查询密码'), 'guess');
    await userEvent.click(screen.getByTestId('lookup-submit'));
    expect(await screen.findByText('请求过于频繁，请 42 秒后再试')).toBeInTheDocument();
    answer = json({ status: 404, code: 'not-found' }, 404);
    await userEvent.click(screen.getByTestId('lookup-submit'));
    expect(await screen.findByText('申请编号或查询密码不正确')).toBeInTheDocument();
  });
});
