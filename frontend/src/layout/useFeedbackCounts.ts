import { useQuery } from '@tanstack/react-query';
import { feedbackApi } from '../api/feedback';
import type { Role } from '../auth/roles';
import { wantsCounts } from './menu';

/** How often the menu badge asks again, besides when the window gets the focus back. */
export const COUNTS_REFRESH_MS = 30_000;

/**
 * The feedback counts behind the menu badges (new items for market, escalated ones for the leader), kept fresh
 * without a reload: every 30 s and whenever the window gets the focus back. Screens that change an item invalidate
 * ['feedback'], which refreshes them at once.
 */
export function useFeedbackCounts(roles: readonly Role[]) {
  return useQuery({
    queryKey: ['feedback', 'counts'],
    queryFn: () => feedbackApi.counts(),
    enabled: wantsCounts(roles),
    refetchInterval: COUNTS_REFRESH_MS,
    refetchOnWindowFocus: true,
    // a badge is a hint: a failed count leaves the menu as it is
    retry: false,
  });
}
