import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Collapse, Descriptions, Progress, Result, Space, Steps, Table, Typography, Upload } from 'antd';
import type { TableColumnsType } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ImportConflict, ImportReport, ImportRowError, OnConflict } from '../../api/customers';
import { ApiError } from '../../api/http';
import { uploadLedger, type UploadProgress } from './uploadLedger';
import { changesNothing, conflictingLines, normalizeReport, previewTable, refusedReport, rowErrorsOf } from './importReport';
import { withAppContext } from '../../components/withAppContext';

interface Failure {
  message: string;
  hint?: string;
}

/** What went wrong, and what to do: a failed commit is checked again before it is tried again. */
function failureOf(e: unknown, dryRun: boolean, t: TFunction): Failure {
  if (!(e instanceof ApiError)) {
    return { message: e instanceof Error ? e.message : String(e) };
  }
  if (e.isNetwork) {
    return { message: t('errors.network'), hint: dryRun ? undefined : t('import.failure.recheck') };
  }
  const message = e.problem?.detail ?? e.problem?.title ?? e.message;
  if (e.status === 413) {
    // the server's detail names the limit and already says to split the file
    return { message, hint: e.problem?.detail ? undefined : t('import.failure.tooLarge') };
  }
  return { message, hint: dryRun && e.status !== 409 ? undefined : t('import.failure.recheck') };
}

function rowErrorColumns(t: TFunction): TableColumnsType<ImportRowError & { key: number }> {
  return [
    { title: t('import.line'), dataIndex: 'line', width: 90, render: (l: number) => (l > 0 ? l : '—') },
    { title: t('import.column'), dataIndex: 'column', width: 200 },
    { title: t('import.reason'), dataIndex: 'message' },
  ];
}

function RowErrorTable({ rows, testId }: { rows: ImportRowError[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <Table<ImportRowError & { key: number }>
      data-testid={testId}
      size="small"
      dataSource={rows.map((row, key) => ({ ...row, key }))}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
      columns={rowErrorColumns(t)}
    />
  );
}

function Summary({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const item = (key: keyof ImportReport, value: number | string) => ({ key, label: t(`import.summary.${key}`), children: value });
  return (
    <Descriptions
      data-testid="import-summary"
      size="small"
      bordered
      column={{ xs: 1, sm: 3 }}
      items={[
        item('rows', report.rows),
        item('encoding', report.encoding ?? '—'),
        item('conflicts', conflictingLines(report)),
        item('newCustomers', report.newCustomers),
        item('updatedCustomers', report.updatedCustomers),
        item('unchangedCustomers', report.unchangedCustomers),
        item('newCertifications', report.newCertifications),
        item('updatedCertifications', report.updatedCertifications),
        item('unchangedCertifications', report.unchangedCertifications),
      ]}
    />
  );
}

function Preview({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const { titles, rows } = previewTable(report.preview);
  const ignored = new Set(report.ignoredColumns);
  return (
    <Collapse
      data-testid="import-preview"
      size="small"
      items={[{
        key: 'preview',
        label: t('import.preview.title'),
        children: (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text type="secondary">{t('import.preview.hint', { count: rows.length })}</Typography.Text>
            <Table<{ key: number; cells: string[] }>
              size="small"
              bordered
              pagination={false}
              scroll={{ x: 'max-content' }}
              dataSource={rows}
              columns={titles.map((title, i) => ({
                key: i,
                title: ignored.has(title) ? <Typography.Text type="warning" delete>{title}</Typography.Text> : title || `#${i + 1}`,
                render: (_: unknown, row: { cells: string[] }) => (
                  <Typography.Text ellipsis={{ tooltip: row.cells[i] }} style={{ maxWidth: 240 }}>{row.cells[i]}</Typography.Text>
                ),
              }))}
            />
          </Space>
        ),
      }]}
    />
  );
}

function Conflicts({ report, onConflict, onChange, recheck }: {
  report: ImportReport;
  onConflict: OnConflict;
  onChange: (value: OnConflict) => void;
  recheck: boolean;
}) {
  const { t } = useTranslation();
  const value = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? t('import.conflicts.empty') : v);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type="warning"
        showIcon
        message={t('import.conflicts.title', { count: conflictingLines(report) })}
        description={onConflict === 'overwrite' ? t('import.conflicts.overwriteNote') : t('import.conflicts.skipNote')}
      />
      <Checkbox
        data-testid="import-overwrite"
        checked={onConflict === 'overwrite'}
        onChange={(e) => onChange(e.target.checked ? 'overwrite' : 'skip')}
      >
        {t('import.conflicts.overwrite')}
      </Checkbox>
      {recheck ? <Alert type="info" showIcon message={t('import.conflicts.recheck')} /> : null}
      <Table<ImportConflict & { key: number }>
        data-testid="import-conflicts"
        size="small"
        dataSource={report.conflicts.map((c, key) => ({ ...c, key }))}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
        columns={[
          { title: t('import.line'), dataIndex: 'line', width: 80 },
          {
            title: t('import.conflicts.customer'), key: 'customer', width: 260,
            render: (_, c) => (
              <Space direction="vertical" size={0}>
                <Typography.Text>{c.name}</Typography.Text>
                <Typography.Text type="secondary">{c.creditCode}</Typography.Text>
              </Space>
            ),
          },
          { title: t('import.conflicts.scheme'), dataIndex: 'scheme', width: 120, render: (s?: string | null) => s || t('import.conflicts.customerOnly') },
          {
            title: t('import.conflicts.versions'), key: 'versions', width: 150,
            render: (_, c) => t('import.conflicts.versionsValue', { file: c.fileVersion, current: c.currentVersion }),
          },
          {
            title: t('import.conflicts.fields'), key: 'fields',
            render: (_, c) => (
              <Space direction="vertical" size={0}>
                {c.fields.map((f, i) => (
                  <Typography.Text key={`${f.column}|${i}`}>
                    {t('import.conflicts.fieldChange', { column: f.column, current: value(f.current), file: value(f.file) })}
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}

/**
 * Import of the ledger: upload, dry-run report (what would change, bad cells, warnings, conflicts with changes
 * made in CertCare since the export, the file as read), then the all-or-nothing commit.
 */
function ImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File>();
  const [progress, setProgress] = useState<UploadProgress>();
  const [report, setReport] = useState<ImportReport>();
  /** The choice the report was made with: another choice needs another dry run before the commit. */
  const [reportOnConflict, setReportOnConflict] = useState<OnConflict>('skip');
  const [onConflict, setOnConflict] = useState<OnConflict>('skip');
  /** A commit failed: what the dry run said may no longer hold. */
  const [stale, setStale] = useState(false);
  const [failure, setFailure] = useState<Failure>();

  const reset = (next?: File) => {
    setFile(next);
    setReport(undefined);
    setFailure(undefined);
    setStale(false);
    setOnConflict('skip');
  };

  const run = async (dryRun: boolean) => {
    if (!file) {
      return;
    }
    const mode = onConflict;
    setFailure(undefined);
    if (dryRun) {
      setReport(undefined);
    }
    setProgress({ phase: 'uploading', percent: 0 });
    try {
      const result = normalizeReport(await uploadLedger(file, dryRun, mode, setProgress), dryRun);
      setReport(result);
      setReportOnConflict(mode);
      setStale(false);
      if (result.committed) {
        await queryClient.invalidateQueries({ queryKey: ['customers'] });
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.problem?.errors?.length) {
        // the commit re-checks: a file that changed since the dry run is refused whole
        setReport(refusedReport(dryRun, rowErrorsOf(e.problem)));
        setReportOnConflict(mode);
        setStale(false);
      } else {
        setStale(!dryRun);
        setFailure(failureOf(e, dryRun, t));
      }
    } finally {
      setProgress(undefined);
    }
  };

  const conflicts = report ? conflictingLines(report) : 0;
  const recheck = !!report?.dryRun && reportOnConflict !== onConflict;
  const checked = !!report?.dryRun && !report.committed && report.errors.length === 0 && !recheck && !stale;
  const step = report?.committed ? 3 : checked ? 2 : file ? 1 : 0;
  const commitLabel = checked && conflicts > 0
    ? t(onConflict === 'overwrite' ? 'import.commitOverwriting' : 'import.commitSkipping', { count: conflicts })
    : t('import.commit');
  const readSomething = !!report && (report.rows > 0 || !!report.encoding);

  return (
    <Card title={t('import.title')}>
      <Space direction="vertical" size="large" style={{ width: '100%' }}>
        <Steps current={step} items={[{ title: t('import.steps.choose') }, { title: t('import.steps.check') }, { title: t('import.steps.commit') }, { title: t('import.steps.done') }]} />
        <Typography.Paragraph type="secondary">{t('import.hint')}</Typography.Paragraph>
        <Upload.Dragger
          accept=".csv,.xlsx"
          maxCount={1}
          disabled={!!progress}
          beforeUpload={(f) => { reset(f); return false; }}
          onRemove={() => reset(undefined)}
          fileList={file ? [{ uid: 'ledger', name: file.name, size: file.size, status: 'done' }] : []}
        >
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">{t('import.drop')}</p>
        </Upload.Dragger>
        <Space wrap>
          <Button type="primary" disabled={!file || !!progress} onClick={() => void run(true)} data-testid="import-dry-run">{t('import.dryRun')}</Button>
          <Button type="primary" danger disabled={!checked || !!progress} onClick={() => void run(false)} data-testid="import-commit">{commitLabel}</Button>
        </Space>
        {progress ? (
          <div>
            <Progress percent={progress.phase === 'uploading' ? progress.percent : 100} status="active" />
            <Typography.Text>{progress.phase === 'uploading' ? t('import.uploading', { percent: progress.percent }) : t('import.processing')}</Typography.Text>
          </div>
        ) : null}
        {failure ? <Alert data-testid="import-failure" type="error" showIcon message={failure.message} description={failure.hint} /> : null}
        {report?.committed ? (
          <>
            <Result
              status="success"
              title={t('import.committed', { ...report })}
              subTitle={[
                t('import.committedUnchanged', { ...report }),
                conflicts > 0 ? t(report.overwrite ? 'import.committedOverwritten' : 'import.committedSkipped', { count: conflicts }) : '',
              ].filter(Boolean).join(' ')}
              extra={<Link to="/customers"><Button type="primary">{t('import.toList')}</Button></Link>}
            />
            <Summary report={report} />
          </>
        ) : null}
        {report && !report.committed ? (
          <>
            {report.errors.length > 0 ? (
              <Alert type="error" showIcon message={t('import.checkedBad', { count: report.errorCount, rows: report.rows }) + (report.errorCount > report.errors.length ? ' ' + t('import.firstListed', { shown: report.errors.length }) : '')} />
            ) : changesNothing(report) ? (
              <Alert data-testid="import-nothing" type="info" showIcon message={t('import.nothingToChange')}
                description={t('import.nothingToChangeDetail', { rows: report.rows })} />
            ) : (
              <Alert type="success" showIcon message={t('import.checkedOk', { ...report })} />
            )}
            {readSomething ? <Summary report={report} /> : null}
            {report.ignoredColumns.length > 0 ? (
              <Alert data-testid="import-ignored" type="warning" showIcon
                message={t('import.ignored', { columns: report.ignoredColumns.join(t('import.listSeparator')) })}
                description={t('import.ignoredHint')} />
            ) : null}
            {report.errors.length > 0 ? <RowErrorTable rows={report.errors} testId="import-errors" /> : null}
            {report.conflicts.length > 0 ? (
              <Conflicts report={report} onConflict={onConflict} onChange={setOnConflict} recheck={recheck} />
            ) : null}
            {report.warnings.length > 0 ? (
              <>
                <Alert type="warning" showIcon message={t('import.warnings', { count: report.warningCount })} />
                <RowErrorTable rows={report.warnings} testId="import-warnings" />
              </>
            ) : null}
            {report.preview.length > 0 ? <Preview report={report} /> : null}
          </>
        ) : null}
      </Space>
    </Card>
  );
}

export default withAppContext(ImportPage);
