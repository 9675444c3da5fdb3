import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { withMessages } from '../../i18n';

vi.mock('../../config', () => ({ config: () => ({ gatewayUrl: '' }) }));
// the messages load with the screens, as App.tsx loads them
const { ManualAnswerModal } = await withMessages('surveys', import('./ManualAnswerModal'));
const { StartCampaignModal } = await import('./StartCampaignModal');

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const VERSION = {
  code: '16-03', version: 2, formNumber: 'GBCX-16-03', title: { zh: '认证客户满意度调查表', en: 'Certified client satisfaction survey' },
  dimensions: [{ code: 'ATTITUDE', title: { zh: '服务态度', en: 'Service attitude' } }],
  questions: [
    { code: 'Q01', type: 'LIKERT', dimension: 'ATTITUDE', weight: 1, required: true, text: { zh: '市场部人员的服务态度', en: 'Attitude' } },
    { code: 'Q16', type: 'SINGLE_CHOICE', required: true, text: { zh: '是否推荐？', en: 'Recommend?' },
      options: [{ code: 'YES', text: { zh: '愿意', en: 'Yes' } }, { code: 'NO', text: { zh: '不愿意', en: 'No' } }] },
  ],
};

function renderIn(node: ReactNode) {
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <AntApp>{node}</AntApp>
    </QueryClientProvider>,
  );
}

describe('market\'s survey dialogs', { timeout: 20_000 }, () => {
  const original = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = original;
  });

  it('enters a phone answer with the campaign\'s questions, and puts the service\'s reason at its question', async () => {
    const posted: { url: string; body: unknown }[] = [];
    let answer = json({ status: 400, errors: [{ field: 'answers.Q16', message: '必须是以下选项之一：YES, NO' }] }, 400);
    globalThis.fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      if (init?.method === 'POST') {
        posted.push({ url: String(url), body: JSON.parse(String(init.body)) });
        return answer;
      }
      expect(String(url)).toBe('/api/surveys/templates/16-03/versions/2');
      return json(VERSION);
    }) as typeof fetch;
    const saved = vi.fn();
    renderIn(
      <ManualAnswerModal dispatch={{ id: 31, customerName: '无锡甲机械有限公司', status: 'FAILED' }} templateCode="16-03" templateVersion={2}
        onClose={() => {}} onSaved={saved} onStale={() => {}} />,
    );
    expect(await screen.findByTestId('survey-question-Q01')).toHaveTextContent('市场部人员的服务态度');
    expect(screen.getByText('录入电话/传真答复：无锡甲机械有限公司')).toBeInTheDocument();

    // the channel and the required questions first
    await userEvent.click(screen.getByTestId('manual-save'));
    expect(await screen.findByText('请填写答复方式')).toBeInTheDocument();
    expect(within(screen.getByTestId('survey-question-Q01')).getByText('请回答此问题')).toBeInTheDocument();
    expect(posted).toEqual([]);

    await userEvent.click(screen.getByText('电话'));
    await userEvent.click(screen.getByTestId('survey-Q01-2'));
    await userEvent.click(screen.getByTestId('survey-Q16-NO'));
    await userEvent.click(screen.getByTestId('manual-save'));
    expect(await within(screen.getByTestId('survey-question-Q16')).findByText('必须是以下选项之一：YES, NO')).toBeInTheDocument();
    expect(posted[0]).toEqual({ url: '/api/surveys/dispatches/31/responses', body: { channel: 'PHONE', answers: { Q01: 2, Q16: 'NO' } } });

    answer = json({ responseId: 5, dispatchId: 31, channel: 'PHONE', score: 25 }, 201);
    await userEvent.click(screen.getByTestId('manual-save'));
    await vi.waitFor(() => expect(saved).toHaveBeenCalledWith(expect.objectContaining({ responseId: 5 })));
  });

  it('starts a campaign for the quarter given, checks its format, and says a taken quarter beside it', async () => {
    const posted: unknown[] = [];
    globalThis.fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      if (init?.method === 'POST') {
        posted.push(JSON.parse(String(init.body)));
        return json({ status: 409, code: 'campaign-exists', detail: '2026-Q4 已有满意度调查活动，每个季度只能有一个。' }, 409);
      }
      return json(String(url).endsWith('/templates') ? [{ code: '16-03', currentVersion: 2, title: { zh: '认证客户满意度调查表' }, versions: 2 }] : {});
    }) as typeof fetch;
    renderIn(<StartCampaignModal open onClose={() => {}} onStarted={() => {}} />);
    const quarter = await screen.findByTestId('campaign-quarter');
    expect((quarter as HTMLInputElement).value).toMatch(/^20\d{2}-Q[1-4]$/); // the current quarter, offered
    await userEvent.clear(quarter);
    await userEvent.type(quarter, '2026Q4');
    await userEvent.click(screen.getByTestId('campaign-start-save'));
    expect(await screen.findByText('季度格式为 yyyy-Qn，例如 2026-Q4')).toBeInTheDocument();
    expect(posted).toEqual([]);

    await userEvent.clear(quarter);
    await userEvent.type(quarter, '2026-Q4');
    await userEvent.click(screen.getByTestId('campaign-start-save'));
    expect(await screen.findByText('2026-Q4 已有满意度调查活动，每个季度只能发起一次。')).toBeInTheDocument();
    expect(posted).toEqual([{ quarter: '2026-Q4' }]);
  });
});
