import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/http';
import { mayAttach, problemText, refusal } from './attachments';

describe('attachments on an item', () => {
  it('are added by whoever may change the item, while it is open', () => {
    expect(mayAttach(['department'], { status: 'IN_HANDLING' })).toBe(true);
    expect(mayAttach(['market'], { status: 'RECEIVED' })).toBe(true);
    expect(mayAttach(['leader'], { status: 'ESCALATED' })).toBe(true);
    expect(mayAttach(['market'], { status: 'CLOSED' })).toBe(false);
    expect(mayAttach(['admin'], { status: 'RECEIVED' })).toBe(false);
    expect(mayAttach(['auditor'], { status: 'RECEIVED' })).toBe(false);
  });

  it('refuses before sending a file over the limit, an empty one, or one too many', () => {
    const mb = 1024 * 1024;
    expect(refusal({ size: 10 * mb }, 0)).toBeUndefined();
    expect(refusal({ size: 10 * mb + 1 }, 0)).toEqual({ key: 'tooLarge', values: { mb: 10 } });
    expect(refusal({ size: 300 * 1024 }, 0, 256 * 1024)).toEqual({ key: 'tooLarge', values: { mb: 0.25 } });
    expect(refusal({ size: 0 }, 0)).toEqual({ key: 'empty', values: {} });
    expect(refusal({ size: 1 }, 9)).toBeUndefined();
    expect(refusal({ size: 1 }, 10)).toEqual({ key: 'tooMany', values: { count: 10 } });
  });

  it("shows the service's reason in its own words", () => {
    const refused = new ApiError(400, {
      status: 400, code: 'validation', detail: '请求数据有误',
      errors: [{ field: 'file', message: '只接受 PDF、Word（DOCX）、PNG 或 JPEG 文件；按文件内容判断，与文件名无关' }],
    });
    expect(problemText(refused)).toBe('只接受 PDF、Word（DOCX）、PNG 或 JPEG 文件；按文件内容判断，与文件名无关');
    expect(problemText(new ApiError(409, { status: 409, code: 'item-closed', detail: '事项 FK-2026-00001 已关闭，不能再添加附件。' })))
      .toBe('事项 FK-2026-00001 已关闭，不能再添加附件。');
    expect(problemText(new Error('network'))).toBe('network');
  });
});
