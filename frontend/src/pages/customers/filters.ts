import { isMoney } from './validation';

/**
 * The customer list's view — filters, sort, page — as URL search parameters, so a view can be
 * bookmarked and shared. The parameter names are the API's, so the same string queries the service.
 */
export interface CustomerFilters {
  q?: string;
  province: string[];
  status: string[];
  scheme: string[];
  professionalCode?: string;
  auditFrom?: string;
  auditTo?: string;
  surveillanceFrom?: string;
  surveillanceTo?: string;
  expiresFrom?: string;
  expiresTo?: string;
  initialFeeMin?: string;
  initialFeeMax?: string;
  surveillanceFeeMin?: string;
  surveillanceFeeMax?: string;
}

export interface SortKey {
  field: string;
  order: 'asc' | 'desc';
}

export interface ListView {
  filters: CustomerFilters;
  sort: SortKey[];
  page: number;
  size: number;
}

export const LIST_PARAMS = ['province', 'status', 'scheme'] as const;
export const TEXT_PARAMS = [
  'q', 'professionalCode', 'auditFrom', 'auditTo', 'surveillanceFrom', 'surveillanceTo', 'expiresFrom', 'expiresTo',
  'initialFeeMin', 'initialFeeMax', 'surveillanceFeeMin', 'surveillanceFeeMax',
] as const;
export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_SIZE = 20;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function emptyFilters(): CustomerFilters {
  return { province: [], status: [], scheme: [] };
}

/** Reads the view from the URL; values that cannot be right (a bad date, a negative page) are dropped. */
export function parseView(params: URLSearchParams): ListView {
  const filters = emptyFilters();
  for (const key of LIST_PARAMS) {
    filters[key] = params.getAll(key).filter((v) => v.trim() !== '');
  }
  for (const key of TEXT_PARAMS) {
    const value = params.get(key)?.trim();
    if (!value) {
      continue;
    }
    if (/(From|To)$/.test(key) && !DATE.test(value)) {
      continue;
    }
    if (/(Min|Max)$/.test(key) && !isMoney(value)) {
      continue;
    }
    filters[key] = value;
  }
  const sort = params
    .getAll('sort')
    .map((s) => s.split(','))
    .filter(([field]) => /^[A-Za-z]+$/.test(field ?? ''))
    .map(([field, order]) => ({ field, order: order === 'desc' ? 'desc' : 'asc' }) as SortKey);
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const requested = Number.parseInt(params.get('size') ?? '', 10);
  const size = (PAGE_SIZES as readonly number[]).includes(requested) ? requested : DEFAULT_SIZE;
  return { filters, sort, page, size };
}

/** The view as URL parameters: empty filters, page 1 and the default size are left out. */
export function toParams(view: ListView): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of TEXT_PARAMS) {
    const value = view.filters[key]?.trim();
    if (value) {
      params.set(key, value);
    }
  }
  for (const key of LIST_PARAMS) {
    for (const value of view.filters[key]) {
      params.append(key, value);
    }
  }
  for (const s of view.sort) {
    params.append('sort', s.order === 'desc' ? `${s.field},desc` : s.field);
  }
  if (view.page > 1) {
    params.set('page', String(view.page));
  }
  if (view.size !== DEFAULT_SIZE) {
    params.set('size', String(view.size));
  }
  return params;
}

/** The API query for the view (the same names; sort as "field,desc"). */
export function toApiQuery(view: ListView): Record<string, string | number | string[]> {
  const sort = view.sort.map((s) => (s.order === 'desc' ? `${s.field},desc` : s.field));
  return { ...filterQuery(view.filters), ...(sort.length ? { sort } : {}), page: view.page, size: view.size };
}

/** The filters alone (export and statistics take the same filter, no paging). */
export function filterQuery(filters: CustomerFilters): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const key of TEXT_PARAMS) {
    const value = filters[key]?.trim();
    if (value) {
      query[key] = value;
    }
  }
  for (const key of LIST_PARAMS) {
    if (filters[key].length) {
      query[key] = filters[key];
    }
  }
  return query;
}

/** The list's address showing these filters (the overview's charts link here). */
export function listUrl(filters: Partial<CustomerFilters>): string {
  const params = toParams({ filters: { ...emptyFilters(), ...filters }, sort: [], page: 1, size: DEFAULT_SIZE });
  return params.size ? `/customers?${params.toString()}` : '/customers';
}
