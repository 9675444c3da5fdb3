import { describe, expect, it } from 'vitest';
import i18n from '../../i18n';
import { ApiError } from '../../api/http';
import { DISPATCH_STATUSES } from '../../api/surveys';
import zh from '../../locales/surveys/zh-CN.json';
import { campaignState, dispatchActions, failureReasonText, formatRate, NO_EMAIL_REASON, REMIND_REFUSALS, remindRefusal, startCampaignError } from './campaigns';
import { isQuarter, nextQuarter, quarterOf } from './quarter';

i18n.addResourceBundle('zh-CN', 'translation', zh, true, true);
const t = i18n.getFixedT('zh-CN');

describe('quarters', () => {
  it('takes what the service takes: yyyy-Qn, year 2000–2099, quarter 1–4', () => {
    expect(['2026-Q4', '2000-Q1', '2099-Q3', ' 2027-Q1 '].map(isQuarter)).toEqual([true, true, true, true]);
    expect(['2026Q4', '2026-q4', '2026-Q5', '2026-Q0', '1999-Q1', '2100-Q1', '26-Q4', '2026-Q4x', '', undefined].map(isQuarter))
      .toEqual(Array(10).fill(false));
  });

  it('counts the current quarter on the Shanghai calendar', () => {
    expect(quarterOf(new Date('2026-12-03T04:20:00Z'))).toBe('2026-Q4');
    expect(quarterOf(new Date('2026-12-31T17:00:00Z'))).toBe('2027-Q1'); // 01:00 on 1 January in Shanghai
    expect(quarterOf(new Date('2026-03-31T15:59:59Z'))).toBe('2026-Q1');
    expect(quarterOf(new Date('2026-03-31T16:00:00Z'))).toBe('2026-Q2');
    expect(quarterOf(new Date('2026-12-31T17:00:00Z'), 'UTC')).toBe('2026-Q4');
  });

  it('steps to the next quarter across the year', () => {
    expect(nextQuarter('2026-Q3')).toBe('2026-Q4');
    expect(nextQuarter('2026-Q4')).toBe('2027-Q1');
    expect(() => nextQuarter('2026-Q5')).toThrow();
  });
});

describe('a refused campaign start', () => {
  it('says 409 campaign-exists beside the quarter, in words', () => {
    const said = startCampaignError(new ApiError(409, { status: 409, code: 'campaign-exists', detail: '2026-Q4 已有…' }), '2026-Q4', t);
    expect(said).toBeInstanceOf(ApiError);
    expect((said as ApiError).status).toBe(400);
    expect((said as ApiError).problem?.errors).toEqual([{ field: 'quarter', message: '2026-Q4 已有满意度调查活动，每个季度只能发起一次。' }]);
  });

  it('passes anything else on as it came', () => {
    const bad = new ApiError(400, { status: 400, errors: [{ field: 'quarter', message: '季度格式为 yyyy-Qn' }] });
    expect(startCampaignError(bad, 'x', t)).toBe(bad);
    const stale = new ApiError(409, { status: 409, code: 'stale' });
    expect(startCampaignError(stale, '2026-Q4', t)).toBe(stale);
  });
});

describe('dispatches', () => {
  it('offers a reminder only for e-mailed, unanswered ones, and phone/fax entry until answered, to market only', () => {
    const offered = Object.fromEntries(DISPATCH_STATUSES.map((status) => [status, dispatchActions({ status }, true)]));
    expect(offered).toEqual({
      PENDING: { remind: false, enter: true },
      SENT: { remind: true, enter: true },
      FAILED: { remind: false, enter: true },
      ANSWERED: { remind: false, enter: false },
      EXPIRED: { remind: false, enter: true },
    });
    expect(DISPATCH_STATUSES.map((status) => dispatchActions({ status }, false))).toEqual(Array(5).fill({ remind: false, enter: false }));
  });

  it('says why a reminder was refused, for each of the service\'s reasons', () => {
    const refused = (status: number, code: string) => remindRefusal(new ApiError(status, { status, code, detail: 'detail' }), t);
    expect(refused(409, 'survey-reminders-exhausted')).toBe('提醒次数已达上限，不能再发送提醒。');
    expect(refused(409, 'survey-not-invited')).toContain('请改用电话或传真');
    expect(refused(410, 'survey-link-expired')).toContain('调查链接已过期');
    expect(refused(410, 'something-new')).toContain('调查链接已过期');
    expect(refused(409, 'something-new')).toBe('detail');
    for (const code of REMIND_REFUSALS) {
      expect(refused(409, code), code).not.toContain('surveys.');
    }
    expect(remindRefusal(new ApiError(0), t)).toBe('无法连接服务器');
  });

  it('names the failure the service records for a client without an address, and shows an SMTP error as kept', () => {
    expect(failureReasonText(NO_EMAIL_REASON, t)).toBe('主要联系人没有邮箱');
    expect(failureReasonText('550 mailbox unavailable (example.cn)', t)).toBe('550 mailbox unavailable (example.cn)');
    expect(failureReasonText(null, t)).toBe('');
  });
});

describe('campaigns', () => {
  it('derive their state from the counts and show the rate with two decimals', () => {
    expect(campaignState({ dispatched: 0, answered: 0 })).toBe('EMPTY');
    expect(campaignState({ dispatched: 3, answered: 1 })).toBe('OPEN');
    expect(campaignState({ dispatched: 3, answered: 3 })).toBe('COMPLETE');
    expect([formatRate(33.33), formatRate(100), formatRate(null), formatRate(undefined)]).toEqual(['33.33 %', '100.00 %', '—', '—']);
  });
});
