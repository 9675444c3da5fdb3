import { ApiError, headers, retryAfterSeconds, url, type Query } from './http';
import { isProblem } from './problem';
import { unauthorized } from '../auth/session';

export type UploadProgress = { phase: 'uploading'; percent: number } | { phase: 'processing' };

/**
 * POSTs a file (or a multipart form) with XMLHttpRequest — fetch cannot report upload progress — and answers like
 * the typed client: the JSON body on 2xx, an ApiError with the problem otherwise (401 also ends the session).
 * `contentType` is left out for FormData, whose boundary the browser sets.
 */
export function uploadWithProgress<T>(
  path: string,
  query: Query | undefined,
  body: XMLHttpRequestBodyInit,
  contentType: string | undefined,
  onProgress: (p: UploadProgress) => void,
  extraHeaders: Record<string, string> = {},
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url(path, query));
    const extra: Record<string, string> = { ...extraHeaders, Accept: 'application/json, application/problem+json' };
    if (contentType) {
      extra['Content-Type'] = contentType;
    }
    for (const [name, value] of Object.entries(headers(extra))) {
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
      let answer: unknown;
      try {
        answer = JSON.parse(xhr.responseText);
      } catch {
        answer = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(answer as T);
        return;
      }
      if (xhr.status === 401) {
        unauthorized();
      }
      const wait = xhr.status === 429 || xhr.status === 503 ? retryAfterSeconds(xhr.getResponseHeader('Retry-After')) : undefined;
      reject(new ApiError(xhr.status, isProblem(answer) ? answer : undefined, undefined, wait));
    };
    xhr.send(body);
  });
}
