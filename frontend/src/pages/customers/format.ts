import dayjs from 'dayjs';
import type { Customer } from '../../api/customers';

/** "12000.00" → "12,000.00" without ever going through a float. */
export function formatMoney(amount: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') {
    return '';
  }
  const [whole, fraction = ''] = amount.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${grouped}.${fraction.padEnd(2, '0')}`;
}

export function formatDateTime(instant: string | null | undefined): string {
  return instant ? dayjs(instant).format('YYYY-MM-DD HH:mm') : '';
}

export function primaryContact(customer: Customer) {
  return customer.contacts.find((c) => c.primary) ?? customer.contacts[0];
}

/**
 * A history value of the contacts as people read it: the server keeps them as
 * "name/role/phone/email" (a trailing * marks the primary one), joined by "; ".
 */
export function readableContacts(value: string, primaryLabel: string): string {
  return value
    .split('; ')
    .filter((c) => c.trim() !== '')
    .map((contact) => {
      const primary = contact.endsWith('*');
      const parts = (primary ? contact.slice(0, -1) : contact).split('/').filter((p) => p.trim() !== '');
      return parts.join(' · ') + (primary ? `（${primaryLabel}）` : '');
    })
    .join('；');
}
