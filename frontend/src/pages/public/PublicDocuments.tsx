import { Button, Card, Empty, List, Space, Spin, Tag, Typography } from 'antd';
import { DownloadOutlined, FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, documentsApi, formatSize, publicFileUrl, type PublicDocument } from '../../api/documents';
import { ErrorState } from '../../components/ErrorPages';
import { PublicPage } from './PublicPage';

/**
 * The public documents (公开文件), for anyone, without logging in: the current version of each published
 * document, by kind, with a plain download link (the gateway serves /api/public/** without a token).
 */
export default function PublicDocuments() {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const documents = useQuery({ queryKey: ['public', 'documents'], queryFn: () => documentsApi.published() });
  const byKind = DOCUMENT_KINDS.map((kind) => ({ kind, items: (documents.data ?? []).filter((d) => d.kind === kind) }))
    .filter((group) => group.items.length > 0);

  const title = (d: PublicDocument) => (english && d.titleEn ? d.titleEn : d.titleZh);

  return (
    <PublicPage title={t('documents.public.title')} subtitle={t('documents.public.subtitle')} testId="public-documents-title">
      {documents.isError ? (
        <ErrorState error={documents.error} onRetry={() => void documents.refetch()} />
      ) : !documents.data ? (
        <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />
      ) : byKind.length === 0 ? (
        <Empty description={t('documents.public.empty')} />
      ) : (
        <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="public-documents">
          {byKind.map((group) => (
            <Card key={group.kind} title={t(`documents.kinds.${group.kind}`)} size="small">
              <List<PublicDocument>
                dataSource={group.items}
                renderItem={(d) => (
                  <List.Item
                    data-testid={`public-document-${d.id}`}
                    actions={[
                      <Button key="download" size="small" icon={<DownloadOutlined />} href={publicFileUrl(d)}
                        data-testid={`public-download-${d.id}`}>
                        {t('documents.public.download')}
                      </Button>,
                    ]}
                  >
                    <List.Item.Meta
                      avatar={d.contentType === 'application/pdf'
                        ? <FilePdfOutlined style={{ fontSize: 28, color: '#cf1322' }} />
                        : <FileWordOutlined style={{ fontSize: 28, color: '#1677ff' }} />}
                      title={title(d)}
                      description={
                        <Space wrap size={4}>
                          <Tag>{t('documents.public.version', { label: d.versionLabel })}</Tag>
                          <span>{t('documents.public.effective', { date: d.effectiveOn })}</span>
                          <span>· {formatSize(d.size)}</span>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }} title={`SHA-256 ${d.sha256}`}>
                            SHA-256 {d.sha256.slice(0, 12)}…
                          </Typography.Text>
                        </Space>
                      }
                    />
                  </List.Item>
                )}
              />
            </Card>
          ))}
        </Space>
      )}
    </PublicPage>
  );
}
