/**
 * The cheap checks the form runs before the server does the same (customer-service's CreditCode and
 * ContactFormats): the server stays the authority, these only answer sooner.
 */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeVerdict = { ok: true } | { ok: false; reason: 'malformed' } | { ok: false; reason: 'check'; expected: string };

/** Upper case, no white space, as the code is stored. */
export function normalizeCreditCode(code: string): string {
  return code.replace(/\s+/g, '').toUpperCase();
}

/** GB 32100-2015: 18 characters from 0-9 A-H J-N P-R T U W-Y, the last a check character over the first 17. */
export function checkCreditCode(code: string): CreditCodeVerdict {
  if (code.length !== 18 || [...code].some((c) => !CHARSET.includes(c))) {
    return { ok: false, reason: 'malformed' };
  }
  const expected = creditCodeCheckCharacter(code.slice(0, 17));
  return code[17] === expected ? { ok: true } : { ok: false, reason: 'check', expected };
}

/** The check character that the first 17 characters of a credit code call for (weights 3^(i-1) mod 31). */
export function creditCodeCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((total, c, i) => total + CHARSET.indexOf(c) * WEIGHTS[i], 0);
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** The characters a credit code is made of. */
export const CREDIT_CODE_CHARSET = CHARSET;

const POSTAL_CODE = /^\d{6}$/;
const MOBILE = /^(\+?86[- ]?)?1[3-9]\d{9}$/;
const LANDLINE = /^(\(?0(10|2\d|[3-9]\d{2})\)?[- ]?|\+86[- ]?(10|2\d|[3-9]\d{2})[- ]?)\d{7,8}([- ]?(转|ext\.?|x|-)?\s?\d{1,6})?$/i;
const SERVICE = /^[48]00[- ]?\d{3}[- ]?\d{4}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
/** CNY with at most two decimals, as an exact decimal string. */
const MONEY = /^\d{1,13}(\.\d{1,2})?$/;

export const HONG_KONG = '810000';
export const MACAO = '820000';

export type PostalVerdict = { ok: true } | { ok: false; expected?: string };

export function checkPostalCode(code: string, provinceCode?: string): PostalVerdict {
  if (!POSTAL_CODE.test(code)) {
    return { ok: false };
  }
  if (provinceCode === HONG_KONG) {
    return code === '999077' ? { ok: true } : { ok: false, expected: '999077' };
  }
  if (provinceCode === MACAO) {
    return code === '999078' ? { ok: true } : { ok: false, expected: '999078' };
  }
  return code.startsWith('9990') ? { ok: false } : { ok: true };
}

export function isPhone(phone: string): boolean {
  const p = phone.trim();
  return MOBILE.test(p) || LANDLINE.test(p) || SERVICE.test(p);
}

export function isEmail(email: string): boolean {
  return email.length <= 200 && EMAIL.test(email);
}

export function isMoney(amount: string): boolean {
  return MONEY.test(amount.trim());
}
