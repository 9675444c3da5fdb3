import type { ImportReport, OnConflict } from '../../api/customers';
import { ApiError, headers, url } from '../../api/http';
import { isProblem } from '../../api/problem';
import { unauthorized } from '../../auth/session';

export type UploadProgress = { phase: 'uploading'; percent: number } | { phase: 'processing' };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function contentTypeOf(fileName: string): string {
  return fileName.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
}

/**
 * Sends the file as the request body (XMLHttpRequest: fetch cannot report upload progress). onConflict says
 * what the server does with rows for customers or records changed since the export: skip them or overwrite.
 */
export function uploadLedger(
  file: File,
  dryRun: boolean,
  onConflict: OnConflict,
  onProgress: (p: UploadProgress) => void,
): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url('/api/customers/import', { dryRun, onConflict }));
    for (const [name, value] of Object.entries(headers({ 'Content-Type': contentTypeOf(file.name), Accept: 'application/json, application/problem+json' }))) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) {
        onProgress({ phase: 'uploading', percent: Math.round((e.loaded / e.total) * 100) });
      }
    };
    xhr.upload.onload = () => onProgress({ phase: 'processing' });
    xhr.onerror = () => reject(new ApiError(0, undefined, 'network'));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(body as ImportReport);
        return;
      }
      if (xhr.status === 401) {
        unauthorized();
      }
      reject(new ApiError(xhr.status, isProblem(body) ? body : undefined));
    };
    xhr.send(file);
  });
}
