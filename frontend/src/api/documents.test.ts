import { describe, expect, it } from 'vitest';
import zhCN from '../locales/documents/zh-CN.json';
import en from '../locales/documents/en.json';
import { DOCUMENT_KINDS, dispositionName, formatSize } from './documents';
import { listQuery } from '../pages/documents/DocumentList';

describe('public documents', () => {
  it('reads the UTF-8 file name of a Content-Disposition before the plain one', () => {
    expect(dispositionName(`attachment; filename="document-7-v1.pdf"; filename*=UTF-8''%E6%94%B6%E8%B4%B9%E6%A0%87%E5%87%86%20A.pdf`))
      .toBe('收费标准 A.pdf');
    expect(dispositionName('attachment; filename="fees.pdf"')).toBe('fees.pdf');
    expect(dispositionName(`attachment; filename="x.pdf"; filename*=UTF-8''%E6%94`)).toBe('x.pdf');
    expect(dispositionName(null)).toBeUndefined();
  });

  it('names every kind in both languages', () => {
    for (const kind of DOCUMENT_KINDS) {
      expect(zhCN.documents.kinds[kind], kind).toBeTruthy();
      expect(en.documents.kinds[kind], kind).toBeTruthy();
    }
  });

  it('shows sizes as people read them', () => {
    expect(formatSize(900)).toBe('900 B');
    expect(formatSize(1536)).toBe('1.5 KB');
    expect(formatSize(20 * 1024 * 1024)).toBe('20.0 MB');
  });

  it('keeps the library view in the URL and drops what it cannot read', () => {
    expect(listQuery(new URLSearchParams('kind=FEE_SCHEDULE&published=true&page=2&size=50')))
      .toMatchObject({ kind: 'FEE_SCHEDULE', published: true, page: 2, size: 50 });
    expect(listQuery(new URLSearchParams('kind=NEWSLETTER&published=yes&page=-1&size=7')))
      .toMatchObject({ kind: undefined, published: undefined, page: 1, size: 20 });
  });
});
