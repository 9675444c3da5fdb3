import { ApiError, failure, headers, url } from './http';

/**
 * Files behind the login (the token goes in a header, so a plain link cannot fetch them): the bytes are fetched
 * and handed to the browser, to save under the name the service gives or to open in a new tab.
 */
async function fetchFile(path: string): Promise<{ blob: Blob; name?: string }> {
  let response: Response;
  try {
    response = await fetch(url(path), { headers: headers() });
  } catch (e) {
    throw new ApiError(0, undefined, e instanceof Error ? e.message : String(e));
  }
  if (!response.ok) {
    throw await failure(response);
  }
  return { blob: await response.blob(), name: dispositionName(response.headers.get('Content-Disposition')) };
}

/** Saves the file at `path` under the service's name (or `fallbackName`). */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const { blob, name } = await fetchFile(path);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name ?? fallbackName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

/**
 * Opens the file at `path` in a new tab (PDF and images show in the browser). The tab is opened before the
 * download, while the click still counts as the user's, and pointed at the bytes once they are here.
 */
export async function previewFile(path: string): Promise<void> {
  const tab = window.open('', '_blank');
  try {
    const { blob } = await fetchFile(path);
    const address = URL.createObjectURL(blob);
    if (tab) {
      tab.location.href = address;
    } else {
      window.location.assign(address);
    }
    setTimeout(() => URL.revokeObjectURL(address), 60_000);
  } catch (e) {
    tab?.close();
    throw e;
  }
}

/** The file name of a Content-Disposition: the UTF-8 one (RFC 5987 filename*) if there is one, else the plain one. */
export function dispositionName(disposition: string | null): string | undefined {
  if (!disposition) {
    return undefined;
  }
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(disposition);
  return plain ? (plain[1] ?? plain[2]).trim() : undefined;
}

/** 1536 → "1.5 KB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) {
    return `${bytes} B`;
  }
  if (bytes < 1024 * 1024) {
    return `${(bytes / 1024).toFixed(1)} KB`;
  }
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
