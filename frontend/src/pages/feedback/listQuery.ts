import {
  FEEDBACK_CLASSES, FEEDBACK_KINDS, FEEDBACK_STATUSES,
  type FeedbackClass, type FeedbackKind, type FeedbackListQuery, type FeedbackStatus,
} from '../../api/feedback';
import { pageParam } from '../../components/pageParam';

export const PAGE_SIZES = [20, 50, 100];

/** What the list sorts on (the service's sort keys), each ascending or descending. */
export const SORT_FIELDS = ['receivedAt', 'resolutionDueAt', 'updatedAt', 'reference', 'status', 'kind'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export type Sort = `${SortField},${'asc' | 'desc'}`;
/** Newest received first, as the service does by default. */
export const DEFAULT_SORT: Sort = 'receivedAt,desc';

/** The inbox's view: the service's query with one sort. */
export type InboxQuery = Omit<FeedbackListQuery, 'sort'> & { sort: Sort; page: number; size: number };

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  (values as readonly string[]).includes(value ?? '') ? (value as T) : undefined;

function readSort(value: string | null): Sort {
  const [field, direction] = (value ?? '').split(',');
  return oneOf(SORT_FIELDS, field) && (direction === 'asc' || direction === 'desc') ? (value as Sort) : DEFAULT_SORT;
}

/**
 * The inbox's view in the URL: ?status=&kind=&class=&department=&overdue=&q=&topic=&sort=&page=&size= (anything unreadable is
 * dropped). `fixed` pins filters a screen always applies (the leader's escalated items: status=ESCALATED).
 */
export function inboxQuery(params: URLSearchParams, fixed: Partial<InboxQuery> = {}): InboxQuery {
  const overdue = params.get('overdue');
  const size = Number(params.get('size'));
  const text = (name: string) => params.get(name)?.trim() || undefined;
  return {
    status: oneOf<FeedbackStatus>(FEEDBACK_STATUSES, params.get('status')),
    kind: oneOf<FeedbackKind>(FEEDBACK_KINDS, params.get('kind')),
    class: oneOf<FeedbackClass>(FEEDBACK_CLASSES, params.get('class')),
    department: text('department'),
    overdue: overdue === 'true' ? true : overdue === 'false' ? false : undefined,
    q: text('q'),
    topic: text('topic'),
    sort: readSort(params.get('sort')),
    page: pageParam(params),
    size: PAGE_SIZES.includes(size) ? size : PAGE_SIZES[0],
    ...fixed,
  };
}

/** The URL of a view: only what differs from the defaults (and from the screen's fixed filters). */
export function inboxParams(query: InboxQuery, fixed: Partial<InboxQuery> = {}): URLSearchParams {
  const out = new URLSearchParams();
  const set = (name: keyof InboxQuery, value: string | undefined) => {
    if (value !== undefined && value !== '' && !(name in fixed)) out.set(name, value);
  };
  set('status', query.status);
  set('kind', query.kind);
  set('class', query.class);
  set('department', query.department);
  set('overdue', query.overdue === undefined ? undefined : String(query.overdue));
  set('q', query.q);
  set('topic', query.topic);
  set('sort', query.sort !== DEFAULT_SORT ? query.sort : undefined);
  set('page', query.page > 1 ? String(query.page) : undefined);
  set('size', query.size !== PAGE_SIZES[0] ? String(query.size) : undefined);
  return out;
}

/** What the service is asked: the query as its parameters (sort is a list there). */
export function toServiceQuery(query: InboxQuery): FeedbackListQuery {
  const { sort, ...rest } = query;
  const out: FeedbackListQuery = { ...rest, sort: [sort] };
  for (const key of Object.keys(out) as (keyof FeedbackListQuery)[]) {
    if (out[key] === undefined) delete out[key];
  }
  return out;
}

/** antd's table sorter ↔ our sort: the column (a sort key) and 'ascend' | 'descend'. */
export function sortOrder(query: InboxQuery, field: SortField): 'ascend' | 'descend' | null {
  const [f, direction] = query.sort.split(',');
  return f === field ? (direction === 'asc' ? 'ascend' : 'descend') : null;
}

export function fromSorter(field: unknown, order: 'ascend' | 'descend' | null | undefined): Sort {
  const known = oneOf(SORT_FIELDS, typeof field === 'string' ? field : null);
  return known && order ? `${known},${order === 'ascend' ? 'asc' : 'desc'}` : DEFAULT_SORT;
}
