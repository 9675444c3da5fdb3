import { describe, expect, it, vi } from 'vitest';

vi.mock('../config', () => ({ config: () => ({ gatewayUrl: '' }) }));
const { failure, retryAfterSeconds } = await import('./http');

describe('Retry-After', () => {
  it('reads seconds or an HTTP date', () => {
    expect(retryAfterSeconds('7')).toBe(7);
    expect(retryAfterSeconds(' 12 ')).toBe(12);
    expect(retryAfterSeconds('Wed, 02 Dec 2026 15:00:30 GMT', Date.parse('Wed, 02 Dec 2026 15:00:00 GMT'))).toBe(30);
    expect(retryAfterSeconds('soon')).toBeUndefined();
    expect(retryAfterSeconds(null)).toBeUndefined();
  });

  it('comes with the ApiError of a 429', async () => {
    const error = await failure(new Response(JSON.stringify({ status: 429, code: 'rate-limited', title: '请求过于频繁' }), {
      status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '9' },
    }));
    expect(error.status).toBe(429);
    expect(error.retryAfter).toBe(9);
    expect(error.code).toBe('rate-limited');
  });
});
