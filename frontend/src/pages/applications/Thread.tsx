import { Empty, Space, Timeline, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../documents/format';

export interface ThreadMessage {
  key: string | number;
  kind: 'REQUEST' | 'ANSWER';
  text: string;
  writtenAt: string;
  author?: string;
  files: ReactNode[];
}

/** The requests for information and the applicant's answers, oldest first. */
export function Thread({ messages }: { messages: ThreadMessage[] }) {
  const { t } = useTranslation();
  if (!messages.length) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('applications.thread.empty')} />;
  }
  return (
    <Timeline
      data-testid="thread"
      items={messages.map((m) => ({
        key: m.key,
        color: m.kind === 'REQUEST' ? 'orange' : 'green',
        children: (
          <div data-testid={`thread-${m.kind}`}>
            <Typography.Text strong>{t(`applications.thread.${m.kind}`)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
              {formatDateTime(m.writtenAt)}{m.author ? ` · ${m.author}` : ''}
            </Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{m.text}</Typography.Paragraph>
            {m.files.length ? (
              <Space wrap size={[12, 4]}>{m.files.map((f, i) => <span key={i}><PaperClipOutlined /> {f}</span>)}</Space>
            ) : null}
          </div>
        ),
      }))}
    />
  );
}
