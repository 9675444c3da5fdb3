import { Card, Col, List, Row, Space, Tag, Typography } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { customersApi, type DueItem, type GroupBy, type StatisticsGroup, type StatisticsQuery } from '../../api/customers';
import { ErrorState } from '../../components/ErrorPages';
import { echarts } from './charts';
import { listUrl } from './filters';
import { nameOf, useReference } from './reference';
import { withAppContext } from '../../components/withAppContext';
import { useRoles } from '../../auth/useRoles';
import { SatisfactionCard } from './SatisfactionCard';

const SURVEILLANCE_DAYS = 30;
const EXPIRING_DAYS = 60;
const MONTHS_AHEAD = 12;

/**
 * The market department's and the leader's home: charts from the statistics API, each bar opening the list so
 * filtered; for whoever may read it, this year's customer satisfaction against its target.
 */
function Overview() {
  const { t } = useTranslation();
  const { can } = useRoles();
  const navigate = useNavigate();
  const reference = useReference();
  const from = dayjs().startOf('month');
  const to = from.add(MONTHS_AHEAD, 'month').subtract(1, 'day');

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {can('surveys:analysis') ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} md={12} xl={8}><SatisfactionCard /></Col>
        </Row>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <ChartCard title={t('overview.byProvince')} groupBy="PROVINCE" kind="bar"
            label={(key) => nameOf(reference.data?.provinces, key)}
            onPick={(key) => navigate(listUrl({ province: [key] }))} />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={t('overview.byStatus')} groupBy="STATUS" kind="pie"
            label={(key) => t(`status.${key}`)}
            onPick={(key) => navigate(listUrl({ status: [key] }))} />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={t('overview.byScheme')} groupBy="SCHEME" kind="pie"
            label={(key) => `${key} ${nameOf(reference.data?.schemes, key)}`}
            onPick={(key) => navigate(listUrl({ scheme: [key] }))} />
        </Col>
        <Col xs={24} xl={12}>
          <ChartCard title={t('overview.byMonth', { months: MONTHS_AHEAD })} groupBy="MONTH" kind="bar" measure="certifications"
            query={{ periodBy: 'EXPIRES_ON', expiresFrom: from.format('YYYY-MM-DD'), expiresTo: to.format('YYYY-MM-DD') }}
            label={(key) => key}
            onPick={(key) => {
              const month = dayjs(`${key}-01`);
              navigate(listUrl({ expiresFrom: month.format('YYYY-MM-DD'), expiresTo: month.endOf('month').format('YYYY-MM-DD') }));
            }} />
        </Col>
        <Col xs={24} xl={12}>
          <DueList title={t('overview.surveillanceDue', { days: SURVEILLANCE_DAYS })} kind="surveillance" days={SURVEILLANCE_DAYS} />
        </Col>
        <Col xs={24} xl={12}>
          <DueList title={t('overview.expiring', { days: EXPIRING_DAYS })} kind="expiring" days={EXPIRING_DAYS} />
        </Col>
      </Row>
    </Space>
  );
}

function ChartCard({ title, groupBy, kind, label, onPick, query = {}, measure = 'customers' }: {
  title: string;
  groupBy: GroupBy;
  kind: 'bar' | 'pie';
  label: (key: string) => string;
  onPick: (key: string) => void;
  query?: StatisticsQuery;
  measure?: 'customers' | 'certifications';
}) {
  const { t, i18n } = useTranslation();
  const stats = useQuery({
    queryKey: ['customers', 'statistics', groupBy, query, i18n.language],
    queryFn: () => customersApi.statistics(groupBy, query),
  });
  const groups: StatisticsGroup[] = stats.data ?? [];
  const unit = t(`overview.${measure}`);
  const option = kind === 'bar'
    ? {
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 24, bottom: 64 },
      xAxis: { type: 'category', data: groups.map((g) => label(g.key)), axisLabel: { rotate: 40, interval: 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', name: unit, data: groups.map((g) => g[measure]), barMaxWidth: 48, itemStyle: { color: '#1677ff' } }],
    }
    : {
      tooltip: { trigger: 'item' },
      legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle' },
      series: [{
        type: 'pie', name: unit, radius: ['35%', '65%'], center: ['35%', '50%'],
        data: groups.map((g) => ({ name: label(g.key), value: g[measure], key: g.key })),
      }],
    };
  return (
    <Card title={title} size="small" loading={stats.isLoading}>
      {stats.isError ? (
        <ErrorState error={stats.error} onRetry={() => void stats.refetch()} />
      ) : groups.length === 0 ? (
        <Typography.Text type="secondary">{t('overview.empty')}</Typography.Text>
      ) : (
        <ReactEChartsCore
          echarts={echarts}
          option={option}
          style={{ height: 300 }}
          notMerge
          onEvents={{ click: (p: { dataIndex: number }) => onPick(groups[p.dataIndex].key) }}
        />
      )}
    </Card>
  );
}

const DUE_PAGE_SIZE = 8;

/** A due list, a page at a time from the service, with the whole window's total (never a silently cut list). */
function DueList({ title, kind, days }: { title: string; kind: 'surveillance' | 'expiring'; days: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const due = useQuery({
    queryKey: ['customers', 'statistics', kind, days, page],
    queryFn: () => (kind === 'surveillance'
      ? customersApi.surveillanceDue(days, page, DUE_PAGE_SIZE)
      : customersApi.expiring(days, page, DUE_PAGE_SIZE)),
    placeholderData: keepPreviousData,
  });
  if (due.isError) {
    return <Card title={title} size="small"><ErrorState error={due.error} onRetry={() => void due.refetch()} /></Card>;
  }
  const items: DueItem[] = due.data?.items ?? [];
  const total = due.data?.total ?? 0;
  return (
    <Card title={title} size="small" extra={<Typography.Text type="secondary" data-testid={`due-total-${kind}`}>{t('common.total', { total })}</Typography.Text>}>
      <List<DueItem>
        size="small"
        loading={due.isFetching}
        dataSource={items}
        locale={{ emptyText: t('overview.noneDue') }}
        pagination={total > DUE_PAGE_SIZE ? { current: page, pageSize: DUE_PAGE_SIZE, total, size: 'small', showSizeChanger: false, onChange: setPage } : false}
        renderItem={(item) => (
          <List.Item extra={<Typography.Text strong>{item.on}</Typography.Text>}>
            <Space>
              <Tag>{item.scheme}</Tag>
              <Link to={`/customers/${item.customerId}?tab=certifications`}>{item.customerName}</Link>
              <Typography.Text type="secondary">{item.certificateNo}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

export default withAppContext(Overview);
