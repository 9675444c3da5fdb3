import { useState } from 'react';
import { Alert, App, Button, Card, List, Progress, Space, Spin, Typography, Upload } from 'antd';
import { PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatSize } from '../../api/download';
import { ATTACHMENT_ACCEPT, attachmentsApi, type FeedbackAttachment } from '../../api/feedbackAttachments';
import { useRoles } from '../../auth/useRoles';
import { formatDateTime } from '../documents/format';
import { mayAttach, problemText, refusal } from './attachments';
import type { Item } from './ItemExtras';

/**
 * The item's files (name, size, who, when; each downloads with the user's token) and, for whoever may change the
 * item while it is open, an upload: the size and the item's limit are checked here first, the service's refusal
 * (a type it does not take, told from the bytes) is shown in its own words.
 */
export function AttachmentsCard({ item }: { item: Item }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { roles } = useRoles();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['feedback', 'item-attachments', item.id], queryFn: () => attachmentsApi.list(item.id) });
  const [percent, setPercent] = useState<number>();
  const [error, setError] = useState<string>();
  const files: FeedbackAttachment[] = list.data ?? [];
  const editable = mayAttach(roles, item);

  const upload = async (file: File) => {
    const refused = refusal(file, files.length);
    if (refused) {
      setError(t(`analysis.attachments.${refused.key}`, refused.values));
      return;
    }
    setError(undefined);
    setPercent(0);
    try {
      await attachmentsApi.upload(item.id, file, (p) => setPercent(p.phase === 'uploading' ? p.percent : 100));
      void message.success(t('analysis.attachments.uploaded', { name: file.name }));
      void queryClient.invalidateQueries({ queryKey: ['feedback'] });
    } catch (e) {
      setError(problemText(e));
    } finally {
      setPercent(undefined);
    }
  };

  const download = (a: FeedbackAttachment) => {
    attachmentsApi.download(a).catch((e: unknown) => void message.error(problemText(e)));
  };

  return (
    <Card size="small" title={t('analysis.attachments.title')} data-testid="item-attachments"
      extra={editable ? (
        <Upload accept={ATTACHMENT_ACCEPT} showUploadList={false} multiple={false} disabled={percent !== undefined}
          beforeUpload={(file) => { void upload(file); return false; }}>
          <Button size="small" icon={<UploadOutlined />} loading={percent !== undefined} data-testid="attachment-upload">
            {t('analysis.attachments.upload')}
          </Button>
        </Upload>
      ) : null}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {error ? <Alert type="error" showIcon message={error} closable onClose={() => setError(undefined)} data-testid="attachment-error" /> : null}
        {percent !== undefined ? <Progress percent={percent} size="small" /> : null}
        {list.isError ? <Alert type="error" showIcon message={problemText(list.error)} /> : null}
        {!list.data && !list.isError ? <Spin size="small" /> : null}
        {list.data ? (
          files.length ? (
            <List size="small" split={false} dataSource={files} data-testid="attachment-list"
              renderItem={(a) => (
                <List.Item key={a.id} style={{ padding: '4px 0' }}>
                  <Space direction="vertical" size={0} style={{ minWidth: 0 }}>
                    <Button type="link" size="small" icon={<PaperClipOutlined />} style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
                      onClick={() => download(a)} data-testid={`attachment-${a.id}`}>
                      {a.fileName}
                    </Button>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('analysis.attachments.meta', { size: formatSize(a.size), who: a.uploadedBy, when: formatDateTime(a.uploadedAt) })}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )} />
          ) : <Typography.Text type="secondary">{t('analysis.attachments.none')}</Typography.Text>
        ) : null}
        {editable ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('analysis.attachments.hint')}</Typography.Text> : null}
      </Space>
    </Card>
  );
}
