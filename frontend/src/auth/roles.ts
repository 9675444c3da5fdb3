/** The realm's roles and what each may do with customers; customer-service enforces the same itself. */
export const ROLES = ['market', 'department', 'leader', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export type Permission = 'customers:read' | 'customers:edit' | 'reporting:read' | 'reporting:manage' | 'documents:read' | 'documents:manage'
  | 'applications:read' | 'applications:manage' | 'contracts:read' | 'contracts:manage'
  | 'feedback:read' | 'feedback:post' | 'feedback:triage' | 'feedback:decide' | 'feedback:resolve' | 'feedback:close'
  | 'feedback:topics' | 'feedback:serious' | 'feedback:outcome'
  | 'feedback:commonIssues' | 'feedback:forward' | 'feedback:forwardings' | 'feedback:forwardingsInbox' | 'feedback:report'
  | 'surveys:read' | 'surveys:manage' | 'surveys:templates' | 'surveys:analysis';

const GRANTS: Record<Permission, readonly Role[]> = {
  'customers:read': ['market', 'admin', 'leader', 'auditor'],
  'customers:edit': ['market', 'admin'],
  // national reporting (customer-service): the market department uploads and marks; the leader and admin follow it
  'reporting:read': ['market', 'leader', 'admin'],
  'reporting:manage': ['market'],
  // public documents (application-contract-service): the market department keeps them, others read
  'documents:read': ['market', 'admin', 'leader', 'auditor'],
  'documents:manage': ['market'],
  // applications (16-01) and contracts (16-02): the market department reviews and drafts, others read
  'applications:read': ['market', 'leader', 'auditor', 'admin'],
  'applications:manage': ['market'],
  'contracts:read': ['market', 'leader', 'auditor', 'admin'],
  'contracts:manage': ['market'],
  // customer feedback (feedback-service): market triages and closes, the leader decides escalated items, the
  // departments handle what they are assigned (the service shows a department only its own items), auditors only post
  'feedback:read': ['market', 'department', 'leader', 'admin'],
  'feedback:post': ['market', 'department', 'auditor'],
  'feedback:triage': ['market'],
  'feedback:decide': ['leader'],
  'feedback:resolve': ['market', 'department'],
  'feedback:close': ['market'],
  // topics, the serious mark and the outcome notification are the market department's (4.6, 4.7.2, 17021-1 9.8)
  'feedback:topics': ['market'],
  'feedback:serious': ['market'],
  'feedback:outcome': ['market'],
  // common issues (4.6): market finds and forwards them, the leader follows them (and answers as the management
  // representative); a department sees the forwardings addressed to it and answers them
  'feedback:commonIssues': ['market', 'leader'],
  'feedback:forward': ['market'],
  'feedback:forwardings': ['market', 'leader', 'department'],
  'feedback:forwardingsInbox': ['department'],
  'feedback:report': ['market', 'leader'],
  // satisfaction surveys (survey-service, 4.7): market starts campaigns, reminds, enters phone/fax answers and makes
  // questionnaire versions; the leader and admin read campaigns and dispatches; auditors read the questionnaires and
  // the figures (quarterly aggregates, the annual satisfaction: no client named), as everyone here does
  'surveys:read': ['market', 'leader', 'admin'],
  'surveys:manage': ['market'],
  'surveys:templates': ['market', 'leader', 'auditor', 'admin'],
  'surveys:analysis': ['market', 'leader', 'auditor', 'admin'],
};

export function can(roles: readonly string[], permission: Permission): boolean {
  return GRANTS[permission].some((role) => roles.includes(role));
}

/** The realm roles in a Keycloak access token (realm_access.roles); [] for anything unreadable. */
export function rolesOf(accessToken: string | undefined): Role[] {
  if (!accessToken) {
    return [];
  }
  try {
    const payload = accessToken.split('.')[1];
    const json = decodeURIComponent(
      atob(payload.replace(/-/g, '+').replace(/_/g, '/'))
        .split('')
        .map((c) => '%' + c.charCodeAt(0).toString(16).padStart(2, '0'))
        .join(''),
    );
    const claims = JSON.parse(json) as { realm_access?: { roles?: unknown } };
    const roles = claims.realm_access?.roles;
    return Array.isArray(roles) ? (roles.filter((r) => (ROLES as readonly string[]).includes(r)) as Role[]) : [];
  } catch {
    return [];
  }
}
