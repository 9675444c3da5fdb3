import { ApiError, failure, headers, url } from '../../api/http';

export type ExportFormat = 'csv' | 'xlsx';

/**
 * Downloads the filtered ledger as the service streams it, reporting the bytes received, then hands
 * the file to the browser. Returns the file name and size.
 */
export async function exportLedger(
  format: ExportFormat,
  filter: Record<string, string | string[]>,
  onProgress: (bytes: number) => void,
  signal?: AbortSignal,
): Promise<{ fileName: string; bytes: number }> {
  let response: Response;
  try {
    response = await fetch(url('/api/customers/export', { ...filter, format }), { headers: headers(), signal });
  } catch (e) {
    if (signal?.aborted) {
      throw e;
    }
    throw new ApiError(0, undefined, e instanceof Error ? e.message : String(e));
  }
  if (!response.ok) {
    throw await failure(response);
  }
  const chunks: BlobPart[] = [];
  let bytes = 0;
  const reader = response.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      chunks.push(value);
      bytes += value.byteLength;
      onProgress(bytes);
    }
  } else {
    const whole = await response.arrayBuffer();
    chunks.push(whole);
    bytes = whole.byteLength;
    onProgress(bytes);
  }
  const fileName = fileNameOf(response.headers.get('Content-Disposition')) ?? `customers.${format}`;
  const blob = new Blob(chunks, { type: response.headers.get('Content-Type') ?? 'application/octet-stream' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  return { fileName, bytes };
}

export function fileNameOf(disposition: string | null): string | undefined {
  const match = disposition ? /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition) : null;
  return match ? decodeURIComponent(match[1]) : undefined;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  if (bytes < 1024 * 1024) {
    return `${(bytes / 1024).toFixed(1)} KB`;
  }
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
