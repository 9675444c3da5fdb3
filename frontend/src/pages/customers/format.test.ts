import { describe, expect, it } from 'vitest';
import { formatMoney, readableContacts } from './format';

describe('display formats', () => {
  it('groups CNY amounts without going through a float', () => {
    expect(formatMoney('12000.5')).toBe('12,000.50');
    expect(formatMoney('1234567890123.45')).toBe('1,234,567,890,123.45');
    expect(formatMoney('0.1')).toBe('0.10');
    expect(formatMoney(null)).toBe('');
  });

  it('shows the contacts of a history entry as people read them', () => {
    expect(readableContacts('张伟//13900001111/*', '主要联系人')).toBe('张伟 · 13900001111（主要联系人）');
    expect(readableContacts('张伟/经理/13900001111/zw@zl.cn*; 李娜///li@zl.cn', '主要联系人'))
      .toBe('张伟 · 经理 · 13900001111 · zw@zl.cn（主要联系人）；李娜 · li@zl.cn');
  });
});
