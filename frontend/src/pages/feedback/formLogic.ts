import type { Dayjs } from 'dayjs';
import type { FeedbackChannel, FeedbackInput, FeedbackKind } from '../../api/feedback';

/** The post form's values: the customer from the registry or a prospect by name. */
export interface FeedbackValues {
  customerMode: 'registered' | 'prospect';
  customerId?: number;
  prospectName?: string;
  kind: FeedbackKind;
  channel: FeedbackChannel;
  receivedAt?: Dayjs | null;
  words: string;
}

/**
 * What the service is sent: customerId or prospectName (one of the two), receivedAt as an ISO date-time with the
 * offset (left out: now), the words trimmed.
 */
export function toFeedbackInput(v: FeedbackValues): FeedbackInput {
  const registered = v.customerMode === 'registered';
  return {
    ...(registered ? { customerId: v.customerId } : { prospectName: v.prospectName?.trim() }),
    kind: v.kind,
    channel: v.channel,
    ...(v.receivedAt ? { receivedAt: v.receivedAt.second(0).millisecond(0).format() } : {}),
    words: v.words.trim(),
  };
}
