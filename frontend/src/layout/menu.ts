import { can, type Permission, type Role } from '../auth/roles';

export type MenuIcon = 'dashboard' | 'team' | 'upload' | 'file' | 'application' | 'contract' | 'feedback' | 'escalated' | 'post'
  | 'issues' | 'report' | 'survey' | 'campaign' | 'template' | 'surveyQuarter' | 'surveyAnnual';

/** A heading of the side menu with entries under it; shown when the roles see any of them. */
export interface MenuGroup {
  key: string;
  labelKey: string;
  icon: MenuIcon;
}
export const GROUPS = {
  surveys: { key: 'surveys', labelKey: 'menu.surveys', icon: 'survey' },
} as const satisfies Record<string, MenuGroup>;
export type MenuGroupKey = keyof typeof GROUPS;

/** One entry of the side menu: a route, its message key and the permission that shows it. */
export interface MenuEntry {
  /** Unique and no prefix of another: ProLayout selects by path prefix, which /customers would be of all. */
  key: string;
  path: string;
  labelKey: string;
  icon: MenuIcon;
  permission?: Permission;
  /** The entry sits under this group's heading (a submenu), e.g. the surveys' campaigns and questionnaires. */
  group?: MenuGroupKey;
  /** A count beside the label, from the feedback counts: what waits for this role there. */
  badge?: 'received' | 'escalated';
}

export const MENU: MenuEntry[] = [
  { key: 'overview', path: '/customers/overview', labelKey: 'menu.overview', icon: 'dashboard', permission: 'customers:read' },
  { key: 'customers', path: '/customers', labelKey: 'menu.customers', icon: 'team', permission: 'customers:read' },
  { key: 'import', path: '/customers/import', labelKey: 'menu.import', icon: 'upload', permission: 'customers:edit' },
  { key: 'reporting', path: '/reporting', labelKey: 'menu.reporting', icon: 'upload', permission: 'reporting:read' },
  { key: 'applications', path: '/applications', labelKey: 'menu.applications', icon: 'application', permission: 'applications:read' },
  { key: 'contracts', path: '/contracts', labelKey: 'menu.contracts', icon: 'contract', permission: 'contracts:read' },
  { key: 'documents', path: '/documents', labelKey: 'menu.documents', icon: 'file', permission: 'documents:read' },
  { key: 'feedback', path: '/feedback', labelKey: 'menu.feedback', icon: 'feedback', permission: 'feedback:read', badge: 'received' },
  { key: 'escalated', path: '/feedback/escalated', labelKey: 'menu.escalated', icon: 'escalated', permission: 'feedback:decide', badge: 'escalated' },
  { key: 'post', path: '/feedback/new', labelKey: 'menu.postFeedback', icon: 'post', permission: 'feedback:post' },
  { key: 'commonIssues', path: '/feedback/common-issues', labelKey: 'menu.commonIssues', icon: 'issues', permission: 'feedback:commonIssues' },
  { key: 'forwardings', path: '/feedback/forwardings', labelKey: 'menu.forwardings', icon: 'issues', permission: 'feedback:forwardingsInbox' },
  { key: 'report', path: '/feedback/report', labelKey: 'menu.report', icon: 'report', permission: 'feedback:report' },
  { key: 'campaigns', path: '/surveys/campaigns', labelKey: 'menu.surveyCampaigns', icon: 'campaign', permission: 'surveys:read', group: 'surveys' },
  { key: 'surveyDashboard', path: '/surveys/dashboard', labelKey: 'menu.surveyDashboard', icon: 'surveyQuarter', permission: 'surveys:analysis', group: 'surveys' },
  { key: 'surveyAnnual', path: '/surveys/annual', labelKey: 'menu.surveyAnnual', icon: 'surveyAnnual', permission: 'surveys:analysis', group: 'surveys' },
  { key: 'templates', path: '/surveys/templates', labelKey: 'menu.surveyTemplates', icon: 'template', permission: 'surveys:templates', group: 'surveys' },
];

/**
 * The count an entry shows for these roles: new (RECEIVED) items on the inbox for market, who triages them;
 * ESCALATED items on the leader's entry. Nothing for the others, nor for zero.
 */
export function badgeCount(entry: MenuEntry, roles: readonly Role[], counts: { received: number; escalated: number } | undefined): number | undefined {
  if (!counts || !entry.badge) {
    return undefined;
  }
  const count = entry.badge === 'received' ? (can(roles, 'feedback:triage') ? counts.received : 0) : counts.escalated;
  return count > 0 ? count : undefined;
}

/** Whether these roles see any entry with a count, i.e. whether the counts are worth asking for. */
export function wantsCounts(roles: readonly Role[]): boolean {
  return can(roles, 'feedback:triage') || can(roles, 'feedback:decide');
}

/** The entries these roles may see, in menu order. */
export function menuFor(roles: readonly Role[]): MenuEntry[] {
  return MENU.filter((entry) => !entry.permission || can(roles, entry.permission));
}

/** The menu entry that a path belongs to: the longest path that is the path itself or its prefix. */
export function selectedEntry(pathname: string, entries: readonly MenuEntry[]): MenuEntry | undefined {
  return entries
    .filter((e) => pathname === e.path || pathname.startsWith(e.path + '/'))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

/** The menu as drawn: entries in order, a group's entries under its heading where the first of them stands. */
export type MenuItem = { entry: MenuEntry } | { group: MenuGroup; entries: MenuEntry[] };

export function menuTree(entries: readonly MenuEntry[]): MenuItem[] {
  const items: MenuItem[] = [];
  for (const entry of entries) {
    if (!entry.group) {
      items.push({ entry });
      continue;
    }
    const group = GROUPS[entry.group];
    const existing = items.find((i): i is { group: MenuGroup; entries: MenuEntry[] } => 'group' in i && i.group.key === group.key);
    if (existing) {
      existing.entries.push(entry);
    } else {
      items.push({ group, entries: [entry] });
    }
  }
  return items;
}

/** Where ProLayout keeps an entry (its menu key): /key, or /group/key under a group, which opens that submenu. */
export function menuKey(entry: MenuEntry): string {
  return entry.group ? `/${entry.group}/${entry.key}` : `/${entry.key}`;
}
