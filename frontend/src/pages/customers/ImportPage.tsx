import { useState } from 'react';
import { Alert, Button, Card, Progress, Result, Space, Steps, Table, Typography, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ImportReport, ImportRowError } from '../../api/customers';
import { ApiError } from '../../api/http';
import { uploadLedger, type UploadProgress } from './uploadLedger';
import { withAppContext } from '../../components/withAppContext';

/** Import of the ledger: upload, dry-run report of every bad cell, then the all-or-nothing commit. */
function ImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File>();
  const [progress, setProgress] = useState<UploadProgress>();
  const [report, setReport] = useState<ImportReport>();
  const [error, setError] = useState<string>();

  const run = async (dryRun: boolean) => {
    if (!file) {
      return;
    }
    setError(undefined);
    setProgress({ phase: 'uploading', percent: 0 });
    try {
      const result = await uploadLedger(file, dryRun, setProgress);
      setReport(result);
      if (result.committed) {
        await queryClient.invalidateQueries({ queryKey: ['customers'] });
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.problem?.errors?.length) {
        // the commit re-checks: a file that changed since the dry run is refused whole
        setReport({ dryRun, committed: false, rows: 0, newClients: 0, updatedClients: 0, certifications: 0,
          errors: e.problem.errors.map((fe) => {
            const at = /^line (\d+): (.*)$/.exec(fe.field);
            return { line: at ? Number(at[1]) : 0, column: at ? at[2] : fe.field, message: fe.message };
          }) });
      }
      setError(e instanceof ApiError && e.isNetwork ? t('errors.network') : (e as Error).message);
    } finally {
      setProgress(undefined);
    }
  };

  const checked = report?.dryRun && report.errors.length === 0;
  const step = report?.committed ? 3 : checked ? 2 : file ? 1 : 0;

  return (
    <Card title={t('import.title')}>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Steps current={step} items={[{ title: t('import.steps.choose') }, { title: t('import.steps.check') }, { title: t('import.steps.commit') }, { title: t('import.steps.done') }]} />
        <Typography.Paragraph type="secondary">{t('import.hint')}</Typography.Paragraph>
        <Upload.Dragger
          accept=".csv,.xlsx"
          maxCount={1}
          disabled={!!progress}
          beforeUpload={(f) => { setFile(f); setReport(undefined); setError(undefined); return false; }}
          onRemove={() => { setFile(undefined); setReport(undefined); }}
          fileList={file ? [{ uid: 'ledger', name: file.name, size: file.size, status: 'done' }] : []}
        >
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">{t('import.drop')}</p>
        </Upload.Dragger>
        <Space>
          <Button type="primary" disabled={!file || !!progress} onClick={() => void run(true)} data-testid="import-dry-run">{t('import.dryRun')}</Button>
          <Button type="primary" danger disabled={!checked || !!progress || report?.committed} onClick={() => void run(false)} data-testid="import-commit">{t('import.commit')}</Button>
        </Space>
        {progress ? (
          <div>
            <Progress percent={progress.phase === 'uploading' ? progress.percent : 100} status="active" />
            <Typography.Text>{progress.phase === 'uploading' ? t('import.uploading', { percent: progress.percent }) : t('import.processing')}</Typography.Text>
          </div>
        ) : null}
        {error && !report ? <Alert type="error" showIcon message={error} /> : null}
        {report?.committed ? (
          <Result status="success" title={t('import.committed', { ...report })}
            extra={<Link to="/customers"><Button type="primary">{t('import.toList')}</Button></Link>} />
        ) : null}
        {report && !report.committed ? (
          report.errors.length === 0 ? (
            <Alert type="success" showIcon message={t('import.checkedOk', { ...report })} />
          ) : (
            <>
              <Alert type="error" showIcon message={t('import.checkedBad', { count: report.errors.length, rows: report.rows })} />
              <Table<ImportRowError>
                data-testid="import-errors"
                size="small"
                rowKey={(e, i) => `${e.line}|${e.column}|${i}`}
                dataSource={report.errors}
                pagination={{ pageSize: 50, showTotal: (total) => t('common.total', { total }) }}
                columns={[
                  { title: t('import.line'), dataIndex: 'line', width: 90, render: (l: number) => (l > 0 ? l : '—') },
                  { title: t('import.column'), dataIndex: 'column', width: 200 },
                  { title: t('import.reason'), dataIndex: 'message' },
                ]}
              />
            </>
          )
        ) : null}
      </Space>
    </Card>
  );
}

export default withAppContext(ImportPage);
