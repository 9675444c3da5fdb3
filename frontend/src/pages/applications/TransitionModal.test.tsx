import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
// the messages load with the screen, as App.tsx loads them
import { withMessages } from '../../i18n';
import type { ApplicationDetail } from '../../api/applications';

vi.mock('../../config', () => ({ config: () => ({ gatewayUrl: '' }) }));
const { TransitionModal } = await withMessages('applications', import('./TransitionModal'));

const application = { id: 7, version: 4, status: 'UNDER_REVIEW' } as ApplicationDetail;

describe('a step of the review', () => {
  const original = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = original;
  });

  it('sends the version read and the text under the name the step takes; the service\'s reasons go beside it or above', async () => {
    const sent: { url: string; body: unknown }[] = [];
    globalThis.fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      sent.push({ url: String(url), body: JSON.parse(String(init?.body)) });
      return new Response(JSON.stringify({
        status: 400, code: 'validation', errors: [
          { field: 'reasons', message: '理由过长' },
          { field: 'review.auditDays', message: '请先估算审核人日' },
        ],
      }), { status: 400, headers: { 'Content-Type': 'application/problem+json' } });
    }) as typeof fetch;
    const done = vi.fn();
    render(<AntApp><TransitionModal application={application} step="accept" onClose={() => {}} onDone={done} onReload={() => {}} /></AntApp>);
    await userEvent.type(await screen.findByLabelText('受理说明（告知申请方，可选）'), '资料齐全');
    await userEvent.click(screen.getByTestId('transition-ok'));
    expect(await screen.findByText('理由过长')).toBeInTheDocument();
    expect(screen.getByText('请先估算审核人日')).toBeInTheDocument();
    expect(sent).toEqual([{ url: '/api/applications/7/accept', body: { version: 4, reasons: '资料齐全' } }]);
    expect(done).not.toHaveBeenCalled();
  });

  it('asks for the question before requesting information', async () => {
    globalThis.fetch = vi.fn() as typeof fetch;
    render(<AntApp><TransitionModal application={application} step="request-info" onClose={() => {}} onDone={() => {}} onReload={() => {}} /></AntApp>);
    await userEvent.click(await screen.findByTestId('transition-ok'));
    expect(await screen.findByText('请填写需要补充的内容')).toBeInTheDocument();
    expect(globalThis.fetch).not.toHaveBeenCalled();
  });
});
