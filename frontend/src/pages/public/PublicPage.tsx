import type { ReactNode } from 'react';
import { Dropdown, Space, Typography } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { changeLanguage, type Language } from '../../i18n';

/**
 * The frame of the pages for anyone (no login, outside the console): a title, a line under it, the language
 * switch and links to the other public pages; narrow enough for a phone, with room on a desk.
 */
export function PublicPage({ title, subtitle, testId, children, width = 960, links = true }: {
  title: ReactNode; subtitle?: ReactNode; testId?: string; children: ReactNode; width?: number;
  /** The links to the other public pages; a page reached from a personal link (the survey) keeps to its task. */
  links?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (
    <div style={{ maxWidth: width, margin: '0 auto', padding: '32px 16px' }}>
      <Space style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }} align="start" wrap>
        <div>
          <h1 style={{ fontSize: 26, margin: 0 }} data-testid={testId}>{title}</h1>
          {subtitle ? <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph> : null}
        </div>
        <Space wrap>
          <Dropdown
            menu={{
              selectedKeys: [i18n.language],
              items: [{ key: 'zh-CN', label: '简体中文' }, { key: 'en', label: 'English' }],
              onClick: ({ key }) => void changeLanguage(key as Language),
            }}
          >
            <span data-testid="language-switch" style={{ cursor: 'pointer' }}><GlobalOutlined /> {english ? 'English' : '简体中文'}</span>
          </Dropdown>
          {links ? (
            <>
              <Link to="/public/directory">{t('public.directory')}</Link>
              <Link to="/public/verify">{t('public.verify')}</Link>
              <Link to="/public/documents">{t('public.documents')}</Link>
              <Link to="/public/apply">{t('public.apply')}</Link>
              <Link to="/public/applications">{t('public.myApplication')}</Link>
              <Link to="/">{t('documents.public.login')}</Link>
            </>
          ) : null}
        </Space>
      </Space>
      {children}
    </div>
  );
}
