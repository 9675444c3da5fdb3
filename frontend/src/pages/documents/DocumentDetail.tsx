import { useState } from 'react';
import { App, Button, Card, Descriptions, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { documentsApi, downloadVersion, formatSize, type HistoryEntry, type VersionView } from '../../api/documents';
import { ApiError } from '../../api/http';
import { useRoles } from '../../auth/useRoles';
import { ErrorState } from '../../components/ErrorPages';
import { HistoryTable } from '../../components/HistoryTable';
import { withAppContext } from '../../components/withAppContext';
import { DocumentFormModal } from './DocumentFormModal';
import { UploadVersionModal } from './UploadVersionModal';
import { formatDateTime } from './format';

const TABS = ['versions', 'history'] as const;

/** One document: its description, every version (newest first, the current one marked) and its history. */
function DocumentDetail() {
  const id = Number(useParams().id);
  const { t } = useTranslation();
  const { can } = useRoles();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'versions';
  const queryClient = useQueryClient();
  const loaded = useQuery({ queryKey: ['documents', id], queryFn: () => documentsApi.get(id), enabled: Number.isFinite(id) });
  const [editing, setEditing] = useState(false);
  const [uploading, setUploading] = useState(false);

  if (loaded.isError) {
    return <ErrorState error={loaded.error} onRetry={() => void loaded.refetch()} />;
  }
  if (!loaded.data) {
    return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  }
  const d = loaded.data;
  const manage = can('documents:manage');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['documents'] });
  const download = (v: VersionView) => downloadVersion(v).catch((e: unknown) =>
    void message.error(e instanceof ApiError ? e.message : String(e)));

  return (
    <Card
      title={
        <Space>
          <span data-testid="document-title">{d.titleZh}</span>
          <Tag>{t(`documents.kinds.${d.kind}`)}</Tag>
          {d.published
            ? <Tag color="green" data-testid="document-state">{t('documents.published')}</Tag>
            : <Tag data-testid="document-state">{t('documents.unpublished')}</Tag>}
        </Space>
      }
      extra={manage ? (
        <Space>
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="document-edit">{t('documents.edit')}</Button>
          <Button type="primary" icon={<UploadOutlined />} onClick={() => setUploading(true)} data-testid="document-upload">{t('documents.upload')}</Button>
        </Space>
      ) : null}
    >
      <Descriptions bordered size="middle" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('documents.titleZh')}>{d.titleZh}</Descriptions.Item>
        <Descriptions.Item label={t('documents.titleEn')}>{d.titleEn}</Descriptions.Item>
        <Descriptions.Item label={t('documents.currentVersion')}>
          <span data-testid="document-current">
            {d.current ? `${d.current.label} · ${d.current.effectiveOn} · ${d.current.fileName}` : t('documents.noVersion')}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('documents.version.sha256')}>
          {d.current ? <Typography.Text code copyable style={{ fontSize: 12 }}>{d.current.sha256}</Typography.Text> : null}
        </Descriptions.Item>
        <Descriptions.Item label={t('documents.createdBy')}>{d.createdBy} · {formatDateTime(d.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('documents.updatedBy')}>{d.updatedBy} · {formatDateTime(d.updatedAt)}</Descriptions.Item>
      </Descriptions>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'versions' ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: 'versions', label: t('documents.tabs.versions', { count: d.versionCount }),
            children: (
              <Table<VersionView>
                data-testid="versions-table"
                rowKey="number"
                pagination={false}
                dataSource={d.versions}
                locale={{ emptyText: t('documents.noVersion') }}
                scroll={{ x: 1000 }}
                columns={[
                  {
                    title: t('documents.version.number'), key: 'number', width: 90,
                    render: (_, v) => <Space>{v.number}{v.current ? <Tag color="blue">{t('documents.version.current')}</Tag> : null}</Space>,
                  },
                  { title: t('documents.version.label'), dataIndex: 'label', width: 100 },
                  { title: t('documents.version.effectiveOn'), dataIndex: 'effectiveOn', width: 110 },
                  { title: t('documents.version.fileName'), dataIndex: 'fileName' },
                  { title: t('documents.version.size'), key: 'size', width: 90, render: (_, v) => formatSize(v.size) },
                  { title: t('documents.version.changeNote'), dataIndex: 'changeNote' },
                  { title: t('documents.version.uploadedBy'), key: 'uploaded', width: 170, render: (_, v) => `${v.uploadedBy} · ${formatDateTime(v.uploadedAt)}` },
                  {
                    title: t('common.actions'), key: 'download', width: 90, fixed: 'right',
                    render: (_, v) => (
                      <Typography.Link onClick={() => void download(v)} data-testid={`download-version-${v.number}`}>
                        <DownloadOutlined /> {t('documents.version.download')}
                      </Typography.Link>
                    ),
                  },
                ]}
              />
            ),
          },
          { key: 'history', label: t('documents.tabs.history'), children: <History documentId={id} /> },
        ]}
      />
      <DocumentFormModal
        open={editing}
        document={d}
        onClose={() => setEditing(false)}
        onSaved={() => { setEditing(false); void message.success(t('documents.saved')); refresh(); }}
        onReload={() => { setEditing(false); refresh(); }}
      />
      <UploadVersionModal
        documentId={id}
        open={uploading}
        onClose={() => setUploading(false)}
        onSaved={(saved) => {
          setUploading(false);
          void message.success(t('documents.uploaded', { number: saved.current?.number }));
          refresh();
        }}
      />
    </Card>
  );
}

function History({ documentId }: { documentId: number }) {
  const { t } = useTranslation();
  return (
    <HistoryTable<HistoryEntry>
      queryKey={['documents', documentId]}
      load={(page, size) => documentsApi.history(documentId, page, size)}
      emptyText={t('documents.noHistory')}
      fieldLabel={(e) => t(`documents.${e.entity}.${e.field}`, { defaultValue: e.field })}
      value={(v, e) => {
        if (e.field === 'kind') {
          return t(`documents.kinds.${v}`, { defaultValue: v });
        }
        if (e.field === 'published') {
          return v === 'true' ? t('documents.published') : t('documents.unpublished');
        }
        return e.field === 'size' ? formatSize(Number(v)) : v;
      }}
    />
  );
}

export default withAppContext(DocumentDetail);
