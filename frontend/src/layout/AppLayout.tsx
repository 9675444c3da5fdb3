import { ProLayout } from '@ant-design/pro-components';
import {
  AuditOutlined, BarChartOutlined, CommentOutlined, DashboardOutlined, EditOutlined, FileProtectOutlined, FileTextOutlined, FormOutlined, GlobalOutlined,
  LogoutOutlined, ProfileOutlined, RiseOutlined, ShareAltOutlined, SmileOutlined, TeamOutlined, UploadOutlined,
} from '@ant-design/icons';
import { lazy, Suspense } from 'react';
import { Dropdown } from 'antd';
import { Link, Outlet, useLocation } from 'react-router';
import { useAuth } from 'react-oidc-context';
import { useTranslation } from 'react-i18next';
import { changeLanguage, type Language } from '../i18n';
import { useRoles } from '../auth/useRoles';
import { menuFor, menuKey, menuTree, selectedEntry, wantsCounts, type MenuEntry, type MenuIcon } from './menu';

const ICONS: Record<MenuIcon, React.ReactNode> = {
  dashboard: <DashboardOutlined />,
  team: <TeamOutlined />,
  upload: <UploadOutlined />,
  file: <FileTextOutlined />,
  application: <AuditOutlined />,
  contract: <FileProtectOutlined />,
  feedback: <CommentOutlined />,
  escalated: <RiseOutlined />,
  post: <EditOutlined />,
  issues: <ShareAltOutlined />,
  report: <BarChartOutlined />,
  survey: <SmileOutlined />,
  campaign: <FormOutlined />,
  template: <ProfileOutlined />,
  // the icons already loaded for the feedback entries (the shell's size)
  surveyQuarter: <BarChartOutlined />,
  surveyAnnual: <RiseOutlined />,
};

/** The feedback counts beside menu entries, loaded on their own for the roles that have any (market, the leader). */
const FeedbackBadge = lazy(() => import('./FeedbackBadge'));

/** The console frame: side menu by role, language switch, the user and logout. */
export function AppLayout() {
  const { t, i18n } = useTranslation();
  const auth = useAuth();
  const location = useLocation();
  const { roles } = useRoles();
  const entries = menuFor(roles);
  const showCounts = wantsCounts(roles);
  const selected = selectedEntry(location.pathname, entries);
  const profile = auth.user?.profile;
  const userName = profile?.name ?? profile?.preferred_username ?? '';

  return (
    <ProLayout
      title={t('app.title')}
      logo="/favicon.svg"
      layout="mix"
      fixSiderbar
      // the menu works on entry keys (a group's entries under /group/); each entry links to its route
      location={{ pathname: selected ? menuKey(selected) : '/' }}
      route={{
        path: '/',
        routes: menuTree(entries).map((item) => {
          const route = (e: MenuEntry) => ({ path: menuKey(e), name: t(e.labelKey), icon: ICONS[e.icon], link: e.path, entry: e });
          return 'entry' in item ? route(item.entry) : {
            path: `/${item.group.key}`, name: t(item.group.labelKey), icon: ICONS[item.group.icon], routes: item.entries.map(route),
          };
        }),
      }}
      menuItemRender={(item, dom) => (item.link ? (
        <Link to={item.link as string} style={{ display: 'flex', alignItems: 'center' }}>
          {dom}
          {showCounts && (item.entry as MenuEntry).badge
            ? <Suspense fallback={null}><FeedbackBadge entry={item.entry as MenuEntry} roles={roles} /></Suspense>
            : null}
        </Link>
      ) : dom)}
      menuHeaderRender={false}
      headerTitleRender={(logo, title) => <Link to="/">{logo}{title}</Link>}
      actionsRender={() => [
        <Dropdown
          key="language"
          menu={{
            selectedKeys: [i18n.language],
            items: [
              { key: 'zh-CN', label: '简体中文' },
              { key: 'en', label: 'English' },
            ],
            onClick: ({ key }) => void changeLanguage(key as Language),
          }}
        >
          <span data-testid="language-switch" style={{ cursor: 'pointer' }}>
            <GlobalOutlined /> {i18n.language === 'en' ? 'English' : '简体中文'}
          </span>
        </Dropdown>,
      ]}
      avatarProps={{
        title: <span data-testid="user-name">{userName}</span>,
        size: 'small',
        render: (_props, dom) => (
          <Dropdown
            menu={{
              items: [{ key: 'logout', icon: <LogoutOutlined />, label: t('app.logout') }],
              onClick: () => void auth.signoutRedirect({ post_logout_redirect_uri: window.location.origin + '/' }),
            }}
          >
            {dom}
          </Dropdown>
        ),
      }}
    >
      <Outlet />
    </ProLayout>
  );
}
