import { can, type Permission, type Role } from '../auth/roles';

/** One entry of the side menu: a route, its message key and the permission that shows it. */
export interface MenuEntry {
  /** Unique and no prefix of another: ProLayout selects by path prefix, which /customers would be of all. */
  key: string;
  path: string;
  labelKey: string;
  icon: 'dashboard' | 'team' | 'upload' | 'file' | 'application' | 'contract';
  permission?: Permission;
}

export const MENU: MenuEntry[] = [
  { key: 'overview', path: '/customers/overview', labelKey: 'menu.overview', icon: 'dashboard', permission: 'customers:read' },
  { key: 'customers', path: '/customers', labelKey: 'menu.customers', icon: 'team', permission: 'customers:read' },
  { key: 'import', path: '/customers/import', labelKey: 'menu.import', icon: 'upload', permission: 'customers:edit' },
  { key: 'applications', path: '/applications', labelKey: 'menu.applications', icon: 'application', permission: 'applications:read' },
  { key: 'contracts', path: '/contracts', labelKey: 'menu.contracts', icon: 'contract', permission: 'contracts:read' },
  { key: 'documents', path: '/documents', labelKey: 'menu.documents', icon: 'file', permission: 'documents:read' },
];

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
