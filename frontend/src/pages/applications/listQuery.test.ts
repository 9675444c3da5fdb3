import { describe, expect, it } from 'vitest';
import { inboxParams, inboxQuery } from './listQuery';

describe('the applications inbox in the URL', () => {
  it('reads every filter and writes it back the same', () => {
    const params = new URLSearchParams('status=UNDER_REVIEW&scheme=QMS&province=330000&overdue=true&q=%E6%98%9F%E6%BE%9C&page=2&size=50');
    const query = inboxQuery(params);
    expect(query).toEqual({ status: 'UNDER_REVIEW', scheme: 'QMS', province: '330000', overdue: true, q: '星澜', page: 2, size: 50 });
    expect(inboxQuery(inboxParams(query))).toEqual(query);
  });

  it('drops what it cannot read and leaves the defaults out of the URL', () => {
    expect(inboxQuery(new URLSearchParams('status=LOST&overdue=maybe&page=0&size=7&q=%20'))).toEqual({
      status: undefined, scheme: undefined, province: undefined, overdue: undefined, q: undefined, page: 1, size: 20,
    });
    expect(inboxParams(inboxQuery(new URLSearchParams('page=1&size=20'))).toString()).toBe('');
  });
});
