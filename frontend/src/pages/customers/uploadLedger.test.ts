import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/http';

vi.mock('../../config', () => ({ config: () => ({ gatewayUrl: 'https://gw.example' }) }));

const { uploadLedger } = await import('./uploadLedger');

class FakeXhr {
  static last: FakeXhr;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  responseText = '';
  upload: { onprogress?: (e: { lengthComputable: boolean; loaded: number; total: number }) => void; onload?: () => void } = {};
  onload?: () => void;
  onerror?: () => void;

  constructor() {
    FakeXhr.last = this;
  }

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }

  send(body: unknown) {
    this.body = body;
  }

  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

describe('uploadLedger', () => {
  beforeEach(() => vi.stubGlobal('XMLHttpRequest', FakeXhr));
  afterEach(() => vi.unstubAllGlobals());

  it('sends the file with dryRun and onConflict as query parameters', async () => {
    const file = new File(['企业名称\n星澜'], 'ledger.csv', { type: 'text/csv' });
    const progress = vi.fn();
    const answer = uploadLedger(file, true, 'overwrite', progress);
    const xhr = FakeXhr.last;
    expect(xhr.method).toBe('POST');
    const sent = new URL(xhr.url);
    expect(sent.origin + sent.pathname).toBe('https://gw.example/api/customers/import');
    expect(sent.searchParams.get('dryRun')).toBe('true');
    expect(sent.searchParams.get('onConflict')).toBe('overwrite');
    expect(xhr.headers['Content-Type']).toBe('text/csv');
    expect(xhr.body).toBe(file);
    xhr.upload.onprogress?.({ lengthComputable: true, loaded: 1, total: 4 });
    expect(progress).toHaveBeenCalledWith({ phase: 'uploading', percent: 25 });
    xhr.respond(200, { dryRun: true, committed: false, rows: 1 });
    await expect(answer).resolves.toMatchObject({ dryRun: true, rows: 1 });
  });

  it('commits with skip, and turns a 409 into an ApiError with its problem', async () => {
    const answer = uploadLedger(new File([''], 'ledger.xlsx'), false, 'skip', () => {});
    const xhr = FakeXhr.last;
    const sent = new URL(xhr.url);
    expect(sent.searchParams.get('dryRun')).toBe('false');
    expect(sent.searchParams.get('onConflict')).toBe('skip');
    expect(xhr.headers['Content-Type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    xhr.respond(409, { status: 409, title: '导入进行中', detail: '另一项导入正在进行' });
    const error = await answer.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(409);
    expect((error as ApiError).message).toBe('另一项导入正在进行');
  });
});
