import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { withMessages } from '../../i18n';
import type { CommonIssue } from '../../api/feedbackAnalysis';

vi.mock('../../config', () => ({ config: () => ({ gatewayUrl: '' }) }));
// the messages load with the screen, as App.tsx loads them
const { ForwardModal } = await withMessages(['feedback', 'analysis'], import('./ForwardModal'));

const issue: CommonIssue = {
  topic: '证书邮寄', clients: 3, items: 4, firstSeen: '2026-03-01T02:00:00Z', lastSeen: '2026-11-20T02:00:00Z', tracking: 'NOT_FORWARDED', overdue: false,
};
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const DEPARTMENTS = [
  { code: 'market', name: '市场部', nameZh: '市场部', nameEn: 'Market' },
  { code: 'audit-scheduling', name: '审核计划部', nameZh: '审核计划部', nameEn: 'Audit scheduling' },
  { code: 'management-representative', name: '管理者代表', nameZh: '管理者代表', nameEn: 'Management representative' },
];

describe('forwarding a common issue in one action', { timeout: 20_000 }, () => {
  const original = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = original;
  });

  it('asks for a recipient before sending, offers the departments (not market itself) and the management representative, and sends each once', async () => {
    const sent: { url: string; body: unknown }[] = [];
    globalThis.fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      if (String(url).endsWith('/api/feedback/departments')) return json(DEPARTMENTS);
      sent.push({ url: String(url), body: JSON.parse(String(init?.body)) });
      return json({ id: 7, topic: issue.topic, recipients: [], state: 'OPEN' }, 201);
    }) as typeof fetch;
    const done = vi.fn();
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <AntApp><ForwardModal issue={issue} onClose={() => {}} onDone={done} /></AntApp>
      </QueryClientProvider>,
    );
    expect(await screen.findByTestId('forward-topic')).toHaveTextContent('证书邮寄');
    await userEvent.click(screen.getByTestId('forward-ok'));
    expect(await screen.findByText('请至少选择一个接收方')).toBeInTheDocument();
    expect(sent).toEqual([]);
    await userEvent.click(screen.getByRole('combobox'));
    expect(await screen.findByText('审核计划部')).toBeInTheDocument();
    expect(screen.queryByText('市场部', { selector: '.ant-select-item-option-content' })).toBeNull();
    await userEvent.click(screen.getByText('管理者代表', { selector: '.ant-select-item-option-content' }));
    await userEvent.click(screen.getByText('审核计划部', { selector: '.ant-select-item-option-content' }));
    await userEvent.type(screen.getByTestId('forward-note'), '  请核查寄送流程 ');
    await userEvent.click(screen.getByTestId('forward-ok'));
    await vi.waitFor(() => expect(done).toHaveBeenCalled());
    expect(sent).toEqual([{
      url: '/api/feedback/common-issues/forwardings',
      body: { topic: '证书邮寄', recipients: ['audit-scheduling', 'management-representative'], note: '请核查寄送流程' },
    }]);
  });
});
