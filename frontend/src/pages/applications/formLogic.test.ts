import { describe, expect, it } from 'vitest';
import type { ApplicationForm } from '../../api/applications';
import { checkUploadLimits, requiredAttachments, toApplicationInput, toApplicationValues } from './formLogic';
import type { ApplicationDetail } from '../../api/applications';

const scheme = (code: string, requiredAttachments: ('BUSINESS_LICENCE' | 'PERMIT' | 'OTHER')[]) =>
  ({ code, nameZh: code, nameEn: code, name: code, requiredAttachments });
const form = { schemes: [scheme('QMS', ['BUSINESS_LICENCE']), scheme('EMS', ['BUSINESS_LICENCE']), scheme('FSMS', ['BUSINESS_LICENCE', 'PERMIT'])] };
const limits: ApplicationForm['limits'] = {
  maxAttachmentBytes: 1000, maxAttachments: 3, maxTotalBytes: 1500, maxSites: 20, acceptedTypes: ['application/pdf'],
};
const file = (name: string, size: number) => new File([new Uint8Array(size)], name, { type: 'application/pdf' });

describe('the application form', () => {
  it('requires the attachments of every chosen scheme, in the form\'s order', () => {
    expect(requiredAttachments(form, ['QMS'])).toEqual(['BUSINESS_LICENCE']);
    expect(requiredAttachments(form, ['FSMS', 'QMS'])).toEqual(['BUSINESS_LICENCE', 'PERMIT']);
    expect(requiredAttachments({ schemes: [scheme('X', ['PERMIT', 'BUSINESS_LICENCE'])] }, ['X'])).toEqual(['BUSINESS_LICENCE', 'PERMIT']);
  });

  it('requires what every scheme requires while none is chosen', () => {
    expect(requiredAttachments(form, [])).toEqual(['BUSINESS_LICENCE']);
    expect(requiredAttachments(form, undefined)).toEqual(['BUSINESS_LICENCE']);
    expect(requiredAttachments({ schemes: [] }, [])).toEqual([]);
  });

  it('checks the announced upload limits before sending', () => {
    expect(checkUploadLimits(limits, { BUSINESS_LICENCE: [file('a.pdf', 900)] })).toEqual({ ok: true });
    expect(checkUploadLimits(limits, { PERMIT: [file('big.pdf', 1001)] })).toEqual({ ok: false, reason: 'too-large', fileName: 'big.pdf' });
    expect(checkUploadLimits(limits, { OTHER: [file('a.pdf', 1), file('b.pdf', 1)] }, 2)).toEqual({ ok: false, reason: 'too-many' });
    expect(checkUploadLimits(limits, { BUSINESS_LICENCE: [file('a.pdf', 800)], OTHER: [file('b.pdf', 800)] }))
      .toEqual({ ok: false, reason: 'total-too-large' });
  });

  it('sends the fields trimmed, blanks as null, the credit code as stored and no empty site', () => {
    const input = toApplicationInput({
      name: ' 杭州示例制造有限公司 ', creditCode: '91350100m000100y43 ', legalRepresentative: '王五', address: '文三路 1 号',
      provinceCode: '330000', city: ' ', postalCode: '310000', contactName: '张三', contactPhone: '13800138000',
      schemes: ['QMS'], scope: '机械零件的生产', headCount: 80, consultancyUsed: false, consultancyName: '不应发送',
      sites: [{ address: '余杭区 2 号', activity: '装配', headCount: 20 }, { address: ' ', activity: '' }],
    });
    expect(input).toMatchObject({
      name: '杭州示例制造有限公司', creditCode: '91350100M000100Y43', city: null, contactEmail: null, consultancyName: null,
      sites: [{ address: '余杭区 2 号', activity: '装配', headCount: 20 }], headCount: 80, shifts: null, language: null,
    });
  });

  it('reads an application back into the form unchanged', () => {
    const input = toApplicationInput({
      name: '杭州示例制造有限公司', creditCode: '91350100M000100Y43', legalRepresentative: '王五', address: '文三路 1 号',
      provinceCode: '330000', postalCode: '310000', contactName: '张三', contactPhone: '13800138000', schemes: ['QMS', 'EMS'],
      scope: '机械零件的生产', headCount: 80, shifts: 2, consultancyUsed: true, consultancyName: '某咨询公司',
      sites: [{ address: '余杭区 2 号', activity: '装配', headCount: 20 }],
    });
    const detail = { ...input, id: 1, sites: input.sites ?? [] } as unknown as ApplicationDetail;
    expect(toApplicationInput(toApplicationValues(detail))).toEqual(input);
  });
});
