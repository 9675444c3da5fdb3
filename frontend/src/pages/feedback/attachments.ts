import type { FeedbackItem } from '../../api/feedback';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_PER_ITEM } from '../../api/feedbackAttachments';
import { ApiError } from '../../api/http';
import type { Role } from '../../auth/roles';

/**
 * Who may attach on the item's page: whoever may change it — market, the leader, a department (the service shows a
 * department only its own items) — while it is not closed. (An auditor attaches through the API to what they posted;
 * they have no item page.)
 */
export function mayAttach(roles: readonly Role[], item: Pick<FeedbackItem, 'status'>): boolean {
  return item.status !== 'CLOSED' && roles.some((r) => r === 'market' || r === 'leader' || r === 'department');
}

/** Why a file is refused before it is sent (a message key under analysis.attachments and its values), or undefined. */
export function refusal(file: { size: number }, attached: number, maxBytes = ATTACHMENT_MAX_BYTES,
  perItem = ATTACHMENTS_PER_ITEM): { key: 'tooLarge' | 'empty' | 'tooMany'; values: Record<string, string | number> } | undefined {
  if (attached >= perItem) {
    return { key: 'tooMany', values: { count: perItem } };
  }
  if (file.size === 0) {
    return { key: 'empty', values: {} };
  }
  if (file.size > maxBytes) {
    return { key: 'tooLarge', values: { mb: Math.floor((maxBytes / 1024 / 1024) * 100) / 100 } };
  }
  return undefined;
}

/** The service's reason for a refusal: the field messages of its problem (e.g. "文件不能超过 10 MB"), else its detail. */
export function problemText(e: unknown): string {
  if (e instanceof ApiError) {
    const fields = (e.problem?.errors ?? []).map((f) => f.message).filter(Boolean);
    return fields.length ? fields.join('；') : e.message;
  }
  return e instanceof Error ? e.message : String(e);
}
