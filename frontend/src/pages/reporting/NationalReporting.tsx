import { App, Alert, Button, Card, DatePicker, Popconfirm, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import { CloudUploadOutlined, DownloadOutlined, RedoOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { downloadBatch, reportingApi, REPORT_PAGE_SIZE, REPORT_STATUSES, type NationalReport, type ReportStatus } from '../../api/reporting';
import { ApiError } from '../../api/http';
import { useRoles } from '../../auth/useRoles';
import { ErrorState } from '../../components/ErrorPages';
import { withAppContext } from '../../components/withAppContext';
import { pageParam } from '../../components/pageParam';

const STATUS_COLOR: Record<string, string> = { PENDING: 'processing', SENT: 'success', FAILED: 'error' };

/** Days left to a due date (negative: overdue), as of today. */
export function daysLeft(dueOn: string, today = dayjs()): number {
  return dayjs(dueOn).startOf('day').diff(today.startOf('day'), 'day');
}

/**
 * National reporting (认证机构信息管理系统): this month's deadline and what is still open, the month's records with
 * their status and reason, the upload workbook, marking the month sent after the upload, resending a record.
 */
function NationalReporting() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useRoles();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const period = /^\d{4}-\d{2}$/.test(params.get('period') ?? '') ? params.get('period')! : dayjs().format('YYYY-MM');
  const status = (REPORT_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? params.get('status') as ReportStatus : undefined;
  const summary = useQuery({ queryKey: ['reporting', 'summary'], queryFn: () => reportingApi.summary() });
  const page = pageParam(params);
  const list = useQuery({
    queryKey: ['reporting', period, status, page],
    queryFn: () => reportingApi.list(period, status, page),
    placeholderData: keepPreviousData,
  });
  const manage = can('reporting:manage');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['reporting'] });
  const failed = (e: unknown) => void message.error(e instanceof ApiError ? e.message : String(e));
  const sent = useMutation({
    mutationFn: () => reportingApi.markSent(period),
    onSuccess: (r) => { void message.success(t('reporting.markedSent', { count: r.marked })); refresh(); },
    onError: failed,
  });
  const resend = useMutation({ mutationFn: (id: number) => reportingApi.resend(id), onSuccess: refresh, onError: failed });
  const go = (next: { period?: string; status?: string; page?: number }) => {
    const p = next.period ?? period;
    const s = next.status === undefined ? status : next.status;
    const n = next.page ?? 1; // another month or status starts at its first page
    setParams({ period: p, ...(s ? { status: s } : {}), ...(n > 1 ? { page: String(n) } : {}) });
  };

  const due = (label: string, per: string, dueOn: string, open: number) => {
    const left = daysLeft(dueOn);
    return (
      <Card size="small" style={{ minWidth: 260 }}>
        <Statistic title={label} value={open} suffix={t('reporting.open')}
          valueStyle={{ color: open > 0 && left < 0 ? '#cf1322' : undefined }} />
        <Typography.Text type={open > 0 && left < 0 ? 'danger' : 'secondary'} data-testid={`reporting-due-${per}`}>
          {t('reporting.due', { period: per, date: dueOn })}
          {open > 0 ? ` · ${left >= 0 ? t('reporting.daysLeft', { days: left }) : t('reporting.overdue', { days: -left })}` : ''}
        </Typography.Text>
      </Card>
    );
  };

  return (
    <Card title={<span data-testid="reporting-title">{t('reporting.title')}</span>}
      extra={
        <Space wrap>
          <Button icon={<DownloadOutlined />} onClick={() => void downloadBatch(period).catch(failed)} data-testid="reporting-download">
            {t('reporting.download', { period })}
          </Button>
          {manage ? (
            <Popconfirm title={t('reporting.markSentConfirm', { period })} onConfirm={() => sent.mutate()}>
              <Button type="primary" icon={<CloudUploadOutlined />} loading={sent.isPending} data-testid="reporting-mark-sent">
                {t('reporting.markSent')}
              </Button>
            </Popconfirm>
          ) : null}
        </Space>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Alert type="info" showIcon message={t('reporting.rule')} />
        {summary.data ? (
          <Space wrap>
            {due(t('reporting.thisMonth'), summary.data.period, summary.data.dueOn, summary.data.open)}
            {due(t('reporting.lastMonth'), summary.data.previousPeriod, summary.data.previousDueOn, summary.data.previousOpen)}
          </Space>
        ) : null}
        <Space wrap>
          <DatePicker picker="month" allowClear={false} value={dayjs(period + '-01')}
            onChange={(d) => d && go({ period: d.format('YYYY-MM') })} data-testid="reporting-period" />
          <Segmented
            value={status ?? 'ALL'}
            onChange={(v) => go({ status: v === 'ALL' ? '' : String(v) })}
            options={[{ value: 'ALL', label: t('reporting.all') },
              ...REPORT_STATUSES.map((s) => ({ value: s, label: t(`reporting.status.${s}`) }))]}
          />
        </Space>
        {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : (
          <Table<NationalReport>
            rowKey="id" size="small" loading={list.isFetching} dataSource={list.data?.items ?? []} data-testid="reporting-table"
            locale={{ emptyText: t('reporting.empty') }}
            pagination={{
              current: page, pageSize: REPORT_PAGE_SIZE, total: list.data?.total ?? 0, showSizeChanger: false,
              hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }), onChange: (n) => go({ page: n }),
            }}
            scroll={{ x: 1100 }}
            columns={[
              { title: t('reporting.occurredAt'), dataIndex: 'occurredAt', width: 150, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
              { title: t('reporting.sheet'), dataIndex: 'sheet', width: 120, render: (v: string) => t(`reporting.sheets.${v}`, { defaultValue: v }) },
              { title: t('reporting.event'), dataIndex: 'event', width: 110, render: (v: string) => t(`reporting.events.${v}`, { defaultValue: v }) },
              { title: t('reporting.certificateNo'), key: 'no', width: 170, render: (_, r) => String(r.data?.certificateNo ?? '') },
              { title: t('reporting.client'), key: 'client', render: (_, r) => String(r.data?.clientName ?? '') },
              {
                title: t('reporting.statusLabel'), dataIndex: 'status', width: 110,
                render: (v: string) => <Tag color={STATUS_COLOR[v]}>{t(`reporting.status.${v}`, { defaultValue: v })}</Tag>,
              },
              { title: t('reporting.attempts'), dataIndex: 'attempts', width: 70, align: 'right' },
              {
                title: t('reporting.result'), key: 'result', render: (_, r) => r.status === 'SENT'
                  ? <Typography.Text type="secondary">{r.sentBy} · {r.sentAt ? dayjs(r.sentAt).format('YYYY-MM-DD HH:mm') : ''}</Typography.Text>
                  : <Typography.Text type="danger">{r.lastError}</Typography.Text>,
              },
              ...(manage ? [{
                title: t('common.actions'), key: 'actions', width: 90, fixed: 'right' as const,
                render: (_: unknown, r: NationalReport) => r.status === 'PENDING' ? null : (
                  <Typography.Link onClick={() => resend.mutate(r.id)} data-testid={`reporting-resend-${r.id}`}>
                    <RedoOutlined /> {t('reporting.resend')}
                  </Typography.Link>
                ),
              }] : []),
            ]}
          />
        )}
      </Space>
    </Card>
  );
}

export default withAppContext(NationalReporting);
