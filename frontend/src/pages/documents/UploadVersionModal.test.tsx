import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App as AntApp } from 'antd';
// the messages load with the screen, as App.tsx loads them
import { withMessages } from '../../i18n';

vi.mock('../../config', () => ({ config: () => ({ gatewayUrl: '' }) }));

const { UploadVersionModal } = await withMessages('documents', import('./UploadVersionModal'));

/** The upload's XMLHttpRequest, answered by the test. */
class FakeXhr {
  static last: FakeXhr | undefined;
  url = '';
  headers: Record<string, string> = {};
  body: FormData | undefined;
  status = 0;
  responseText = '';
  upload: { onprogress?: unknown; onload?: () => void } = {};
  onload?: () => void;
  onerror?: () => void;

  constructor() {
    FakeXhr.last = this;
  }

  open(_method: string, url: string) {
    this.url = url;
  }

  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }

  send(body: FormData) {
    this.body = body;
  }

  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

describe('uploading a new version', () => {
  const original = window.XMLHttpRequest;
  beforeEach(() => {
    FakeXhr.last = undefined;
    window.XMLHttpRequest = FakeXhr as unknown as typeof XMLHttpRequest;
  });
  afterEach(() => {
    window.XMLHttpRequest = original;
  });

  function open(onSaved = vi.fn()) {
    render(<AntApp><UploadVersionModal documentId={7} open onClose={() => {}} onSaved={onSaved} /></AntApp>);
    const input = document.querySelector<HTMLInputElement>('.ant-modal input[type=file]')!;
    const file = new File(['这不是 PDF'], '收费标准.pdf', { type: 'application/pdf' });
    fireEvent.change(input, { target: { files: [file] } });
    fireEvent.change(document.querySelector<HTMLInputElement>('#versionLabel')!, { target: { value: 'A/1' } });
    return onSaved;
  }

  it('sends the file and its fields as one multipart form and shows the service’s reason beside the file', async () => {
    open();
    expect(await screen.findByText(/收费标准\.pdf/)).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('upload-submit'));
    await waitFor(() => expect(FakeXhr.last?.body).toBeDefined());
    const sent = FakeXhr.last!;
    expect(sent.url).toBe('/api/documents/7/versions');
    expect((sent.body!.get('file') as File).name).toBe('收费标准.pdf');
    expect(sent.body!.get('versionLabel')).toBe('A/1');
    expect(sent.body!.get('effectiveOn')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(sent.headers['Content-Type']).toBeUndefined(); // the browser writes the boundary
    act(() => sent.respond(400, {
      status: 400, code: 'validation',
      errors: [{ field: 'file', message: '只接受 PDF 或 Word（DOCX）文件；按文件内容判断，与文件名无关' }],
    }));
    const help = await waitFor(() => {
      const node = document.querySelector('#file_help');
      expect(node).not.toBeNull();
      return node!;
    });
    expect(help.textContent).toContain('只接受 PDF 或 Word（DOCX）文件');
  });

  it('hands the saved document on when the service accepts the file', async () => {
    const onSaved = open();
    fireEvent.click(screen.getByTestId('upload-submit'));
    await waitFor(() => expect(FakeXhr.last?.body).toBeDefined());
    act(() => FakeXhr.last!.respond(200, { id: 7, current: { number: 1 } }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith({ id: 7, current: { number: 1 } }));
  });
});
