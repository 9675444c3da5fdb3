import { describe, expect, it } from 'vitest';
import { fieldErrors, toNamePath, type Problem } from './problem';

describe('problem+json field errors', () => {
  it('turns server field names into form paths', () => {
    expect(toNamePath('creditCode')).toEqual(['creditCode']);
    expect(toNamePath('contacts[0].phone')).toEqual(['contacts', 0, 'phone']);
    expect(toNamePath('professionalCodes[2]')).toEqual(['professionalCodes', 2]);
    expect(toNamePath('auditDates.stage1')).toEqual(['auditDates', 'stage1']);
  });

  it('groups the messages by field and keeps those of unshown fields apart', () => {
    const problem: Problem = {
      status: 400,
      code: 'validation',
      errors: [
        { field: 'creditCode', message: '校验码不正确' },
        { field: 'contacts[0].phone', message: '电话号码格式不正确' },
        { field: 'creditCode', message: '已登记' },
        { field: 'version', message: '必须提供' },
      ],
    };
    const shown = (name: (string | number)[]) => name[0] !== 'version';
    expect(fieldErrors(problem, shown)).toEqual({
      fields: [
        { name: ['creditCode'], errors: ['校验码不正确', '已登记'] },
        { name: ['contacts', 0, 'phone'], errors: ['电话号码格式不正确'] },
      ],
      others: ['必须提供'],
    });
  });

  it('puts the error of an unshown part on its nearest shown field', () => {
    const problem: Problem = {
      status: 400,
      errors: [
        { field: 'schemes[1]', message: '未知的认证领域' },
        { field: 'attachments.PERMIT', message: '请上传许可证' },
        { field: 'sites[0].address', message: '请填写地址' },
        { field: 'review.auditDays', message: '请估算审核人日' },
      ],
    };
    const shown = (name: (string | number)[]) => ['["schemes"]', '["attachments","PERMIT"]', '["sites",0,"address"]']
      .includes(JSON.stringify(name));
    expect(fieldErrors(problem, shown)).toEqual({
      fields: [
        { name: ['schemes'], errors: ['未知的认证领域'] },
        { name: ['attachments', 'PERMIT'], errors: ['请上传许可证'] },
        { name: ['sites', 0, 'address'], errors: ['请填写地址'] },
      ],
      others: ['请估算审核人日'],
    });
  });

  it('has nothing to show for a problem without field errors', () => {
    expect(fieldErrors({ status: 409, code: 'stale' })).toEqual({ fields: [], others: [] });
    expect(fieldErrors(undefined)).toEqual({ fields: [], others: [] });
  });
});
