import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
// the messages load with the screen, as App.tsx loads them
import i18n, { withMessages } from '../../i18n';
import type { CustomerGrade } from '../../api/grading';

const api = vi.hoisted(() => ({ grade: vi.fn(), feedback: vi.fn(), record: vi.fn(), recompute: vi.fn(), override: vi.fn(), removeOverride: vi.fn() }));
const roles = vi.hoisted(() => ({ current: ['market'] as string[] }));
vi.mock('../../api/grading', async (original) => ({ ...(await original<typeof import('../../api/grading')>()), gradingApi: api }));
vi.mock('../../auth/useRoles', () => ({ useRoles: () => ({ roles: roles.current, can: () => false }) }));

const { GradePanel } = await withMessages('customers', import('./GradePanel'));

// 5, 4, 4, 3 → 81.0, one minor −2, a serious complaint −10 → 69.0 → C
const graded: CustomerGrade = {
  customerId: 7, grade: 'C', label: 'C（一般）', computedGrade: 'C', score: 69.0, computedAt: '2026-04-02T01:00:00Z',
  inputs: {
    feedback: [{ id: 1, auditedOn: '2026-03-20', auditType: 'SURVEILLANCE', criteriaScore: 81.0, majorNonconformities: 0, minorNonconformities: 1, deduction: 2.0, score: 79.0 }],
    feedbackScore: 79.0,
    seriousComplaints: [{ feedbackItemId: '42', reference: 'FK-2026-00042', recordedAt: '2026-03-30T01:00:00Z', deduction: 10.0 }],
    overdueSurveillance: [], score: 69.0, grade: 'C', asOf: '2026-04-02',
  },
  history: [{ id: 3, from: 'B', to: 'C', source: 'COMPUTED', by: 'feedback:FK-2026-00042', at: '2026-04-02T01:00:00Z' }],
};

function show() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(<QueryClientProvider client={client}><AntApp><GradePanel customerId={7} certifications={[]} onChanged={vi.fn()} /></AntApp></QueryClientProvider>);
}

describe("a customer's grade", () => {
  beforeEach(() => {
    api.grade.mockResolvedValue(graded);
    api.feedback.mockResolvedValue([]);
    roles.current = ['market'];
  });

  it('shows the grade with what made it: each input and its deduction', async () => {
    show();
    const inputs = await screen.findByTestId('grade-inputs');
    expect(inputs).toHaveTextContent('FK-2026-00042');
    expect(inputs).toHaveTextContent(i18n.t('grading.score', { score: 69 }));
    expect(screen.getAllByTestId('grade-tag')[0]).toHaveTextContent('C（一般）');
    expect(screen.getByTestId('onsite-feedback-add')).toBeInTheDocument();
    expect(screen.getByTestId('grade-override')).toBeInTheDocument();
  });

  it('lets an auditor record feedback but not override', async () => {
    roles.current = ['auditor'];
    show();
    await screen.findByTestId('grade-inputs');
    expect(screen.getByTestId('onsite-feedback-add')).toBeInTheDocument();
    expect(screen.queryByTestId('grade-override')).toBeNull();
  });

  it('shows no buttons to a leader', async () => {
    roles.current = ['leader'];
    show();
    await screen.findByTestId('grade-inputs');
    expect(screen.queryByTestId('onsite-feedback-add')).toBeNull();
    expect(screen.queryByTestId('grade-override')).toBeNull();
  });
});
