/**
 * The page number in a list's address (`?page=`): a whole number from 1, else 1 — a hand-typed `page=0`, `-3`,
 * `1.5` or `abc` opens the first page instead of asking the service for a page it refuses.
 */
export function pageParam(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}
