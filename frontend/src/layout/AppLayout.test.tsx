import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { App as AntApp } from 'antd';
import '../i18n';
import { tokenWithRoles } from '../test/tokens';
import { rolesOf } from '../auth/roles';
import { menuFor } from './menu';

const auth = vi.hoisted(() => ({ token: '' }));
vi.mock('react-oidc-context', () => ({
  useAuth: () => ({
    user: { access_token: auth.token, profile: { name: '测试用户' } },
    signoutRedirect: vi.fn(),
  }),
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
      ],
    }],
    { initialEntries: [path] },
  );
  return render(<AntApp><RouterProvider router={router} /></AntApp>);
}

describe('menus and routes by realm role', () => {
  it('reads the realm roles from the access token', () => {
    expect(rolesOf(tokenWithRoles(['market', 'offline_access']))).toEqual(['market']);
    expect(rolesOf('not a token')).toEqual([]);
    expect(rolesOf(undefined)).toEqual([]);
  });

  it('gives each role its menu entries', () => {
    const paths = (roles: string[]) => menuFor(rolesOf(tokenWithRoles(roles))).map((e) => e.path);
    const all = ['/customers/overview', '/customers', '/customers/import', '/applications', '/contracts', '/documents'];
    const reading = ['/customers/overview', '/customers', '/applications', '/contracts', '/documents'];
    expect(paths(['market'])).toEqual(all);
    expect(paths(['admin'])).toEqual(all);
    expect(paths(['leader'])).toEqual(reading);
    expect(paths(['auditor'])).toEqual(reading);
    expect(paths(['department'])).toEqual([]);
  });

  it('shows the market user the customer menu and the page', async () => {
    renderAt('/customers', ['market']);
    expect(await screen.findByText('客户列表页')).toBeInTheDocument();
    expect(screen.getAllByText('客户信息').length).toBeGreaterThan(0);
    expect(screen.getAllByText('导入台账').length).toBeGreaterThan(0);
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
