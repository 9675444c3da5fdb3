import { useRef, useState } from 'react';
import { App, Button, Dropdown, Modal, Progress, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { downloadDirectory } from '../../api/directory';
import { exportLedger, formatBytes, type ExportFormat } from './exportLedger';

/** Export of the current filtered list as CSV or XLSX, with a progress dialog while it streams. */
export function ExportButton({ filter, total }: { filter: Record<string, string | string[]>; total?: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [running, setRunning] = useState<ExportFormat>();
  const [bytes, setBytes] = useState(0);
  const abort = useRef<AbortController>(undefined);

  const run = async (format: ExportFormat) => {
    abort.current = new AbortController();
    setBytes(0);
    setRunning(format);
    try {
      const result = await exportLedger(format, filter, setBytes, abort.current.signal);
      void message.success(t('export.done', { file: result.fileName, size: formatBytes(result.bytes) }));
    } catch (e) {
      if (!abort.current.signal.aborted) {
        void message.error(e instanceof ApiError && e.isNetwork ? t('errors.network') : t('export.failed', { reason: (e as Error).message }));
      }
    } finally {
      setRunning(undefined);
    }
  };

  /** The public directory for the body's website (public data only, so the list's filters do not apply). */
  const directory = async (format: 'csv' | 'xlsx') => {
    try {
      await downloadDirectory(format);
    } catch (e) {
      void message.error(t('export.directoryFailed', { reason: (e as Error).message }));
    }
  };

  return (
    <>
      <Dropdown
        menu={{
          items: [
            { key: 'csv', label: t('export.csv') },
            { key: 'xlsx', label: t('export.xlsx') },
            { type: 'divider' },
            { key: 'directory-csv', label: t('export.directoryCsv') },
            { key: 'directory-xlsx', label: t('export.directoryXlsx') },
          ],
          onClick: ({ key }) => key.startsWith('directory-') ? void directory(key === 'directory-csv' ? 'csv' : 'xlsx') : void run(key as ExportFormat),
        }}
      >
        <Button icon={<DownloadOutlined />} loading={!!running} data-testid="export-button">{t('export.button')}</Button>
      </Dropdown>
      <Modal
        open={!!running}
        title={t('export.title', { format: running?.toUpperCase() })}
        closable={false}
        maskClosable={false}
        okButtonProps={{ style: { display: 'none' } }}
        cancelText={t('common.cancel')}
        onCancel={() => abort.current?.abort()}
      >
        <Progress percent={100} status="active" showInfo={false} />
        <Typography.Text>{t('export.progress', { size: formatBytes(bytes), total: total ?? 0 })}</Typography.Text>
      </Modal>
    </>
  );
}
