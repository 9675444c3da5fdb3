import { useState } from 'react';
import { Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { GlobalOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, documentsApi, formatSize, type DocumentKind, type DocumentView, type ListQuery } from '../../api/documents';
import { useRoles } from '../../auth/useRoles';
import { ErrorState } from '../../components/ErrorPages';
import { withAppContext } from '../../components/withAppContext';
import { DocumentFormModal } from './DocumentFormModal';
import { formatDateTime } from './format';
import { pageParam } from '../../components/pageParam';

const PAGE_SIZES = [20, 50, 100];

/** The view of the list in the URL: ?kind=&published=&page=&size= (anything unreadable is dropped). */
export function listQuery(params: URLSearchParams): ListQuery {
  const kind = params.get('kind');
  const published = params.get('published');
  const size = Number(params.get('size'));
  return {
    kind: (DOCUMENT_KINDS as readonly string[]).includes(kind ?? '') ? (kind as DocumentKind) : undefined,
    published: published === 'true' ? true : published === 'false' ? false : undefined,
    page: pageParam(params),
    size: PAGE_SIZES.includes(size) ? size : PAGE_SIZES[0],
    sort: ['updatedAt,desc'], // what changed last first: a new upload or publication tops the list
  };
}

/** The library of public documents: by kind and publication, each with its current version. */
function DocumentList() {
  const { t } = useTranslation();
  const { can } = useRoles();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query = listQuery(params);
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['documents', 'list', params.toString()],
    queryFn: () => documentsApi.list(query),
    placeholderData: keepPreviousData,
  });

  const go = (next: Partial<ListQuery>) => {
    const merged = { ...query, ...next };
    const out = new URLSearchParams();
    if (merged.kind) out.set('kind', merged.kind);
    if (merged.published !== undefined) out.set('published', String(merged.published));
    if (merged.page && merged.page > 1) out.set('page', String(merged.page));
    if (merged.size && merged.size !== PAGE_SIZES[0]) out.set('size', String(merged.size));
    setParams(out);
  };

  return (
    <Card
      title={t('documents.listTitle')}
      extra={
        <Space>
          <a href="/public/documents" target="_blank" rel="noreferrer" data-testid="public-page-link"><GlobalOutlined /> {t('documents.publicPage')}</a>
          {can('documents:manage')
            ? <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="document-new">{t('documents.new')}</Button>
            : null}
        </Space>
      }
    >
      <Space style={{ marginBottom: 16 }} wrap>
        <Select<DocumentKind | undefined>
          data-testid="filter-kind"
          allowClear
          style={{ width: 220 }}
          placeholder={t('documents.kind')}
          value={query.kind}
          onChange={(kind) => go({ kind, page: 1 })}
          options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))}
        />
        <Select<string | undefined>
          data-testid="filter-published"
          allowClear
          style={{ width: 160 }}
          placeholder={t('documents.publication')}
          value={query.published === undefined ? undefined : String(query.published)}
          onChange={(v) => go({ published: v === undefined ? undefined : v === 'true', page: 1 })}
          options={[{ value: 'true', label: t('documents.published') }, { value: 'false', label: t('documents.unpublished') }]}
        />
      </Space>
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<DocumentView>
          data-testid="documents-table"
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: list.isFetching ? t('common.loading') : t('documents.empty') }}
          scroll={{ x: 1000 }}
          pagination={{
            current: query.page, pageSize: query.size, total: list.data?.total ?? 0, showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES.map(String), showTotal: (total) => t('common.total', { total }),
            onChange: (page, size) => go({ page: size !== query.size ? 1 : page, size }),
          }}
          columns={[
            {
              title: t('documents.titleZh'), key: 'title', width: 300,
              render: (_, d) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/documents/${d.id}`}>{d.titleZh}</Link>
                  {d.titleEn ? <Typography.Text type="secondary">{d.titleEn}</Typography.Text> : null}
                </Space>
              ),
            },
            { title: t('documents.kind'), key: 'kind', width: 170, render: (_, d) => <Tag>{t(`documents.kinds.${d.kind}`)}</Tag> },
            {
              title: t('documents.publication'), key: 'published', width: 100,
              render: (_, d) => d.published ? <Tag color="green">{t('documents.published')}</Tag> : <Tag>{t('documents.unpublished')}</Tag>,
            },
            {
              title: t('documents.currentVersion'), key: 'current', width: 220,
              render: (_, d) => d.current
                ? `${d.current.label} · ${d.current.effectiveOn} · ${formatSize(d.current.size)}`
                : <Typography.Text type="secondary">{t('documents.noVersion')}</Typography.Text>,
            },
            { title: t('documents.updatedAt'), key: 'updatedAt', width: 150, render: (_, d) => `${formatDateTime(d.updatedAt)} ${d.updatedBy}` },
          ]}
        />
      )}
      <DocumentFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(saved) => {
          setCreating(false);
          void navigate(`/documents/${saved.id}`);
        }}
      />
    </Card>
  );
}

export default withAppContext(DocumentList);
