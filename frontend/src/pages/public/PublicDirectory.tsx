import { Card, Empty, Input, List, Space, Spin, Tag, Typography } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { directoryApi, verifyPath, type DirectoryEntry } from '../../api/directory';
import { ErrorState } from '../../components/ErrorPages';
import { PublicPage } from './PublicPage';
import { CertificateStatusTag } from './CertificateStatusTag';
import { pageParam } from '../../components/pageParam';

const PAGE_SIZE = 20;

/**
 * The directory of certified organisations (获证组织名录, 17021-1 8.1.2), for anyone: live certificates, searchable
 * by name or number as people type them; the search and page are in the address, so a result can be linked.
 * Cards rather than a table, so it reads on a phone.
 */
export default function PublicDirectory() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = pageParam(params);
  const directory = useQuery({
    queryKey: ['public', 'directory', q, page],
    queryFn: () => directoryApi.list({ q: q || undefined, page, size: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const go = (next: { q?: string; page?: number }) => {
    const query = next.q ?? q;
    const p = next.page ?? 1;
    setParams({ ...(query ? { q: query } : {}), ...(p > 1 ? { page: String(p) } : {}) });
  };

  return (
    <PublicPage title={t('directory.title')} subtitle={t('directory.subtitle')} testId="public-directory-title">
      <Input.Search
        key={q}
        defaultValue={q}
        placeholder={t('directory.search')}
        enterButton={t('directory.searchButton')}
        allowClear
        maxLength={100}
        size="large"
        onSearch={(value) => go({ q: value.trim(), page: 1 })}
        data-testid="directory-search"
        style={{ marginBottom: 16 }}
      />
      {directory.isError ? (
        <ErrorState error={directory.error} onRetry={() => void directory.refetch()} />
      ) : !directory.data ? (
        <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />
      ) : (
        <List<DirectoryEntry>
          data-testid="directory-list"
          loading={directory.isFetching}
          dataSource={directory.data.items}
          locale={{ emptyText: <Empty description={t('directory.empty')} /> }}
          header={<Typography.Text type="secondary">{t('directory.total', { total: directory.data.total })}</Typography.Text>}
          pagination={directory.data.total > PAGE_SIZE ? {
            current: page, pageSize: PAGE_SIZE, total: directory.data.total, showSizeChanger: false,
            onChange: (p) => go({ page: p }), size: 'small',
          } : false}
          renderItem={(entry) => (
            <List.Item key={entry.certificateNo} style={{ padding: '6px 0' }}>
              <Card size="small" style={{ width: '100%' }} data-testid={`directory-entry-${entry.certificateNo}`}>
                <Space direction="vertical" size={2} style={{ width: '100%' }}>
                  <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
                    <Typography.Text strong style={{ fontSize: 16 }}>{entry.clientName}</Typography.Text>
                    <CertificateStatusTag status={entry.status} />
                  </Space>
                  <Space wrap size={4}>
                    <Tag>{entry.scheme}</Tag>
                    <Typography.Text type="secondary">{t('directory.certificateNo')}</Typography.Text>
                    <Link to={verifyPath(entry.certificateNo)} data-testid={`directory-verify-${entry.certificateNo}`}>
                      <SafetyCertificateOutlined /> {entry.certificateNo}
                    </Link>
                  </Space>
                  {(english && entry.scopeEn) || entry.scope ? (
                    <Typography.Paragraph style={{ margin: 0 }} ellipsis={{ rows: 2, expandable: true }}>
                      <Typography.Text type="secondary">{t('directory.scope')}：</Typography.Text>
                      {english && entry.scopeEn ? entry.scopeEn : entry.scope}
                    </Typography.Paragraph>
                  ) : null}
                  {entry.issuedOn || entry.expiresOn ? (
                    <Typography.Text type="secondary">
                      {t('directory.validity', { from: entry.issuedOn ?? '—', to: entry.expiresOn ?? '—' })}
                    </Typography.Text>
                  ) : null}
                </Space>
              </Card>
            </List.Item>
          )}
        />
      )}
    </PublicPage>
  );
}
