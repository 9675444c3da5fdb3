import type { components, operations, paths } from './generated/customer-service';
import { url } from './http';
import { downloadFile } from './download';
import { typedClient, type Json } from './typed';

/**
 * customer-service's public directory and certificate check (no login), and the market's side of it: leaving a
 * client out of the directory (17021-1 8.1.2) and the directory as a file for the website.
 */
type Schemas = components['schemas'];

export type DirectoryEntry = Json<Schemas['DirectoryEntry']>;
export type DirectoryPage = Json<Schemas['DirectoryPage']>;
export type CertificateCheck = Json<Schemas['CertificateCheck']>;
export type DirectoryRestriction = Json<Schemas['DirectoryRestriction']>;
export type DirectoryQuery = NonNullable<operations['listDirectory']['parameters']['query']>;
/** What a certificate check may say. */
export type CertificateStatus = 'VALID' | 'SUSPENDED' | 'WITHDRAWN' | 'CANCELLED' | 'EXPIRED';

const api = typedClient<paths>();

export const directoryApi = {
  list: (query: DirectoryQuery) => api.get('/api/public/directory', { query }),
  check: (number: string) => api.get('/api/public/certificates/{number}', { path: { number } }),
  restriction: (id: number) => api.get('/api/customers/{customerId}/directory-restriction', { path: { customerId: id } }),
  restrict: (id: number, reason: string) =>
    api.put('/api/customers/{customerId}/directory-restriction', { path: { customerId: id }, body: { reason } }),
  lift: (id: number) => api.delete('/api/customers/{customerId}/directory-restriction', { path: { customerId: id } }),
};

/** The certificate's QR code (SVG), as an image address anyone can load: the endpoint needs no token. */
export function qrCodeUrl(number: string, format: 'svg' | 'png' = 'svg'): string {
  return url(`/api/public/certificates/${encodeURIComponent(number)}/qr`, format === 'png' ? { format, size: 512 } : {});
}

/** The public verification page of a certificate, inside this app. */
export function verifyPath(number: string): string {
  return `/verify/${encodeURIComponent(number)}`;
}

/** Saves the directory (the filters given) as CSV or XLSX. */
export function downloadDirectory(format: 'csv' | 'xlsx', query: Pick<DirectoryQuery, 'q' | 'scheme' | 'province'> = {}): Promise<void> {
  const params = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(query)) {
    if (value) {
      params.set(key, String(value));
    }
  }
  return downloadFile(`/api/customers/directory/export?${params}`, `public-directory.${format}`);
}
