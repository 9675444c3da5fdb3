import { Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AnswerChannel, DispatchStatus } from '../../api/surveys';
import { failureReasonText, type CampaignState } from './campaigns';

const STATUS_COLOR: Record<DispatchStatus, string> = {
  PENDING: 'default',
  SENT: 'processing',
  FAILED: 'red',
  ANSWERED: 'green',
  EXPIRED: 'orange',
};

/** A dispatch's status as a coloured tag; a FAILED one with its reason under it. */
export function DispatchStatusTag({ status, failureReason }: { status: DispatchStatus; failureReason?: string | null }) {
  const { t } = useTranslation();
  return (
    <div>
      <Tag color={STATUS_COLOR[status]} data-testid="dispatch-status">{t(`surveys.dispatch.statuses.${status}`)}</Tag>
      {status === 'FAILED' && failureReason ? (
        <div><Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="dispatch-failure">{failureReasonText(failureReason, t)}</Typography.Text></div>
      ) : null}
    </div>
  );
}

const CHANNEL_COLOR: Record<AnswerChannel, string> = { ONLINE: 'blue', PHONE: 'purple', FAX: 'cyan' };

/** How an answer came in: online, by phone, by fax. */
export function ChannelTag({ channel }: { channel: AnswerChannel }) {
  const { t } = useTranslation();
  return <Tag color={CHANNEL_COLOR[channel]} data-testid="dispatch-channel">{t(`surveys.dispatch.channels.${channel}`)}</Tag>;
}

const STATE_COLOR: Record<CampaignState, string> = { EMPTY: 'default', OPEN: 'processing', COMPLETE: 'green' };

export function CampaignStateTag({ state }: { state: CampaignState }) {
  const { t } = useTranslation();
  return <Tag color={STATE_COLOR[state]} data-testid="campaign-state">{t(`surveys.campaigns.states.${state}`)}</Tag>;
}
