import { afterAll, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { App as AntApp } from 'antd';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import '../i18n';
import { tokenWithRoles } from '../test/tokens';
import { rolesOf, type Role } from '../auth/roles';
import { badgeCount, MENU, menuFor, menuKey, menuTree, selectedEntry, wantsCounts } from './menu';

// ProLayout's side menu sets its collapsed state 400 ms after it mounts (SiderMenu/BaseMenu): let those timers run
// before the file's jsdom is torn down, or they fire into a gone window and vitest fails the run on the uncaught error
afterAll(() => new Promise((resolve) => setTimeout(resolve, 500)));

const auth = vi.hoisted(() => ({ token: '' }));
vi.mock('react-oidc-context', () => ({
  useAuth: () => ({
    user: { access_token: auth.token, profile: { name: '测试用户' } },
    signoutRedirect: vi.fn(),
  }),
}));

vi.mock('../config', () => ({ config: () => ({ gatewayUrl: '' }) }));
const asked: string[] = [];
vi.stubGlobal('fetch', vi.fn(async (url: string | URL | Request) => {
  asked.push(String(url));
  return new Response(JSON.stringify({ received: 4, escalated: 1, overdue: 2 }), { status: 200, headers: { 'Content-Type': 'application/json' } });
}));

const { AppLayout } = await import('./AppLayout');
const { RequirePermission } = await import('../auth/RequirePermission');

function renderAt(path: string, roles: string[]) {
  auth.token = tokenWithRoles(roles);
  const router = createMemoryRouter(
    [{
      path: '/',
      element: <AppLayout />,
      children: [
        { path: 'customers', element: <RequirePermission permission="customers:read"><p>客户列表页</p></RequirePermission> },
        { path: 'customers/import', element: <RequirePermission permission="customers:edit"><p>导入页</p></RequirePermission> },
        { path: 'surveys/campaigns', element: <RequirePermission permission="surveys:read"><p>调查活动页</p></RequirePermission> },
        { path: 'surveys/dashboard', element: <RequirePermission permission="surveys:analysis"><p>季度分析页</p></RequirePermission> },
      ],
    }],
    { initialEntries: [path] },
  );
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(<QueryClientProvider client={queryClient}><AntApp><RouterProvider router={router} /></AntApp></QueryClientProvider>);
}

// rendering ProLayout takes seconds on a busy machine (the first render in the file most)
describe('menus and routes by realm role', { timeout: 20_000 }, () => {
  it('reads the realm roles from the access token', () => {
    expect(rolesOf(tokenWithRoles(['market', 'offline_access']))).toEqual(['market']);
    expect(rolesOf('not a token')).toEqual([]);
    expect(rolesOf(undefined)).toEqual([]);
  });

  it('gives each role its menu entries', () => {
    const paths = (roles: string[]) => menuFor(rolesOf(tokenWithRoles(roles))).map((e) => e.path);
    const all = ['/customers/overview', '/customers', '/customers/import', '/reporting', '/applications', '/contracts', '/documents'];
    const reading = ['/customers/overview', '/customers', '/applications', '/contracts', '/documents'];
    // national reporting: market, admin and the leader; not auditors
    const leading = ['/customers/overview', '/customers', '/reporting', '/applications', '/contracts', '/documents'];
    const surveys = ['/surveys/campaigns', '/surveys/dashboard', '/surveys/annual', '/surveys/templates'];
    expect(paths(['market'])).toEqual([...all, '/feedback', '/feedback/new', '/feedback/common-issues', '/feedback/report', ...surveys]);
    expect(paths(['admin'])).toEqual([...all, '/feedback', ...surveys]);
    expect(paths(['leader'])).toEqual([...leading, '/feedback', '/feedback/escalated', '/feedback/common-issues', '/feedback/report', ...surveys]);
    // auditors read the questionnaires and the figures, not the campaigns and dispatches
    expect(paths(['auditor'])).toEqual([...reading, '/feedback/new', '/surveys/dashboard', '/surveys/annual', '/surveys/templates']);
    expect(paths(['department'])).toEqual(['/feedback', '/feedback/new', '/feedback/forwardings']);
  });

  it('counts new items on market\'s feedback entry and escalated ones on the leader\'s, nothing for zero', () => {
    const counts = { received: 3, escalated: 2 };
    const badges = (roles: Role[]) => Object.fromEntries(menuFor(roles).map((e) => [e.key, badgeCount(e, roles, counts)]).filter(([, n]) => n !== undefined));
    expect(badges(['market'])).toEqual({ feedback: 3 });
    expect(badges(['leader'])).toEqual({ escalated: 2 });
    expect(badges(['department'])).toEqual({});
    expect(badges(['admin'])).toEqual({});
    expect(badgeCount(MENU.find((e) => e.key === 'feedback')!, ['market'], { received: 0, escalated: 5 })).toBeUndefined();
    expect(badgeCount(MENU.find((e) => e.key === 'feedback')!, ['market'], undefined)).toBeUndefined();
    expect([wantsCounts(['market']), wantsCounts(['leader']), wantsCounts(['department']), wantsCounts(['auditor'])]).toEqual([true, true, false, false]);
  });

  it('selects the longest matching entry: the leader\'s escalated items, not the inbox', () => {
    const entries = menuFor(['leader']);
    expect(selectedEntry('/feedback/escalated', entries)?.key).toBe('escalated');
    expect(selectedEntry('/feedback/12', entries)?.key).toBe('feedback');
    expect(selectedEntry('/feedback/new', menuFor(['market']))?.key).toBe('post');
  });

  it('puts the survey entries under one heading, where the first of them stands', () => {
    const tree = (roles: Role[]) => menuTree(menuFor(roles)).map((i) => ('entry' in i ? i.entry.key : `${i.group.key}: ${i.entries.map((e) => e.key).join(', ')}`));
    expect(tree(['market']).slice(-2)).toEqual(['report', 'surveys: campaigns, surveyDashboard, surveyAnnual, templates']);
    expect(tree(['auditor']).slice(-1)).toEqual(['surveys: surveyDashboard, surveyAnnual, templates']);
    expect(tree(['department'])).not.toContain(expect.stringMatching(/^surveys/));
    expect(selectedEntry('/surveys/dashboard', menuFor(['auditor']))?.key).toBe('surveyDashboard');
    expect(menuKey(MENU.find((e) => e.key === 'surveyAnnual')!)).toBe('/surveys/surveyAnnual');
    const campaigns = selectedEntry('/surveys/campaigns/12', menuFor(['leader']))!;
    expect(campaigns.key).toBe('campaigns');
    expect(menuKey(campaigns)).toBe('/surveys/campaigns');
    expect(menuKey(MENU.find((e) => e.key === 'feedback')!)).toBe('/feedback');
  });

  it('shows the survey heading with its entries open on a survey page', async () => {
    renderAt('/surveys/campaigns', ['market']);
    expect(await screen.findByText('调查活动页')).toBeInTheDocument();
    expect(screen.getAllByText('满意度调查').length).toBeGreaterThan(0);
    expect(screen.getAllByText('调查活动').length).toBeGreaterThan(0);
    expect(screen.getAllByText('调查表模板').length).toBeGreaterThan(0);
  });

  it('shows an auditor the questionnaires under the survey heading, and no permission on the campaigns', async () => {
    renderAt('/surveys/campaigns', ['auditor']);
    expect(await screen.findByText('无权访问')).toBeInTheDocument();
    expect(screen.getAllByText('满意度调查').length).toBeGreaterThan(0);
    expect(screen.queryByText('调查活动')).not.toBeInTheDocument();
  });

  it('opens the survey figures to an auditor, under the heading with the questionnaires and without the campaigns', async () => {
    renderAt('/surveys/dashboard', ['auditor']);
    expect(await screen.findByText('季度分析页')).toBeInTheDocument();
    expect(screen.getAllByText('季度分析').length).toBeGreaterThan(0);
    expect(screen.getAllByText('年度满意度').length).toBeGreaterThan(0);
    expect(screen.getAllByText('调查表模板').length).toBeGreaterThan(0);
    expect(screen.queryByText('调查活动')).not.toBeInTheDocument();
  });

  it('shows the market user the customer menu and the page', async () => {
    renderAt('/customers', ['market']);
    expect(await screen.findByText('客户列表页')).toBeInTheDocument();
    expect(screen.getAllByText('客户信息').length).toBeGreaterThan(0);
    expect(screen.getAllByText('导入台账').length).toBeGreaterThan(0);
  });

  it('shows market the number of new feedback items beside the feedback entry, from the counts', async () => {
    renderAt('/customers', ['market']);
    expect(await screen.findByTestId('menu-badge-feedback')).toHaveTextContent('4');
    expect(asked).toContain('/api/feedback/counts');
    expect(screen.queryByTestId('menu-badge-escalated')).not.toBeInTheDocument();
  });

  it('asks a department for no counts and shows it no badge', async () => {
    asked.length = 0;
    renderAt('/customers', ['department']);
    expect((await screen.findAllByText('客户反馈')).length).toBeGreaterThan(0);
    expect(screen.queryByTestId('menu-badge-feedback')).not.toBeInTheDocument();
    expect(asked).toEqual([]);
  });

  it('shows a reading role no import entry and no permission on its URL', async () => {
    renderAt('/customers/import', ['leader']);
    expect(await screen.findByText('无权访问')).toBeInTheDocument();
    expect(screen.queryByText('导入台账')).not.toBeInTheDocument();
    expect(screen.getAllByText('客户信息').length).toBeGreaterThan(0);
  });

  it('shows the department no customer menu and no permission on the direct URL', async () => {
    renderAt('/customers', ['department']);
    expect(await screen.findByText('无权访问')).toBeInTheDocument();
    expect(screen.queryByText('客户信息')).not.toBeInTheDocument();
    expect(screen.queryByText('客户列表页')).not.toBeInTheDocument();
  });
});
