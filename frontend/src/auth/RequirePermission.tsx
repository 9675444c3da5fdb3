import type { ReactNode } from 'react';
import type { Permission } from './roles';
import { useRoles } from './useRoles';
import { NoPermission } from '../components/ErrorPages';

/** A route the user's roles do not allow shows the "no permission" page, never a broken screen. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useRoles();
  return can(permission) ? <>{children}</> : <NoPermission />;
}
