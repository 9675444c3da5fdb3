import { afterEach, describe, expect, it, vi } from 'vitest';
import dayjs from 'dayjs';
import { toFeedbackInput } from './formLogic';

vi.mock('../../config', () => ({ config: () => ({ gatewayUrl: '' }) }));
const { feedbackApi, newIdempotencyKey } = await import('../../api/feedback');

describe('posting a feedback item', () => {
  const original = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = original;
  });

  it('sends either the registered customer or the prospect\'s name, the time received with its offset, the words trimmed', () => {
    expect(toFeedbackInput({ customerMode: 'registered', customerId: 42, prospectName: '不发送', kind: 'COMPLAINT', channel: 'PHONE', words: ' 证书寄错地址 ' }))
      .toEqual({ customerId: 42, kind: 'COMPLAINT', channel: 'PHONE', words: '证书寄错地址' });
    const input = toFeedbackInput({
      customerMode: 'prospect', customerId: 42, prospectName: ' 示例电子有限公司 ', kind: 'AUDIT_REQUEST', channel: 'VISIT',
      receivedAt: dayjs('2026-11-02T09:30:45+08:00'), words: '希望调整审核时间',
    });
    expect(input).toMatchObject({ prospectName: '示例电子有限公司', kind: 'AUDIT_REQUEST', channel: 'VISIT', words: '希望调整审核时间' });
    expect(input.customerId).toBeUndefined();
    expect(Date.parse(input.receivedAt!)).toBe(Date.parse('2026-11-02T09:30:00+08:00'));
    expect(input.receivedAt).toMatch(/[+-]\d{2}:\d{2}$/);
  });

  it('sends the form\'s Idempotency-Key with the post, the same on a retry', async () => {
    const keys: (string | undefined)[] = [];
    globalThis.fetch = vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
      keys.push((init?.headers as Record<string, string> | undefined)?.['Idempotency-Key']);
      return new Response(JSON.stringify({ id: 1, reference: 'FK-2026-00001' }), { status: 201, headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;
    const key = newIdempotencyKey();
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(key);
    const input = toFeedbackInput({ customerMode: 'prospect', prospectName: '甲公司', kind: 'OPINION', channel: 'FORM', words: '建议' });
    await feedbackApi.create(input, key);
    await feedbackApi.create(input, key);
    expect(keys).toEqual([key, key]);
  });
});
