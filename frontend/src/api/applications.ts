import type { components, operations, paths } from './generated/application-contract-service';
import { ApiError, failure, headers, url } from './http';
import { typedClient, type Json } from './typed';
import { uploadWithProgress, type UploadProgress } from './upload';

/**
 * application-contract-service's applications (认证申请, form 16-01): the public form and status page
 * (/api/public/applications, no login; the reference and its secret open the status) and the staff inbox, review
 * and decision (/api/applications). Every type is the service's OpenAPI document's.
 */
type Schemas = components['schemas'];

export type ApplicationStatus = Schemas['ApplicationStatus'];
export type AttachmentKind = Schemas['AttachmentKind'];
/** Every status, in lifecycle order (the check below fails if the document adds one). */
export const APPLICATION_STATUSES = [
  'DRAFT', 'SUBMITTED', 'UNDER_REVIEW', 'NEEDS_INFO', 'ACCEPTED', 'REJECTED', 'WITHDRAWN',
] as const satisfies readonly ApplicationStatus[];
export const ATTACHMENT_KINDS = ['BUSINESS_LICENCE', 'PERMIT', 'OTHER'] as const satisfies readonly AttachmentKind[];
type Is<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const allStatusesListed: Is<(typeof APPLICATION_STATUSES)[number], ApplicationStatus> extends true ? true : never = true;
export const allKindsListed: Is<(typeof ATTACHMENT_KINDS)[number], AttachmentKind> extends true ? true : never = true;

export type ApplicationForm = Json<Schemas['FormView']>;
export type SchemeOption = Json<Schemas['SchemeOption']>;
export type ApplicationInput = Json<Schemas['ApplicationInput']>;
export type ApplicationDetail = Json<Schemas['ApplicationDetail']>;
export type ApplicationRow = Json<Schemas['ApplicationRow']>;
export type AttachmentView = Json<Schemas['AttachmentView']>;
export type MessageView = Json<Schemas['MessageView']>;
export type Checklist = Json<Schemas['Checklist']>;
export type ReviewInput = Json<Schemas['ReviewInput']>;
export type TransitionInput = Json<Schemas['TransitionInput']>;
export type Submitted = Json<Schemas['Submitted']>;
export type PublicStatus = Json<Schemas['PublicStatus']>;
export type HistoryEntry = Json<Schemas['Entry']>;
export type ApplicationListQuery = NonNullable<operations['listApplications']['parameters']['query']>;

/** The header that carries the secret given at submission. */
export const SECRET_HEADER = 'X-Application-Secret';

/** Staff transitions: POST /api/applications/{id}/<step>. */
export type Step = 'submit' | 'start-review' | 'request-info' | 'accept' | 'reject' | 'withdraw';

/** Files chosen per kind: sent as multipart parts named by the kind. */
export type FilesByKind = Partial<Record<AttachmentKind, File[]>>;

const api = typedClient<paths>();

export const applicationsApi = {
  form: () => api.get('/api/public/applications/form'),
  list: (query: ApplicationListQuery) => api.get('/api/applications', { query }),
  get: (id: number) => api.get('/api/applications/{id}', { path: { id } }),
  create: (input: ApplicationInput) => api.post('/api/applications', { body: input }),
  update: (id: number, input: ApplicationInput) => api.put('/api/applications/{id}', { path: { id }, body: input }),
  review: (id: number, input: ReviewInput) => api.put('/api/applications/{id}/review', { path: { id }, body: input }),
  history: (id: number, page: number, size: number) =>
    api.get('/api/applications/{id}/history', { path: { id }, query: { page, size } }),
  move: (id: number, step: Step, input: TransitionInput) => {
    switch (step) {
      case 'submit': return api.post('/api/applications/{id}/submit', { path: { id }, body: input });
      case 'start-review': return api.post('/api/applications/{id}/start-review', { path: { id }, body: input });
      case 'request-info': return api.post('/api/applications/{id}/request-info', { path: { id }, body: input });
      case 'accept': return api.post('/api/applications/{id}/accept', { path: { id }, body: input });
      case 'reject': return api.post('/api/applications/{id}/reject', { path: { id }, body: input });
      case 'withdraw': return api.post('/api/applications/{id}/withdraw', { path: { id }, body: input });
    }
  },
};

/** The multipart form of files named by kind (several of a kind allowed), with the given text parts first. */
export function multipart(files: FilesByKind, fields: Record<string, string | undefined> = {}): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined) {
      form.append(name, value);
    }
  }
  for (const kind of ATTACHMENT_KINDS) {
    for (const file of files[kind] ?? []) {
      form.append(kind, file, file.name);
    }
  }
  return form;
}

/** The public submission: the fields as JSON in part `application`, the files in parts named by kind. */
export function submitPublic(input: ApplicationInput, files: FilesByKind, onProgress: (p: UploadProgress) => void = () => {}): Promise<Submitted> {
  return uploadWithProgress<Submitted>('/api/public/applications', undefined,
    multipart(files, { application: JSON.stringify(input) }), undefined, onProgress);
}

/** Staff attach files to an application (e.g. one entered on a client's behalf). */
export function attachFiles(id: number, files: FilesByKind, onProgress: (p: UploadProgress) => void = () => {}): Promise<ApplicationDetail> {
  return uploadWithProgress<ApplicationDetail>(`/api/applications/${id}/attachments`, undefined, multipart(files), undefined, onProgress);
}

/** The applicant's answer to a request for information: text and optional files. */
export function answerPublic(reference: string, secret: string, text: string, files: FilesByKind,
  onProgress: (p: UploadProgress) => void = () => {}): Promise<PublicStatus> {
  return uploadWithProgress<PublicStatus>(`/api/public/applications/${encodeURIComponent(reference)}/answers`, undefined,
    multipart(files, { text }), undefined, onProgress, { [SECRET_HEADER]: secret });
}

async function publicCall<T>(method: 'GET' | 'POST', reference: string, secret: string, suffix = '', body?: unknown): Promise<T> {
  const init: RequestInit = {
    method,
    headers: headers({
      Accept: 'application/json, application/problem+json',
      [SECRET_HEADER]: secret,
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    }),
  };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(url(`/api/public/applications/${encodeURIComponent(reference)}${suffix}`), init);
  } catch (e) {
    throw new ApiError(0, undefined, e instanceof Error ? e.message : String(e));
  }
  if (!response.ok) {
    throw await failure(response);
  }
  return (await response.json()) as T;
}

/** The applicant's view by reference and secret (an unknown reference and a wrong secret are the same 404). */
export function publicStatus(reference: string, secret: string): Promise<PublicStatus> {
  return publicCall('GET', reference, secret);
}

export function withdrawPublic(reference: string, secret: string, reason?: string): Promise<PublicStatus> {
  return publicCall('POST', reference, secret, '/withdraw', { reason: reason?.trim() || null });
}

export type { UploadProgress };
