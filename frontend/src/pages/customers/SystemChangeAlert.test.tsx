import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App as AntApp } from 'antd';
// the messages load with the screen, as App.tsx loads them
import i18n, { withMessages } from '../../i18n';
import type { SystemChange } from '../../api/customers';
import { ApiError } from '../../api/http';

const acknowledge = vi.hoisted(() => vi.fn());
const roles = vi.hoisted(() => ({ current: ['market'] as string[] }));
vi.mock('../../api/customers', () => ({ customersApi: { acknowledgeSystemChange: acknowledge } }));
vi.mock('../../auth/useRoles', () => ({ useRoles: () => ({ roles: roles.current, can: () => false }) }));

const { SystemChangeAlert, canAcknowledge, oldestFirst } = await withMessages('customers', import('./SystemChangeAlert'));

const change = (id: number, reference: string, reportedAt: string): SystemChange => ({
  id, customerId: 7, feedbackItemId: String(1000 + id), reference, reportedAt, flaggedAt: reportedAt,
  summary: `客户报告管理体系变更（${reference}）；须评价其对认证的影响`,
});
const later = change(12, 'FK-2026-00012', '2026-04-02T01:00:00Z');
const earlier = change(11, 'FK-2026-00011', '2026-04-01T01:00:00Z');

function show(changes: SystemChange[], onChanged = vi.fn()) {
  render(<AntApp><SystemChangeAlert customerId={7} changes={changes} onChanged={onChanged} /></AntApp>);
  return onChanged;
}

describe('the open management-system changes above a customer', () => {
  beforeEach(() => {
    acknowledge.mockReset();
    roles.current = ['market'];
  });

  it('shows nothing when there is none', () => {
    show([]);
    expect(screen.queryByTestId('system-change-alert')).toBeNull();
  });

  it('lists each open change, oldest first, and only market may acknowledge', () => {
    expect(oldestFirst([later, earlier]).map((c) => c.id)).toEqual([11, 12]);
    expect(canAcknowledge(['market'])).toBe(true);
    for (const others of [['leader'], ['auditor'], ['admin'], ['department'], []]) {
      expect(canAcknowledge(others)).toBe(false);
    }
    roles.current = ['leader'];
    show([later, earlier]);
    expect(screen.getByTestId('system-change-alert')).toHaveTextContent(i18n.t('customer.systemChange.banner', { count: 2 }));
    const items = screen.getAllByTestId(/^system-change-\d+$/);
    expect(items.map((e) => e.dataset.testid)).toEqual(['system-change-11', 'system-change-12']);
    expect(items[0]).toHaveTextContent('FK-2026-00011');
    expect(items[0]).toHaveTextContent(earlier.summary);
    expect(screen.queryByTestId('system-change-ack-11')).toBeNull();
  });

  // typing into antd's modal is slow in jsdom on a busy machine: these two get more than the default 5 s
  it('acknowledges one with the note written, then reloads the customer', async () => {
    acknowledge.mockResolvedValueOnce({ ...earlier, acknowledgedBy: 'mei', acknowledgedAt: '2026-04-03T01:00:00Z' });
    const onChanged = show([later, earlier]);
    const user = userEvent.setup();
    await user.click(screen.getByTestId('system-change-ack-11'));
    await user.type(await screen.findByTestId('system-change-note'), '  地址变更，监督审核时核实 ');
    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: i18n.t('customer.systemChange.acknowledge') }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(acknowledge).toHaveBeenCalledWith(7, 11, '地址变更，监督审核时核实');
  }, 20_000);

  it('says so when someone acknowledged it meanwhile (409), and an empty note is sent as none', async () => {
    acknowledge.mockRejectedValueOnce(new ApiError(409, {
      type: 'about:blank', title: '该管理体系变更已确认', status: 409, code: 'system-change-acknowledged',
      detail: '管理体系变更 FK-2026-00012 已由 li 于 2026-04-03T01:00:00Z 确认评价，不能重复确认。',
    }));
    show([later]);
    const user = userEvent.setup();
    await user.click(screen.getByTestId('system-change-ack-12'));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: i18n.t('customer.systemChange.acknowledge') }));
    expect(await screen.findByText(/已由 li 于/)).toBeInTheDocument();
    expect(acknowledge).toHaveBeenCalledWith(7, 12, null);
  }, 20_000);
});
