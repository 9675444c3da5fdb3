import type { Role } from '../auth/roles';
import { badgeCount, type MenuEntry } from './menu';
import { useFeedbackCounts } from './useFeedbackCounts';

/**
 * The count beside a feedback menu entry (new items for market, escalated ones for the leader), fresh without a
 * reload. Loaded apart from the shell (with react-query's observer and the feedback client), so the first download
 * stays within its budget; the entries that show one share a single query. A plain span: antd's Badge would weigh more.
 */
export default function FeedbackBadge({ entry, roles }: { entry: MenuEntry; roles: readonly Role[] }) {
  const counts = useFeedbackCounts(roles);
  const count = badgeCount(entry, roles, counts.data);
  return count ? (
    <span data-testid={`menu-badge-${entry.key}`} style={{
      marginInlineStart: 8, flex: 'none', minWidth: 20, height: 20, padding: '0 6px', borderRadius: 10, background: '#ff4d4f', color: '#fff',
      fontSize: 12, lineHeight: '20px', textAlign: 'center', display: 'inline-block', verticalAlign: 'middle',
    }}>{count > 99 ? '99+' : count}</span>
  ) : null;
}
