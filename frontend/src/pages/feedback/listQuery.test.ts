import { describe, expect, it } from 'vitest';
import { fromSorter, inboxParams, inboxQuery, sortOrder, toServiceQuery } from './listQuery';

describe('the feedback inbox in the URL', () => {
  it('reads every filter and writes it back the same', () => {
    const params = new URLSearchParams('status=IN_HANDLING&kind=COMPLAINT&class=C_BEYOND_AUTHORITY&department=audit-scheduling'
      + '&overdue=true&q=%E6%98%9F%E6%BE%9C&topic=%E8%AF%81%E4%B9%A6%E9%82%AE%E5%AF%84&sort=resolutionDueAt,asc&page=2&size=50');
    const query = inboxQuery(params);
    expect(query).toEqual({
      status: 'IN_HANDLING', kind: 'COMPLAINT', class: 'C_BEYOND_AUTHORITY', department: 'audit-scheduling', overdue: true,
      q: '星澜', topic: '证书邮寄', sort: 'resolutionDueAt,asc', page: 2, size: 50,
    });
    expect(inboxQuery(inboxParams(query))).toEqual(query);
  });

  it('drops what it cannot read and leaves the defaults out of the URL', () => {
    expect(inboxQuery(new URLSearchParams('status=LOST&kind=x&class=D&overdue=maybe&sort=words,desc&page=0&size=7&q=%20'))).toEqual({
      status: undefined, kind: undefined, class: undefined, department: undefined, overdue: undefined, q: undefined, topic: undefined,
      sort: 'receivedAt,desc', page: 1, size: 20,
    });
    expect(inboxParams(inboxQuery(new URLSearchParams('page=1&size=20&sort=receivedAt,desc'))).toString()).toBe('');
    expect(inboxQuery(new URLSearchParams('sort=receivedAt,sideways')).sort).toBe('receivedAt,desc');
  });

  it('pins the fixed filters of a view (the leader\'s escalated items) and keeps them out of its URL', () => {
    const fixed = { status: 'ESCALATED' as const };
    const query = inboxQuery(new URLSearchParams('status=RECEIVED&kind=APPEAL'), fixed);
    expect(query.status).toBe('ESCALATED');
    expect(inboxParams(query, fixed).toString()).toBe('kind=APPEAL');
  });

  it('asks the service with its parameter names, the sort as a list, nothing unset', () => {
    expect(toServiceQuery(inboxQuery(new URLSearchParams('overdue=false&q=FK-2026')))).toEqual({
      overdue: false, q: 'FK-2026', sort: ['receivedAt,desc'], page: 1, size: 20,
    });
  });

  it('turns the table\'s sorter into a sort and back', () => {
    expect(fromSorter('resolutionDueAt', 'ascend')).toBe('resolutionDueAt,asc');
    expect(fromSorter('reference', 'descend')).toBe('reference,desc');
    expect(fromSorter('reference', null)).toBe('receivedAt,desc');
    expect(fromSorter('words', 'ascend')).toBe('receivedAt,desc');
    const query = inboxQuery(new URLSearchParams('sort=status,asc'));
    expect(sortOrder(query, 'status')).toBe('ascend');
    expect(sortOrder(query, 'receivedAt')).toBeNull();
    expect(sortOrder(inboxQuery(new URLSearchParams()), 'receivedAt')).toBe('descend');
  });
});
