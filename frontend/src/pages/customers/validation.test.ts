import { describe, expect, it } from 'vitest';
import { checkCreditCode, checkPostalCode, isEmail, isMoney, isPhone, normalizeCreditCode } from './validation';

// the same real codes customer-service's CreditCodeTest uses
describe('unified social credit code (GB 32100-2015)', () => {
  it.each(['91350100M000100Y43', '91350200776049653A', '914403001922038216', '91110000802100433B', '91440300708461136T'])(
    'accepts the registered code %s',
    (code) => expect(checkCreditCode(code)).toEqual({ ok: true }),
  );

  it.each([
    ['91350100M000100Y44', '3'],
    ['91350200776049653B', 'A'],
  ])('refuses %s and names the check character its first 17 call for', (code, expected) =>
    expect(checkCreditCode(code)).toEqual({ ok: false, reason: 'check', expected }));

  it.each(['', '91350100M000100Y4', '91350100M000100Y433', '91350100I000100Y43', '91350100O000100Y43', '91350100S000100Y43',
    '91350100V000100Y43', '91350100Z000100Y43', '91350100m000100y43'])('calls %s malformed', (code) =>
    expect(checkCreditCode(code)).toEqual({ ok: false, reason: 'malformed' }));

  it('normalizes as the server stores it', () => {
    expect(normalizeCreditCode(' 9135 0100m000100y43 ')).toBe('91350100M000100Y43');
  });
});

describe('contact formats', () => {
  it('knows postal codes, including Hong Kong and Macao', () => {
    expect(checkPostalCode('310000', '330000')).toEqual({ ok: true });
    expect(checkPostalCode('31000', '330000')).toEqual({ ok: false });
    expect(checkPostalCode('999077', '810000')).toEqual({ ok: true });
    expect(checkPostalCode('310000', '810000')).toEqual({ ok: false, expected: '999077' });
    expect(checkPostalCode('999078', '330000')).toEqual({ ok: false });
  });

  it('knows mobile, landline and service numbers', () => {
    for (const phone of ['13900001111', '+86 13900001111', '025-84561234', '010-66668888', '0571-88889999转123', '400-820-8820']) {
      expect(isPhone(phone), phone).toBe(true);
    }
    for (const phone of ['12345', '1390000111', '110', 'abc']) {
      expect(isPhone(phone), phone).toBe(false);
    }
  });

  it('knows e-mail addresses and CNY amounts', () => {
    expect(isEmail('li.na@zhonglan.cn')).toBe(true);
    expect(isEmail('li.na@')).toBe(false);
    expect(isMoney('12000')).toBe(true);
    expect(isMoney('12000.5')).toBe(true);
    expect(isMoney('12000.555')).toBe(false);
    expect(isMoney('-1')).toBe(false);
    expect(isMoney('1e5')).toBe(false);
  });
});
