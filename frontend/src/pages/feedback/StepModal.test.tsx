import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
// the messages load with the screen, as App.tsx loads them
import { withMessages } from '../../i18n';
import type { FeedbackItem } from '../../api/feedback';

vi.mock('../../config', () => ({ config: () => ({ gatewayUrl: '' }) }));
const { StepModal } = await withMessages('feedback', import('./StepModal'));

const item = { id: 11, version: 3, status: 'RECEIVED', reference: 'FK-2026-00011', allowedTransitions: ['TRIAGED'] } as FeedbackItem;
const problem = (status: number, body: object) =>
  new Response(JSON.stringify({ status, ...body }), { status, headers: { 'Content-Type': 'application/problem+json' } });

describe('a step on a feedback item', { timeout: 20_000 }, () => {
  const original = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = original;
  });

  it('shows the rule of each class, asks for the department of class b, and sends it with the version read', async () => {
    const sent: { url: string; body: unknown }[] = [];
    globalThis.fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      sent.push({ url: String(url), body: JSON.parse(String(init?.body)) });
      return new Response(JSON.stringify({ ...item, status: 'IN_HANDLING', version: 4 }), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;
    const done = vi.fn();
    render(<AntApp><StepModal item={item} action="triage" onClose={() => {}} onDone={done} onReload={() => {}} /></AntApp>);
    expect(await screen.findByText(/关闭前须记录给客户的解释/)).toBeInTheDocument();
    expect(screen.getByText(/选择处理部门/)).toBeInTheDocument();
    expect(screen.getByText(/上报管理者代表/)).toBeInTheDocument();
    await userEvent.click(screen.getByText('b 类：合理，在部门权限内'));
    await userEvent.click(screen.getByTestId('step-ok'));
    expect(await screen.findByText('请选择处理部门')).toBeInTheDocument();
    expect(globalThis.fetch).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole('combobox'));
    await userEvent.click(await screen.findByText('审核计划部'));
    await userEvent.click(screen.getByTestId('step-ok'));
    await vi.waitFor(() => expect(done).toHaveBeenCalled());
    expect(sent).toEqual([{ url: '/api/feedback/11/triage', body: { class: 'B_WITHIN_AUTHORITY', department: 'audit-scheduling', version: 3 } }]);
  });

  it('says in plain words that a complaint needs an independent decider, and that a step no longer applies', async () => {
    globalThis.fetch = vi.fn(async () => problem(409, { code: 'decider-not-independent', detail: 'Complaint FK-2026-00011 …' })) as typeof fetch;
    const escalated = { ...item, status: 'ESCALATED', allowedTransitions: ['DECIDED'] } as FeedbackItem;
    const { unmount } = render(<AntApp><StepModal item={escalated} action="decide" onClose={() => {}} onDone={() => {}} onReload={() => {}} /></AntApp>);
    await userEvent.type(await screen.findByTestId('step-decision'), '同意调整审核日期');
    await userEvent.click(screen.getByRole('combobox'));
    await userEvent.click(await screen.findByText('技术委员会'));
    await userEvent.click(screen.getByTestId('step-ok'));
    expect(await screen.findByText(/须由未登记、未处理该事项的人员决策或关闭/)).toBeInTheDocument();
    unmount();

    globalThis.fetch = vi.fn(async () => problem(409, { code: 'forbidden-transition' })) as typeof fetch;
    const resolved = { ...item, status: 'RESOLVED', class: 'B_WITHIN_AUTHORITY', allowedTransitions: ['CLOSED'] } as FeedbackItem;
    render(<AntApp><StepModal item={resolved} action="close" onClose={() => {}} onDone={() => {}} onReload={() => {}} /></AntApp>);
    await userEvent.click(await screen.findByTestId('step-ok'));
    expect(await screen.findByText(/该事项的状态已经变化，此操作不再适用/)).toBeInTheDocument();
  });

  it('asks for the explanation before closing a class a item that has none', async () => {
    globalThis.fetch = vi.fn() as typeof fetch;
    const a = { ...item, status: 'TRIAGED', class: 'A_UNREASONABLE', explanation: null, allowedTransitions: ['IN_HANDLING', 'ESCALATED', 'CLOSED'] } as FeedbackItem;
    render(<AntApp><StepModal item={a} action="close" onClose={() => {}} onDone={() => {}} onReload={() => {}} /></AntApp>);
    await userEvent.click(await screen.findByTestId('step-ok'));
    expect(await screen.findByText('请填写给客户的解释')).toBeInTheDocument();
    expect(globalThis.fetch).not.toHaveBeenCalled();
  });
});
