import { afterEach, describe, expect, it, vi } from 'vitest';
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

// the messages load with the screens, as App.tsx loads them
const { default: CampaignDetail } = await withMessages('surveys', import('./CampaignDetail'));
const { default: TemplatesPage } = await withMessages('surveys', import('./TemplatesPage'));

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
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

function renderAt(path: string, route: string, element: ReactNode, roles: string[]) {
  auth.token = tokenWithRoles(roles);
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <MemoryRouter initialEntries={[path]}><Routes><Route path={route} element={element} /></Routes></MemoryRouter>
    </QueryClientProvider>,
  );
}

const CAMPAIGN = {
  id: 3, quarter: '2026-Q4', templateCode: '16-03', templateVersion: 1, createdAt: '2026-10-08T01:00:00Z', createdBy: 'market',
  dispatched: 3, answered: 1, responseRate: 33.33,
  dispatches: [
    { id: 11, campaignId: 3, customerId: 101, customerName: '无锡甲机械有限公司', email: 'z***@example.cn', status: 'SENT', remindersSent: 2,
      sentAt: '2026-10-08T01:00:05Z', lastMailedAt: '2026-10-22T01:00:00Z', expiresAt: '2026-11-07T01:00:00Z' },
    { id: 12, campaignId: 3, customerId: 102, customerName: '苏州乙电子有限公司', email: null, status: 'FAILED',
      failureReason: "no e-mail address on record for the client's primary contact", remindersSent: 0, expiresAt: '2026-11-07T01:00:00Z' },
    { id: 13, campaignId: 3, customerId: 103, customerName: '杭州丙食品有限公司', email: 'l***@example.cn', status: 'ANSWERED', remindersSent: 0,
      answeredAt: '2026-10-09T03:00:00Z', answeredChannel: 'ONLINE', expiresAt: '2026-11-07T01:00:00Z' },
  ],
};

/** The campaign's answer and its dispatches' page, as survey-service gives them. */
const campaignAnswer = (call: Call) => (call.url.includes('/dispatches')
  ? json({ items: CAMPAIGN.dispatches, total: CAMPAIGN.dispatches.length, page: 1, size: 50 })
  : json({ ...CAMPAIGN, dispatches: undefined }));

const VERSION = {
  code: '16-03', version: 1, formNumber: 'GBCX-16-03', title: { zh: '认证客户满意度调查表', en: 'Certified client satisfaction survey' },
  usedAt: '2026-10-08T01:00:00Z', createdAt: '2026-09-01T00:00:00Z', createdBy: 'system',
  dimensions: [{ code: 'PROFESSIONALISM', title: { zh: '审核专业性', en: 'Audit professionalism' } }],
  questions: [
    { code: 'Q04', type: 'LIKERT', dimension: 'PROFESSIONALISM', weight: 1.5, required: true, text: { zh: '审核员的专业能力', en: 'Competence' } },
    { code: 'Q05', type: 'LIKERT', dimension: 'PROFESSIONALISM', weight: 1.5, required: true, text: { zh: '审核发现的准确性', en: 'Findings' } },
  ],
};
const TEMPLATE = {
  code: '16-03', formNumber: 'GBCX-16-03', title: VERSION.title, currentVersion: 1, current: VERSION,
  versions: [{ version: 1, createdAt: VERSION.createdAt, createdBy: 'system', usedAt: VERSION.usedAt }],
};

describe('the survey screens', { timeout: 20_000 }, () => {
  const original = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = original;
  });

  it('shows a campaign\'s dispatches with their states, and says in words why a reminder was refused', async () => {
    const calls = mockFetch((call) => (call.method === 'POST'
      ? json({ status: 409, code: 'survey-reminders-exhausted', detail: 'Dispatch 11 has had 2 reminders' }, 409)
      : campaignAnswer(call)));
    renderAt('/surveys/campaigns/3', '/surveys/campaigns/:id', <CampaignDetail />, ['market']);
    expect(await screen.findByTestId('campaign-title')).toHaveTextContent('2026-Q4 满意度调查');
    expect(screen.getByTestId('campaign-rate')).toHaveTextContent('33.33 %');
    const sent = screen.getByTestId('dispatch-101');
    expect(within(sent).getByTestId('dispatch-status')).toHaveTextContent('已发送');
    expect(within(sent).getByText('z***@example.cn')).toBeInTheDocument();
    const failed = screen.getByTestId('dispatch-102');
    expect(within(failed).getByTestId('dispatch-failure')).toHaveTextContent('主要联系人没有邮箱');
    expect(within(failed).queryByTestId('remind-12')).not.toBeInTheDocument();
    expect(within(failed).getByTestId('enter-12')).toBeInTheDocument();
    const answered = screen.getByTestId('dispatch-103');
    expect(within(answered).getByTestId('dispatch-channel')).toHaveTextContent('在线');
    expect(within(answered).queryByTestId('enter-13')).not.toBeInTheDocument();

    await userEvent.click(within(sent).getByTestId('remind-11'));
    await userEvent.click(await screen.findByTestId('remind-confirm'));
    expect(await screen.findByText('提醒次数已达上限，不能再发送提醒。')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.url).toBe('/api/surveys/dispatches/11/remind');
  });

  it('asks for the dispatches page by page, by status and by part of the client\'s name', async () => {
    const calls = mockFetch(campaignAnswer);
    renderAt('/surveys/campaigns/3?status=FAILED&q=%E4%B9%99', '/surveys/campaigns/:id', <CampaignDetail />, ['market']);
    await screen.findByTestId('dispatch-102');
    const asked = calls.filter((c) => c.url.includes('/dispatches')).map((c) => new URL(c.url, 'http://x'));
    expect(asked[0].pathname).toBe('/api/surveys/campaigns/3/dispatches');
    expect(Object.fromEntries(asked[0].searchParams)).toEqual({ status: 'FAILED', q: '乙', page: '1', size: '50' });
    await userEvent.clear(screen.getByPlaceholderText('按客户名称查找'));
    await userEvent.type(screen.getByPlaceholderText('按客户名称查找'), '杭州{Enter}');
    await vi.waitFor(() => expect(calls.filter((c) => c.url.includes('/dispatches')).map((c) => new URL(c.url, 'http://x'))
      .some((u) => u.searchParams.get('q') === '杭州' && u.searchParams.get('status') === 'FAILED')).toBe(true));
  });

  it('shows the leader the dispatches without actions', async () => {
    mockFetch(campaignAnswer);
    renderAt('/surveys/campaigns/3', '/surveys/campaigns/:id', <CampaignDetail />, ['leader']);
    await screen.findByTestId('campaign-title');
    expect(screen.queryByTestId('remind-11')).not.toBeInTheDocument();
    expect(screen.queryByTestId('enter-12')).not.toBeInTheDocument();
  });

  it('shows an auditor the questionnaire read-only: version, dimensions with weights, questions in both languages', async () => {
    mockFetch((call) => json(call.url.endsWith('/templates') ? [{ code: '16-03', currentVersion: 1, versions: 1, title: VERSION.title }] : TEMPLATE));
    renderAt('/surveys/templates', '/surveys/templates', <TemplatesPage />, ['auditor']);
    expect(await screen.findByTestId('template-current')).toHaveTextContent('1');
    const dimensions = screen.getByTestId('template-dimensions');
    expect(within(dimensions).getByText('审核专业性')).toBeInTheDocument();
    expect(within(dimensions).getByText('3')).toBeInTheDocument(); // 1.5 + 1.5
    const questions = screen.getByTestId('template-questions');
    expect(within(questions).getByText('审核员的专业能力')).toBeInTheDocument();
    expect(within(questions).getByText('Competence')).toBeInTheDocument();
    expect(screen.queryByTestId('template-new-version')).not.toBeInTheDocument();
  });

  it('lets market save an edited copy as a new version, listing what the service refuses by question', async () => {
    const calls = mockFetch((call) => {
      if (call.method === 'POST') {
        return json({ status: 400, errors: [{ field: 'questions[1].weight', message: '权重必须大于 0、不超过 100，最多两位小数' }] }, 400);
      }
      return json(call.url.endsWith('/templates') ? [{ code: '16-03', currentVersion: 1, versions: 1, title: VERSION.title }] : TEMPLATE);
    });
    renderAt('/surveys/templates', '/surveys/templates', <TemplatesPage />, ['market']);
    await userEvent.click(await screen.findByTestId('template-new-version'));
    const editor = await screen.findByTestId('template-version-json');
    expect(JSON.parse((editor as HTMLTextAreaElement).value)).toMatchObject({ title: VERSION.title, questions: [{ code: 'Q04' }, { code: 'Q05' }] });

    await userEvent.clear(editor);
    await userEvent.type(editor, '{{"title": ');
    await userEvent.click(screen.getByTestId('template-version-save'));
    expect(await screen.findByTestId('template-version-errors')).toHaveTextContent('不是有效的 JSON');

    await userEvent.clear(editor);
    const edited = { title: VERSION.title, dimensions: VERSION.dimensions, questions: [VERSION.questions[0], { ...VERSION.questions[1], weight: 0 }] };
    await userEvent.click(editor);
    await userEvent.paste(JSON.stringify(edited));
    await userEvent.click(screen.getByTestId('template-version-save'));
    expect(await screen.findByText('questions[1] (Q05).weight: 权重必须大于 0、不超过 100，最多两位小数')).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.url).toBe('/api/surveys/templates/16-03/versions');
    expect(post.body).toEqual(edited);
  });
});
