import type { components, paths } from './generated/feedback-service';
import { downloadFile } from './download';
import { typedClient, type Json } from './typed';
import { uploadWithProgress, type UploadProgress } from './upload';

/**
 * Files attached to a feedback item (feedback-service, /api/feedback/{id}/attachments): listed, uploaded one per
 * request as multipart (field `file`; the service tells the type from the bytes), downloaded with the token in a
 * header (download.ts). Loaded with the item's page only.
 */
export type FeedbackAttachment = Json<components['schemas']['FeedbackAttachment']>;

/** The service's default certcare.feedback.attachments.max-bytes and max-per-item: checked here first, enforced there. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_PER_ITEM = 10;
/** What the file picker offers: the types the service accepts (it decides by the bytes, not by the name). */
export const ATTACHMENT_ACCEPT = '.pdf,.docx,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg';

const api = typedClient<paths>();

export const attachmentsApi = {
  list: (id: number) => api.get('/api/feedback/{id}/attachments', { path: { id } }),
  upload: (id: number, file: File, onProgress: (p: UploadProgress) => void = () => {}) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return uploadWithProgress<FeedbackAttachment>(`/api/feedback/${id}/attachments`, undefined, form, undefined, onProgress);
  },
  download: (a: FeedbackAttachment) => downloadFile(`/api/feedback/${a.itemId}/attachments/${a.id}`, a.fileName),
};
