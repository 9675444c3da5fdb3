import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Popconfirm, Space, Spin, Tag, Typography } from 'antd';
import { CheckCircleOutlined, DownloadOutlined, ReloadOutlined, SaveOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ApiError } from '../../api/http';
import { fieldErrors } from '../../api/problem';
import { surveysApi, type QuarterlyReport, type ReportFormat } from '../../api/surveys';
import { useRoles } from '../../auth/useRoles';
import { ErrorState, NotFound } from '../../components/ErrorPages';
import { withAppContext } from '../../components/withAppContext';
import { isQuarter } from './quarter';

const reportKey = (quarter: string, language: string) => ['surveys', 'report', quarter, language];
const when = (at: string | null | undefined) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—');

/**
 * A quarter's written satisfaction report (/surveys/reports/2026-Q3): market edits the conclusions (the service's
 * suggested draft until first saved), saves against the version read and issues it once; the leader, admin and
 * auditors (issued reports only) read it. PDF and XLSX for everyone who reads it.
 */
function ReportPage() {
  const { quarter = '' } = useParams();
  const { t, i18n } = useTranslation();
  const valid = isQuarter(quarter);
  const report = useQuery({
    queryKey: reportKey(quarter, i18n.language),
    queryFn: () => surveysApi.report(quarter),
    enabled: valid,
  });
  if (!valid) {
    return <NotFound />;
  }
  return (
    <Card title={<span data-testid="report-title">{t('surveys.report.title', { quarter })}</span>}
      extra={<Link to={`/surveys/dashboard?quarter=${quarter}`}>{t('surveys.report.toDashboard')}</Link>}>
      {report.isError ? <ErrorState error={report.error} onRetry={() => void report.refetch()} /> : null}
      {report.isPending ? <Spin size="large" style={{ display: 'block', margin: '80px auto' }} /> : null}
      {report.data ? <Report report={report.data} onReload={() => void report.refetch()} /> : null}
    </Card>
  );
}

function Report({ report: r, onReload }: { report: QuarterlyReport; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = useRoles();
  const queryClient = useQueryClient();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState<'save' | 'issue' | ReportFormat | null>(null);
  const [stale, setStale] = useState(false);
  const issued = r.status === 'ISSUED';
  const editable = can('surveys:manage') && !issued;

  useEffect(() => {
    form.setFieldsValue({ conclusions: r.conclusions });
    setStale(false);
  }, [form, r.conclusions, r.version]);

  const refresh = (next: QuarterlyReport) => queryClient.setQueryData(reportKey(r.quarter, i18n.language), next);
  const failed = (e: unknown) => {
    if (e instanceof ApiError && e.status === 409) {
      setStale(true);
      return;
    }
    if (e instanceof ApiError && e.status === 400) {
      const { fields, others } = fieldErrors(e.problem, (name) => JSON.stringify(name) === '["conclusions"]');
      form.setFields(fields);
      if (others.length) {
        void message.error(others.join('；'));
      }
      return;
    }
    void message.error(e instanceof Error ? e.message : String(e));
  };
  const save = async () => {
    const { conclusions } = (await form.validateFields()) as { conclusions: string };
    setBusy('save');
    try {
      refresh(await surveysApi.saveReport(r.quarter, conclusions, r.version));
      void message.success(t('surveys.report.saved'));
    } catch (e) {
      failed(e);
    } finally {
      setBusy(null);
    }
  };
  const issue = async () => {
    setBusy('issue');
    try {
      refresh(await surveysApi.issueReport(r.quarter, r.version));
      void message.success(t('surveys.report.issuedMessage'));
    } catch (e) {
      failed(e);
    } finally {
      setBusy(null);
    }
  };
  const download = async (format: ReportFormat) => {
    setBusy(format);
    try {
      await surveysApi.downloadReport(r.quarter, format);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="report">
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }}>
        <Descriptions.Item label={t('surveys.report.status')}>
          <Tag color={issued ? 'success' : 'warning'} data-testid="report-status" data-status={r.status}>
            {issued ? t('surveys.report.statuses.ISSUED') : t('surveys.report.statuses.DRAFT')}
          </Tag>
        </Descriptions.Item>
        {r.formNumber ? <Descriptions.Item label={t('surveys.report.formNumber')}>{r.formNumber}</Descriptions.Item> : null}
        <Descriptions.Item label={t('surveys.report.updated')}>
          <span data-testid="report-updated">{r.saved ? `${r.updatedBy ?? '—'} ${when(r.updatedAt)}` : t('surveys.report.neverSaved')}</span>
        </Descriptions.Item>
        {issued ? (
          <Descriptions.Item label={t('surveys.report.issuedBy')}>
            <span data-testid="report-issued">{`${r.issuedBy ?? '—'} ${when(r.issuedAt)}`}</span>
          </Descriptions.Item>
        ) : null}
      </Descriptions>
      {!r.saved && editable ? <Alert type="info" showIcon message={t('surveys.report.suggested')} data-testid="report-suggested" /> : null}
      {issued ? <Alert type="success" showIcon message={t('surveys.report.issuedNote')} data-testid="report-issued-note" /> : null}
      {stale ? (
        <Alert type="warning" showIcon data-testid="report-stale" message={t('surveys.report.stale')}
          action={<Button size="small" icon={<ReloadOutlined />} onClick={onReload} data-testid="report-reload">{t('surveys.report.reload')}</Button>} />
      ) : null}
      <Form form={form} layout="vertical" initialValues={{ conclusions: r.conclusions }}>
        <Form.Item name="conclusions" label={t('surveys.report.conclusions')}
          rules={editable ? [{ required: true, whitespace: true, message: t('surveys.report.required') }] : []}>
          {editable ? (
            <Input.TextArea rows={14} maxLength={r.maxConclusions} showCount data-testid="report-conclusions" />
          ) : (
            <ReadOnly />
          )}
        </Form.Item>
      </Form>
      <Space wrap>
        {editable ? (
          <>
            <Button type="primary" icon={<SaveOutlined />} loading={busy === 'save'} disabled={busy !== null && busy !== 'save'}
              onClick={() => void save()} data-testid="report-save">{t('surveys.report.save')}</Button>
            <Popconfirm title={t('surveys.report.issueConfirm')} okText={t('surveys.report.issue')} cancelText={t('surveys.report.cancel')}
              onConfirm={() => issue()} disabled={!r.saved}>
              <Button icon={<CheckCircleOutlined />} loading={busy === 'issue'} disabled={!r.saved || busy !== null}
                title={r.saved ? undefined : t('surveys.report.saveFirst')} data-testid="report-issue">{t('surveys.report.issue')}</Button>
            </Popconfirm>
          </>
        ) : null}
        <Button icon={<DownloadOutlined />} loading={busy === 'pdf'} onClick={() => void download('pdf')} data-testid="report-pdf">
          {t('surveys.report.pdf')}
        </Button>
        <Button icon={<DownloadOutlined />} loading={busy === 'xlsx'} onClick={() => void download('xlsx')} data-testid="report-xlsx">
          {t('surveys.report.xlsx')}
        </Button>
      </Space>
    </Space>
  );
}

/** The conclusions as text, line breaks kept (Form.Item hands its value here). */
function ReadOnly({ value }: { value?: string }) {
  return (
    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} data-testid="report-text">
      {value}
    </Typography.Paragraph>
  );
}

export default withAppContext(ReportPage);
