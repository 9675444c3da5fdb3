import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
// the messages load with the screen, as App.tsx loads them
import { withMessages } from '../../i18n';

vi.mock('../../config', () => ({ config: () => ({ gatewayUrl: '' }) }));

const { default: PublicDocuments } = await withMessages('documents', import('./PublicDocuments'));

describe('the public documents page', () => {
  const original = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = original;
  });

  it('lists the current version of each published document by kind, with a plain download link and no token', async () => {
    const calls: { url: string; headers: Record<string, string> }[] = [];
    globalThis.fetch = vi.fn(async (url: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(url), headers: (init?.headers ?? {}) as Record<string, string> });
      return new Response(JSON.stringify([{
        id: 12, kind: 'FEE_SCHEDULE', titleZh: '收费标准（2026）', titleEn: 'Fee schedule 2026', versionNumber: 2,
        versionLabel: 'A/2', effectiveOn: '2026-07-01', fileName: '收费标准.pdf', contentType: 'application/pdf',
        size: 1536, sha256: 'ab'.repeat(32), downloadUrl: '/api/public/documents/12/file',
      }]), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }) as typeof fetch;

    render(
      <QueryClientProvider client={new QueryClient()}>
        <MemoryRouter><PublicDocuments /></MemoryRouter>
      </QueryClientProvider>,
    );
    expect(await screen.findByText('收费标准（2026）')).toBeInTheDocument();
    expect(screen.getByText('收费标准')).toBeInTheDocument(); // the kind's group
    expect(screen.getByText('版本 A/2')).toBeInTheDocument();
    expect(screen.getByText('2026-07-01 起生效')).toBeInTheDocument();
    expect(screen.getByTestId('public-download-12').getAttribute('href')).toBe('/api/public/documents/12/file');
    expect(calls[0].url).toBe('/api/public/documents');
    expect(calls[0].headers.Authorization).toBeUndefined();
  });
});
