import { useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Row, Space, Spin, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined, InfoCircleOutlined } from '@ant-design/icons';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { downloadFile } from '../../api/download';
import { ApiError } from '../../api/http';
import { analysisApi, yearSummaryPath, type FeedbackYearNeed, type FeedbackYearRecurringTopic, type FeedbackYearSummary } from '../../api/feedbackAnalysis';
import { ErrorState } from '../../components/ErrorPages';
import { withAppContext } from '../../components/withAppContext';
import { formatDateTime } from '../documents/format';
import { useDepartments } from '../feedback/departments';
import { echarts } from './charts';
import { barOption, durationFigures, monthOption, pieOption } from './chartOptions';

const FIRST_YEAR = 2000;

/** The year in the URL (?year=), from 2000 to this year; this year otherwise. */
export function yearOf(params: URLSearchParams, now = dayjs()): number {
  const y = Number(params.get('year'));
  return Number.isInteger(y) && y >= FIRST_YEAR && y <= now.year() ? y : now.year();
}

/**
 * The year-end analysis of customer feedback (4.6, /feedback/report): the year's items by month, kind, channel, class
 * and handling department, how long the first response and the resolution took (median, 90th percentile), the topics
 * that recurred across clients, the needs noted, the serious complaints; the same summary as XLSX and PDF for the
 * management representative. Market and the leader.
 */
function YearReport() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const year = yearOf(params);
  const summary = useQuery({ queryKey: ['feedback', 'year', year], queryFn: () => analysisApi.yearSummary(year) });
  const [downloading, setDownloading] = useState<'xlsx' | 'pdf'>();

  const download = async (format: 'xlsx' | 'pdf') => {
    setDownloading(format);
    try {
      await downloadFile(yearSummaryPath(year, format), `feedback-year-summary-${year}.${format}`);
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setDownloading(undefined);
    }
  };

  return (
    <Card
      title={<span data-testid="report-title">{t('analysis.report.title', { year })}</span>}
      extra={
        <Space wrap>
          <DatePicker picker="year" allowClear={false} value={dayjs(`${year}-01-01`)} data-testid="report-year"
            disabledDate={(d) => d.year() < FIRST_YEAR || d.year() > dayjs().year()}
            onChange={(d) => d && setParams(d.year() === dayjs().year() ? {} : { year: String(d.year()) }, { replace: true })} />
          <Button icon={<DownloadOutlined />} loading={downloading === 'xlsx'} onClick={() => void download('xlsx')} data-testid="report-xlsx">
            {t('analysis.report.xlsx')}
          </Button>
          <Button icon={<DownloadOutlined />} loading={downloading === 'pdf'} onClick={() => void download('pdf')} data-testid="report-pdf">
            {t('analysis.report.pdf')}
          </Button>
        </Space>
      }
    >
      {summary.isError ? <ErrorState error={summary.error} onRetry={() => void summary.refetch()} /> : null}
      {summary.isPending ? <Spin size="large" style={{ display: 'block', margin: '80px auto' }} /> : null}
      {summary.data ? <Report s={summary.data} /> : null}
    </Card>
  );
}

function Report({ s }: { s: FeedbackYearSummary }) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const units = { h: t('analysis.report.hoursUnit'), d: t('analysis.report.daysUnit') };
  const first = durationFigures(s.firstResponseHours, units);
  const resolution = durationFigures(s.resolutionHours, units);
  const items = t('analysis.report.items');
  const chart = (testId: string, option: object, height = 300) => (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height }} />
    </div>
  );
  const percentiles = <Tooltip title={t('analysis.report.percentileHelp')}><InfoCircleOutlined style={{ marginInlineStart: 4 }} /></Tooltip>;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="report">
      {s.received === 0 ? <Alert type="info" showIcon message={t('analysis.report.noItems', { year: s.year })} /> : null}
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}><Card size="small"><Statistic title={t('analysis.report.received')} value={s.received} valueStyle={{ fontSize: 28 }} data-testid="report-received" /></Card></Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('analysis.report.seriousComplaints')} value={s.seriousComplaints}
              valueStyle={{ fontSize: 28, color: s.seriousComplaints ? '#cf1322' : undefined }} data-testid="report-serious" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" data-testid="report-first-response">
            <Typography.Text type="secondary">{t('analysis.report.firstResponse')}{percentiles}</Typography.Text>
            <div style={{ fontSize: 18, marginTop: 6 }}>{t('analysis.report.median')} <b>{first.median}</b> · P90 <b>{first.p90}</b></div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('analysis.report.measured', { count: first.count })}</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" data-testid="report-resolution">
            <Typography.Text type="secondary">{t('analysis.report.resolution')}{percentiles}</Typography.Text>
            <div style={{ fontSize: 18, marginTop: 6 }}>{t('analysis.report.median')} <b>{resolution.median}</b> · P90 <b>{resolution.p90}</b></div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('analysis.report.measured', { count: resolution.count })}</Typography.Text>
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('analysis.report.byMonth')}>
            {chart('chart-month', monthOption(s, (m) => t('analysis.report.month', { month: m }), { received: items, cumulative: t('analysis.report.cumulative') }))}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('analysis.report.byKind')}>
            {chart('chart-kind', barOption(s.byKind, (k) => t(`feedback.kinds.${k}`, { defaultValue: k ?? '' }), items))}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('analysis.report.byChannel')}>
            {chart('chart-channel', pieOption(s.byChannel, (k) => t(`feedback.channels.${k}`, { defaultValue: k ?? '' }), items))}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('analysis.report.byClass')}>
            {chart('chart-class', pieOption(s.byClass, (k) => (k ? t(`feedback.classShort.${k}`, { defaultValue: k }) : t('analysis.report.notClassified')), items))}
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card size="small" title={t('analysis.report.byDepartment')}>
            {s.byDepartment.length
              ? chart('chart-department', barOption(s.byDepartment, (k) => (k ? departments.name(k) : t('analysis.report.notAssigned')), items))
              : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          </Card>
        </Col>
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('analysis.report.recurring', { min: s.minClients })}>
            <Table<FeedbackYearRecurringTopic> size="small" rowKey="topic" pagination={false} data-testid="report-recurring"
              dataSource={s.recurringTopics} locale={{ emptyText: t('analysis.report.noRecurring') }}
              columns={[
                { title: t('analysis.issues.topic'), dataIndex: 'topic', render: (v: string) => <Tag color="blue">{v}</Tag> },
                { title: t('analysis.issues.clients'), dataIndex: 'clients', width: 80, align: 'right' },
                { title: t('analysis.issues.items'), dataIndex: 'items', width: 80, align: 'right' },
                { title: t('analysis.issues.firstSeen'), dataIndex: 'firstSeen', width: 150, render: (v: string) => formatDateTime(v) },
                { title: t('analysis.issues.lastSeen'), dataIndex: 'lastSeen', width: 150, render: (v: string) => formatDateTime(v) },
              ]} />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card size="small" title={t('analysis.report.needs')}>
            <Table<FeedbackYearNeed> size="small" rowKey="kind" pagination={false} data-testid="report-needs"
              dataSource={s.needs}
              columns={[
                { title: t('analysis.report.needKind'), dataIndex: 'kind', width: 120, render: (v: string) => t(`feedback.kinds.${v}`, { defaultValue: v }) },
                { title: t('analysis.issues.items'), dataIndex: 'items', width: 70, align: 'right' },
                {
                  title: t('analysis.report.topTopics'), key: 'top',
                  render: (_, n) => (n.topTopics.length
                    ? <Space size={[4, 4]} wrap>{n.topTopics.map((x) => <Tag key={x.topic}>{x.topic} · {x.items}</Tag>)}</Space>
                    : <Typography.Text type="secondary">—</Typography.Text>),
                },
              ]} />
          </Card>
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('analysis.report.period', { from: formatDateTime(s.from), to: formatDateTime(s.to) })}
      </Typography.Text>
    </Space>
  );
}

export default withAppContext(YearReport);
