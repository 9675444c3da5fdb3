/** An unsigned JWT with the given realm roles, as Keycloak shapes its access token (unit tests only). */
export function tokenWithRoles(roles: string[], name = '市场部 王'): string {
  const encode = (value: object) =>
    btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(value))))
      .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${encode({ alg: 'none' })}.${encode({ realm_access: { roles }, name })}.`;
}
