import type { components, operations, paths } from './generated/application-contract-service';
import { url } from './http';
import { dispositionName, downloadFile, formatSize } from './download';
import { typedClient, type Json } from './typed';
import { uploadWithProgress, type UploadProgress } from './upload';

/**
 * application-contract-service's public documents (公开文件): the staff library (/api/documents) and the
 * anonymous list (/api/public/documents). Every type is the service's OpenAPI document's
 * (src/api/openapi/application-contract-service.json → src/api/generated/, `npm run api:generate`).
 */
type Schemas = components['schemas'];

export type DocumentKind = Schemas['DocumentKind'];
/** Every kind, in the order the screens offer them (the check below fails if the document adds one). */
export const DOCUMENT_KINDS = [
  'CERTIFICATION_RULES', 'SCHEME_INTRODUCTION', 'FEE_SCHEDULE', 'RIGHTS_AND_OBLIGATIONS',
  'CERTIFICATE_AND_MARK_USE', 'COMPLAINTS_AND_APPEALS', 'IMPARTIALITY_POLICY',
] as const satisfies readonly DocumentKind[];
type Is<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type AllKindsListed = Is<(typeof DOCUMENT_KINDS)[number], DocumentKind> extends true ? true : never;
export const allKindsListed: AllKindsListed = true;

export type VersionView = Json<Schemas['VersionView']>;
export type DocumentView = Json<Schemas['DocumentView']>;
export type DocumentDetail = Json<Schemas['DocumentDetail']>;
export type DocumentInput = Json<Schemas['DocumentInput']>;
export type PublicDocument = Json<Schemas['PublicDocument']>;
export type HistoryEntry = Json<Schemas['Entry']>;
export type DocumentPage = Json<Schemas['ListPageDocumentView']>;
export type HistoryPage = Json<Schemas['ListPageEntry']>;
export type ListQuery = NonNullable<operations['listDocuments']['parameters']['query']>;

const api = typedClient<paths>();

export const documentsApi = {
  list: (query: ListQuery) => api.get('/api/documents', { query }),
  get: (id: number) => api.get('/api/documents/{id}', { path: { id } }),
  create: (input: DocumentInput) => api.post('/api/documents', { body: input }),
  update: (id: number, input: DocumentInput) => api.put('/api/documents/{id}', { path: { id }, body: input }),
  history: (id: number, page: number, size: number) => api.get('/api/documents/{id}/history', { path: { id }, query: { page, size } }),
  published: () => api.get('/api/public/documents'),
};

/** What the upload form sends besides the file. */
export interface VersionFields {
  versionLabel: string;
  effectiveOn: string;
  changeNote?: string;
}

export type { UploadProgress };

/**
 * Uploads a new version as multipart/form-data (XMLHttpRequest: fetch cannot report upload progress). The
 * browser writes the boundary; the service tells the type from the bytes, whatever the file is called.
 */
export function uploadVersion(
  id: number,
  file: File,
  fields: VersionFields,
  onProgress: (p: UploadProgress) => void = () => {},
): Promise<DocumentDetail> {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('versionLabel', fields.versionLabel);
  form.append('effectiveOn', fields.effectiveOn);
  if (fields.changeNote) {
    form.append('changeNote', fields.changeNote);
  }
  return uploadWithProgress<DocumentDetail>(`/api/documents/${id}/versions`, undefined, form, undefined, onProgress);
}

/** Downloads a version for staff under the name the service gives. */
export function downloadVersion(version: VersionView): Promise<void> {
  return downloadFile(version.downloadUrl, version.fileName);
}

export { dispositionName, formatSize };

/** The public download's address (a plain link: it needs no token). */
export function publicFileUrl(document: PublicDocument): string {
  return url(document.downloadUrl);
}
