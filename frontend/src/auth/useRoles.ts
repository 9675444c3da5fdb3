import { useMemo } from 'react';
import { useAuth } from 'react-oidc-context';
import { can, rolesOf, type Permission, type Role } from './roles';

export function useRoles(): { roles: Role[]; can: (permission: Permission) => boolean } {
  const auth = useAuth();
  const token = auth.user?.access_token;
  return useMemo(() => {
    const roles = rolesOf(token);
    return { roles, can: (permission: Permission) => can(roles, permission) };
  }, [token]);
}
