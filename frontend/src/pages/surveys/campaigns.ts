import type { TFunction } from 'i18next';
import { ApiError } from '../../api/http';
import type { CampaignView, DispatchView } from '../../api/surveys';

/** What market may do with a dispatch, by its status (survey-service decides again, and says why not). */
export function dispatchActions(dispatch: Pick<DispatchView, 'status'>, canManage: boolean): { remind: boolean; enter: boolean } {
  if (!canManage) {
    return { remind: false, enter: false };
  }
  return {
    // reminders go only to clients invited by e-mail who have not answered (the service also counts them and the expiry)
    remind: dispatch.status === 'SENT',
    // an answer by phone or fax: once per dispatch, also after the link expired or the mail failed
    enter: dispatch.status !== 'ANSWERED',
  };
}

/** The reason survey-service records on a dispatch without an e-mail address (CampaignService.NO_EMAIL). */
export const NO_EMAIL_REASON = "no e-mail address on record for the client's primary contact";

/** Why a dispatch FAILED, in the user's words when it is the known one; an SMTP error as the service kept it. */
export function failureReasonText(reason: string | null | undefined, t: TFunction): string {
  if (!reason) {
    return '';
  }
  return reason === NO_EMAIL_REASON ? t('surveys.dispatch.noEmail') : reason;
}

/** The problem codes a reminder is refused with (409 and 410), each said in words. */
export const REMIND_REFUSALS = [
  'survey-already-answered', 'survey-not-invited', 'survey-reminders-exhausted', 'survey-mail-pending', 'survey-link-expired',
] as const;

/** Why a reminder was not sent, as the market user reads it. */
export function remindRefusal(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    const code = error.code;
    if ((error.status === 409 || error.status === 410) && code && (REMIND_REFUSALS as readonly string[]).includes(code)) {
      return t(`surveys.remind.refused.${code}`);
    }
    if (error.status === 410) {
      return t('surveys.remind.refused.survey-link-expired');
    }
    if (error.isNetwork) {
      return t('errors.network');
    }
  }
  return error instanceof Error ? error.message : String(error);
}

/** A campaign's state, from its counts (the service keeps none): nobody asked, waiting for answers, all answered. */
export type CampaignState = 'EMPTY' | 'OPEN' | 'COMPLETE';

export function campaignState(campaign: Pick<CampaignView, 'dispatched' | 'answered'>): CampaignState {
  const dispatched = campaign.dispatched ?? 0;
  if (dispatched === 0) {
    return 'EMPTY';
  }
  return (campaign.answered ?? 0) >= dispatched ? 'COMPLETE' : 'OPEN';
}

/** The response rate as a percentage (two decimals, as the service computes it), or a dash with nobody asked. */
export function formatRate(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${Number(rate).toFixed(2)} %`;
}

/**
 * A refused start as the campaign form shows it: 409 campaign-exists becomes a message beside the quarter, in words
 * (the form then shows it like the service's 400s); anything else is passed on as it came.
 */
export function startCampaignError(error: unknown, quarter: string, t: TFunction): unknown {
  if (error instanceof ApiError && error.status === 409 && error.code === 'campaign-exists') {
    const message = t('surveys.campaigns.exists', { quarter });
    return new ApiError(400, { status: 400, code: 'campaign-exists', errors: [{ field: 'quarter', message }] }, message);
  }
  return error;
}
