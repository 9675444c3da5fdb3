import { APPLICATION_STATUSES, type ApplicationListQuery, type ApplicationStatus } from '../../api/applications';
import { pageParam } from '../../components/pageParam';

export const PAGE_SIZES = [20, 50, 100];

/** The inbox's view in the URL: ?status=&scheme=&province=&overdue=&q=&page=&size= (anything unreadable is dropped). */
export function inboxQuery(params: URLSearchParams): ApplicationListQuery {
  const status = params.get('status');
  const overdue = params.get('overdue');
  const size = Number(params.get('size'));
  const text = (name: string) => params.get(name)?.trim() || undefined;
  return {
    status: (APPLICATION_STATUSES as readonly string[]).includes(status ?? '') ? (status as ApplicationStatus) : undefined,
    scheme: text('scheme'),
    province: text('province'),
    overdue: overdue === 'true' ? true : overdue === 'false' ? false : undefined,
    q: text('q'),
    page: pageParam(params),
    size: PAGE_SIZES.includes(size) ? size : PAGE_SIZES[0],
  };
}

/** The URL of a view: only what differs from the defaults. */
export function inboxParams(query: ApplicationListQuery): URLSearchParams {
  const out = new URLSearchParams();
  if (query.status) out.set('status', query.status);
  if (query.scheme) out.set('scheme', query.scheme);
  if (query.province) out.set('province', query.province);
  if (query.overdue !== undefined) out.set('overdue', String(query.overdue));
  if (query.q) out.set('q', query.q);
  if (query.page && query.page > 1) out.set('page', String(query.page));
  if (query.size && query.size !== PAGE_SIZES[0]) out.set('size', String(query.size));
  return out;
}
