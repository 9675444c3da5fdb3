import { useState, type HTMLAttributes, type ReactNode } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Empty, Row, Segmented, Space, Spin, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DownloadOutlined, FileTextOutlined, LeftOutlined, MinusOutlined, RightOutlined } from '@ant-design/icons';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { ApiError } from '../../api/http';
import { SEGMENTS, surveysApi, type QuarterGroup, type QuarterItem, type QuarterReport, type Segment } from '../../api/surveys';
import { useRoles } from '../../auth/useRoles';
import { ErrorState } from '../../components/ErrorPages';
import { withAppContext } from '../../components/withAppContext';
import { echarts } from '../analysis/charts';
import { nameOf, useReference } from '../customers/reference';
import {
  anySuppressed, changeTrend, distributionShares, formatChange, formatFigure, quarterState, segmentParam, trendPoints, trendRequests,
  TREND_COLOR, type Trend,
} from './analysis';
import { dimensionOption, segmentChartHeight, segmentOption, trendOption, type Label } from './analysisCharts';
import { addQuarters, FIRST_QUARTER, LAST_QUARTER, quarterParam, quarterParts } from './quarter';

/** The quarter's first day, for antd's quarter picker. */
function quarterDay(quarter: string): Dayjs {
  const { year, quarter: q } = quarterParts(quarter);
  return dayjs(new Date(year, (q - 1) * 3, 1));
}
const quarterOfDay = (d: Dayjs) => `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`;

const aggregatesKey = (quarter: string, by: Segment, language: string) => ['surveys', 'aggregates', quarter, by, language];

/**
 * The quarter's satisfaction (4.7.1, /surveys/dashboard): the index with its change against the previous quarter,
 * the response rate beside it, responses and clients asked; the dimensions beside the previous quarter's, the groups
 * of a segment, every rated question with its distribution, and the overall index over the last four quarters.
 * Quarter and segment in the address (?quarter=2026-Q3&by=PROVINCE). Market, the leader, admin and auditors (who
 * see aggregates only: no client is named here, and no campaign is linked for them).
 */
function Dashboard() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const quarter = quarterParam(params.get('quarter'));
  const by = segmentParam(params.get('by'));
  const report = useQuery({
    queryKey: aggregatesKey(quarter, by, i18n.language),
    queryFn: () => surveysApi.aggregates(quarter, by),
  });
  const [downloading, setDownloading] = useState(false);

  const show = (next: { quarter?: string; by?: Segment }) => {
    const q = next.quarter ?? quarter;
    const b = next.by ?? by;
    setParams({ quarter: q, ...(b === 'NONE' ? {} : { by: b }) }, { replace: true });
  };
  const download = async () => {
    setDownloading(true);
    try {
      await surveysApi.downloadAggregatesCsv(quarter, by);
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Card
      title={<span data-testid="dashboard-title">{t('surveys.dashboard.title', { quarter })}</span>}
      extra={
        <Space wrap>
          <Space.Compact>
            <Tooltip title={t('surveys.dashboard.previous')}>
              <Button icon={<LeftOutlined />} disabled={quarter === FIRST_QUARTER} aria-label={t('surveys.dashboard.previous')}
                onClick={() => show({ quarter: addQuarters(quarter, -1) })} data-testid="dashboard-previous" />
            </Tooltip>
            <DatePicker picker="quarter" allowClear={false} inputReadOnly value={quarterDay(quarter)} format={quarterOfDay}
              disabledDate={(d) => d.year() < 2000 || d.year() > 2099} style={{ width: 120 }} data-testid="dashboard-quarter"
              onChange={(d) => d && show({ quarter: quarterOfDay(d) })} />
            <Tooltip title={t('surveys.dashboard.next')}>
              <Button icon={<RightOutlined />} disabled={quarter === LAST_QUARTER} aria-label={t('surveys.dashboard.next')}
                onClick={() => show({ quarter: addQuarters(quarter, 1) })} data-testid="dashboard-next" />
            </Tooltip>
          </Space.Compact>
          <Segmented<Segment> value={by} onChange={(b) => show({ by: b })} data-testid="dashboard-segment"
            options={SEGMENTS.map((s) => ({ value: s, label: <span data-testid={`segment-${s}`}>{t(`surveys.dashboard.segments.${s}`)}</span> }))} />
          <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void download()} data-testid="dashboard-csv">
            {t('surveys.analysis.csv')}
          </Button>
          <Link to={`/surveys/reports/${quarter}`} data-testid="dashboard-report">
            <Button icon={<FileTextOutlined />}>{t('surveys.report.open')}</Button>
          </Link>
        </Space>
      }
    >
      {report.isError ? <ErrorState error={report.error} onRetry={() => void report.refetch()} /> : null}
      {report.isPending ? <Spin size="large" style={{ display: 'block', margin: '80px auto' }} /> : null}
      {report.data ? <QuarterView report={report.data} by={by} /> : null}
    </Card>
  );
}

function QuarterView({ report, by }: { report: QuarterReport; by: Segment }) {
  const { t } = useTranslation();
  const { can } = useRoles();
  const state = quarterState(report);
  const min = report.minGroupSize;
  const rule = anySuppressed(report) && state !== 'noCampaign'
    ? <Alert type="info" showIcon message={t('surveys.analysis.rule', { min })} data-testid="dashboard-rule" />
    : null;

  if (state === 'noCampaign') {
    return (
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Empty data-testid="dashboard-empty" description={t('surveys.dashboard.noCampaign', { quarter: report.quarter })}>
          {/* the campaigns are market's, the leader's and admin's; auditors read aggregates only */}
          {can('surveys:read') ? <Link to="/surveys/campaigns">{t('surveys.dashboard.toCampaigns')}</Link> : null}
        </Empty>
        <TrendCard report={report} />
      </Space>
    );
  }
  if (state === 'suppressed') {
    return (
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        {rule}
        <Empty data-testid="dashboard-suppressed" description={t('surveys.dashboard.overallSuppressed', { quarter: report.quarter, min })} />
        <TrendCard report={report} />
      </Space>
    );
  }

  const overall = report.overall;
  const chart = (testId: string, option: object, height = 300) => (
    <div data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height }} />
    </div>
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="dashboard">
      {rule}
      {report.templateCode ? (
        <Typography.Text type="secondary" data-testid="dashboard-template">
          {t('surveys.dashboard.template', { code: report.templateCode, version: report.templateVersion, previous: report.previousQuarter })}
        </Typography.Text>
      ) : null}
      <Kpis overall={overall} previousQuarter={report.previousQuarter} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title={t('surveys.dashboard.byDimension')}>
            {overall.dimensions.length
              ? chart('chart-dimensions', dimensionOption(overall.dimensions, { current: report.quarter, previous: report.previousQuarter }))
              : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <TrendCard report={report} />
        </Col>
        {by !== 'NONE' ? (
          <Col xs={24}>
            <SegmentCard report={report} by={by} />
          </Col>
        ) : null}
      </Row>
      <Card size="small" title={t('surveys.dashboard.items')}>
        <ItemsTable group={overall} min={min} />
      </Card>
    </Space>
  );
}

const TREND_ICON: Record<Trend, ReactNode> = { up: <ArrowUpOutlined />, down: <ArrowDownOutlined />, flat: <MinusOutlined /> };

/** Index (with its change), response rate beside it, responses, clients asked. */
function Kpis({ overall, previousQuarter }: { overall: QuarterGroup; previousQuarter: string }) {
  const { t } = useTranslation();
  const trend = changeTrend(overall.change);
  const rate = formatFigure(overall.responseRate);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={t('surveys.analysis.index')} value={formatFigure(overall.index)} suffix="/ 100"
            valueStyle={{ fontSize: 28 }} data-testid="kpi-index" />
          {trend ? (
            <Typography.Text style={{ color: TREND_COLOR[trend] }} data-testid="kpi-change" data-trend={trend}>
              {TREND_ICON[trend]} {formatChange(overall.change)} {t('surveys.dashboard.vsPrevious', { quarter: previousQuarter })}
            </Typography.Text>
          ) : (
            <Typography.Text type="secondary" data-testid="kpi-change" data-trend="none">
              {t('surveys.dashboard.noPrevious', { quarter: previousQuarter })}
            </Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small" style={{ height: '100%' }}>
          <Statistic title={t('surveys.analysis.responseRate')} value={rate} suffix={rate === '—' ? undefined : '%'}
            valueStyle={{ fontSize: 28 }} data-testid="kpi-rate" />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small" style={{ height: '100%' }}>
          <Statistic title={t('surveys.analysis.responses')} value={overall.responses ?? '—'} valueStyle={{ fontSize: 28 }} data-testid="kpi-responses" />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small" style={{ height: '100%' }}>
          <Statistic title={t('surveys.analysis.dispatched')} value={overall.dispatched ?? '—'} valueStyle={{ fontSize: 28 }} data-testid="kpi-dispatched" />
        </Card>
      </Col>
    </Row>
  );
}

/** The groups of the segment; a suppressed one a grey label. Names of schemes and provinces from customer-service's lists. */
function SegmentCard({ report, by }: { report: QuarterReport; by: Segment }) {
  const { t } = useTranslation();
  const reference = useReference();
  const min = report.minGroupSize;
  const label: Label = (key) => {
    if (!key) {
      return by === 'GRADE' ? t('surveys.dashboard.ungraded') : t('surveys.dashboard.unknownGroup');
    }
    if (by === 'GRADE') {
      return t('surveys.dashboard.gradeGroup', { grade: key });
    }
    if (by === 'SCHEME') {
      const name = nameOf(reference.data?.schemes, key);
      return name && name !== key ? `${key} ${name}` : key;
    }
    return by === 'PROVINCE' ? nameOf(reference.data?.provinces, key) : key;
  };
  const option = segmentOption(report.groups, label, {
    series: t('surveys.analysis.index'),
    suppressed: t('surveys.analysis.suppressedLabel', { min }),
    secondary: t('surveys.dashboard.secondary', { min }),
    responses: t('surveys.analysis.responses'),
    responseRate: t('surveys.analysis.responseRate'),
  });
  return (
    <Card size="small" title={t('surveys.dashboard.bySegment', { segment: t(`surveys.dashboard.segments.${by}`) })}>
      {report.groups.length ? (
        <div data-testid="chart-segments">
          <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: segmentChartHeight(report.groups.length) }} />
        </div>
      ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
    </Card>
  );
}

/**
 * The overall index over the last four quarters: the selected quarter's report and as few others as it takes (each
 * report also names the quarter before it, when that was shown). A quarter without a figure is a gap.
 */
function TrendCard({ report }: { report: QuarterReport }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const quarter = report.quarter;
  const other = (q: string) => queryClient.getQueryData<QuarterReport>(aggregatesKey(q, 'NONE', i18n.language));
  // the reports in hand: the selected one, and whatever the cache already has (those asked for below land there)
  const loaded: Record<string, QuarterReport | undefined> = {};
  for (let i = 1; i < 4; i++) {
    const q = addQuarters(quarter, -i);
    loaded[q] = other(q);
  }
  loaded[quarter] = report;
  const requests = trendRequests(quarter, loaded);
  const results = useQueries({
    queries: requests.map((q) => ({
      queryKey: aggregatesKey(q, 'NONE', i18n.language),
      queryFn: () => surveysApi.aggregates(q, 'NONE'),
    })),
  });
  results.forEach((r, i) => {
    if (r.data) {
      loaded[requests[i]] = r.data;
    }
  });
  const points = trendPoints(quarter, loaded);
  if (!points.some((p) => p.index !== null)) {
    return null;
  }
  return (
    <Card size="small" title={t('surveys.dashboard.trend')}>
      <div data-testid="chart-trend">
        <ReactEChartsCore echarts={echarts} option={trendOption(points, t('surveys.analysis.index'))} notMerge style={{ height: 300 }} />
      </div>
    </Card>
  );
}

const LIKERT_COLORS = ['#cf1322', '#fa8c16', '#fadb14', '#95de64', '#389e0d'];

/** How many answered 1 … 5, as one small stacked bar (a tooltip gives the counts). */
function DistributionBar({ distribution }: { distribution: number[] }) {
  const { t } = useTranslation();
  const shares = distributionShares(distribution);
  return (
    <Tooltip title={distribution.map((n, i) => <div key={i}>{i + 1} {t(`surveys.likert.${i + 1}`)}: {n}</div>)}>
      <div data-testid="item-distribution" data-counts={distribution.join(',')}
        style={{ display: 'flex', width: 140, height: 12, borderRadius: 2, overflow: 'hidden', background: '#f0f0f0' }}>
        {shares.map((share, i) => (share > 0 ? <span key={i} style={{ width: `${share}%`, background: LIKERT_COLORS[i] }} /> : null))}
      </div>
    </Tooltip>
  );
}

/** Every rated question: code, text, dimension, answers, mean (1–5), distribution; below the minimum only marked. */
function ItemsTable({ group, min }: { group: QuarterGroup; min: number }) {
  const { t } = useTranslation();
  const dimensionName = new Map(group.dimensions.map((d) => [d.code, d.name]));
  return (
    <Table<QuarterItem> size="small" rowKey="code" pagination={false} data-testid="dashboard-items" dataSource={group.items}
      scroll={{ x: 760 }} locale={{ emptyText: t('surveys.dashboard.noItems') }}
      onRow={(item) => ({ 'data-testid': `item-${item.code}` }) as HTMLAttributes<HTMLElement>}
      columns={[
        { title: t('surveys.dashboard.itemCode'), dataIndex: 'code', width: 70 },
        { title: t('surveys.dashboard.itemText'), dataIndex: 'text' },
        {
          title: t('surveys.dashboard.itemDimension'), key: 'dimension', width: 130,
          render: (_, item) => (item.dimension ? dimensionName.get(item.dimension) ?? item.dimension : '—'),
        },
        // an item below the minimum: no count either (as in the CSV), only the mark
        { title: t('surveys.dashboard.itemAnswers'), key: 'answers', width: 80, align: 'right', render: (_, item) => (item.distribution ? item.answers : '—') },
        {
          title: t('surveys.dashboard.itemMean'), key: 'mean', width: 110, align: 'right',
          render: (_, item) => (item.distribution
            ? formatFigure(item.mean)
            : <Tag data-testid="item-suppressed">{t('surveys.analysis.suppressedLabel', { min })}</Tag>),
        },
        {
          title: t('surveys.dashboard.itemDistribution'), key: 'distribution', width: 170,
          render: (_, item) => (item.distribution ? <DistributionBar distribution={item.distribution} /> : null),
        },
      ]} />
  );
}

export default withAppContext(Dashboard);
