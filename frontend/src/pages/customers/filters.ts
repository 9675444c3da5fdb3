import type { ListQuery } from '../../api/customers';
import { isMoney } from './validation';

/** The list query's parameters that filter (the others sort and page); the same filters the export and statistics take. */
export type FilterParam = Exclude<keyof ListQuery, 'sort' | 'page' | 'size'>;
/** Filter parameters the API takes repeated (a list of values), and those it takes once. */
type RepeatedParam = { [P in FilterParam]-?: NonNullable<ListQuery[P]> extends readonly unknown[] ? P : never }[FilterParam];
type SingleParam = Exclude<FilterParam, RepeatedParam>;

/** Where a select's options come from: a reference list of the service, the certification statuses, or true/false. */
export type OptionSource = 'provinces' | 'schemes' | 'professionalCodes' | 'statuses' | 'openOrNone' | 'grades';

interface FieldBase {
  /** The form item's name. */
  name: string;
  /** Message key of its label. */
  label: string;
  /** Shown only when the form is expanded ("more filters"). */
  advanced?: boolean;
}
/**
 * One filter of the customer list: how the form shows it and which API (and URL) parameters it fills. The
 * parameters must be the list API's own (a repeated one for a multiple choice), so a filter the document
 * does not have fails to compile.
 */
export type FilterField = FieldBase & (
  | { kind: 'text'; params: readonly [SingleParam]; placeholder?: string }
  | { kind: 'choice'; params: readonly [SingleParam]; options: OptionSource }
  | { kind: 'choices'; params: readonly [RepeatedParam]; options: OptionSource }
  /** yyyy-MM-dd from and to */
  | { kind: 'dates'; params: readonly [SingleParam, SingleParam] }
  /** CNY at least and at most */
  | { kind: 'money'; params: readonly [SingleParam, SingleParam] }
);

/**
 * Every filter, in the form's order: the one list the filter form, the URL and the API query are made from.
 * Adding a filter is one entry here (and its label in the message files).
 */
export const FILTER_FIELDS = [
  { name: 'q', kind: 'text', label: 'filters.q', placeholder: 'filters.qPlaceholder', params: ['q'] },
  { name: 'province', kind: 'choices', label: 'customer.provinceCode', options: 'provinces', params: ['province'] },
  { name: 'status', kind: 'choices', label: 'certification.status', options: 'statuses', params: ['status'] },
  { name: 'scheme', kind: 'choices', label: 'certification.scheme', options: 'schemes', params: ['scheme'] },
  { name: 'professionalCode', kind: 'choice', label: 'customer.professionalCodes', options: 'professionalCodes', params: ['professionalCode'], advanced: true },
  { name: 'audit', kind: 'dates', label: 'filters.auditRange', params: ['auditFrom', 'auditTo'], advanced: true },
  { name: 'surveillance', kind: 'dates', label: 'filters.surveillanceRange', params: ['surveillanceFrom', 'surveillanceTo'], advanced: true },
  { name: 'expires', kind: 'dates', label: 'filters.expiresRange', params: ['expiresFrom', 'expiresTo'], advanced: true },
  { name: 'initialFee', kind: 'money', label: 'filters.initialFee', params: ['initialFeeMin', 'initialFeeMax'], advanced: true },
  { name: 'surveillanceFee', kind: 'money', label: 'filters.surveillanceFee', params: ['surveillanceFeeMin', 'surveillanceFeeMax'], advanced: true },
  { name: 'grade', kind: 'choices', label: 'grading.grade', options: 'grades', params: ['grade'], advanced: true },
  { name: 'systemChangeOpen', kind: 'choice', label: 'customer.systemChange.filter', options: 'openOrNone', params: ['systemChangeOpen'], advanced: true },
] as const satisfies readonly FilterField[];

type Field = (typeof FILTER_FIELDS)[number];
type ListParam = Extract<Field, { kind: 'choices' }>['params'][number];
type TextParam = Exclude<Field, { kind: 'choices' }>['params'][number];
type Check<T extends true> = T;
/** Compiles only while every filter parameter of the list API has a field (a new one in the document fails here). */
export type EveryApiFilterHasAField = Check<[FilterParam] extends [Field['params'][number]] ? true : false>;

/**
 * The customer list's view — filters, sort, page — as URL search parameters, so a view can be
 * bookmarked and shared. The parameter names are the API's, so the same string queries the service.
 */
export type CustomerFilters = { [P in ListParam]: string[] } & { [P in TextParam]?: string };

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

/** Parameters that repeat (province=…&province=…), and those that appear once; in the URL's order. */
export const LIST_PARAMS: readonly ListParam[] = FILTER_FIELDS.filter((f) => f.kind === 'choices').map((f) => f.params[0]);
export const TEXT_PARAMS: readonly TextParam[] = FILTER_FIELDS.filter((f) => f.kind !== 'choices').flatMap((f) => f.params);
export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_SIZE = 20;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** What a value of each parameter must look like (dates yyyy-MM-dd, money); one that does not is dropped. */
const VALID = new Map<string, (value: string) => boolean>();
for (const field of FILTER_FIELDS) {
  for (const param of field.params) {
    if (field.kind === 'dates') {
      VALID.set(param, (value) => DATE.test(value));
    } else if (field.kind === 'money') {
      VALID.set(param, isMoney);
    } else if (field.kind === 'choice' && field.options === 'openOrNone') {
      VALID.set(param, (value) => value === 'true' || value === 'false');
    }
  }
}

export function emptyFilters(): CustomerFilters {
  return Object.fromEntries(LIST_PARAMS.map((p) => [p, []])) as unknown as CustomerFilters;
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
    if (!(VALID.get(key)?.(value) ?? true)) {
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
export function toApiQuery(view: ListView): ListQuery {
  const sort = view.sort.map((s) => (s.order === 'desc' ? `${s.field},desc` : s.field));
  return { ...filterQuery(view.filters), ...(sort.length ? { sort } : {}), page: view.page, size: view.size };
}

/** The filters alone (export and statistics take the same filter, no paging). */
export function filterQuery(filters: CustomerFilters): Pick<ListQuery, FilterParam> {
  const query: Pick<ListQuery, FilterParam> = {};
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
