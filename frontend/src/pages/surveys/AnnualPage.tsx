import { useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Empty, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { ApiError } from '../../api/http';
import { surveysApi, type AnnualQuarter, type AnnualReport } from '../../api/surveys';
import { ErrorState } from '../../components/ErrorPages';
import { withAppContext } from '../../components/withAppContext';
import { ANNUAL_COLOR, annualStatus, FIRST_YEAR, formatFigure, LAST_YEAR, yearParam } from './analysis';

/**
 * The year's customer satisfaction (4.7.2, /surveys/annual): the four quarters, the year's index, the serious
 * dissatisfaction and complaint events with what they deduct, the figure against the target — met or not — and the
 * criteria it was worked out by; the same as CSV. Year in the address (?year=2026). Market, the leader, admin and
 * auditors.
 */
function AnnualPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const year = yearParam(params.get('year'));
  const report = useQuery({ queryKey: ['surveys', 'annual', year], queryFn: () => surveysApi.annual(year) });
  const [downloading, setDownloading] = useState(false);

  const download = async () => {
    setDownloading(true);
    try {
      await surveysApi.downloadAnnualCsv(year);
    } catch (e) {
      void message.error(e instanceof ApiError ? e.message : String(e));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Card
      title={<span data-testid="annual-title">{t('surveys.annual.title', { year })}</span>}
      extra={
        <Space wrap>
          <DatePicker picker="year" allowClear={false} inputReadOnly value={dayjs(new Date(year, 0, 1))} data-testid="annual-year"
            disabledDate={(d) => d.year() < FIRST_YEAR || d.year() > LAST_YEAR}
            onChange={(d) => d && setParams({ year: String(d.year()) }, { replace: true })} />
          <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void download()} data-testid="annual-csv">
            {t('surveys.analysis.csv')}
          </Button>
        </Space>
      }
    >
      {report.isError ? <ErrorState error={report.error} onRetry={() => void report.refetch()} /> : null}
      {report.isPending ? <Spin size="large" style={{ display: 'block', margin: '80px auto' }} /> : null}
      {report.data ? <Annual report={report.data} /> : null}
    </Card>
  );
}

function Annual({ report: r }: { report: AnnualReport }) {
  const { t } = useTranslation();
  const status = annualStatus(r);
  const min = r.minGroupSize;
  const anySuppressed = r.suppressed || r.quarters.some((q) => q.suppressed);
  const points = (value: number | string | null | undefined) => t('surveys.annual.points', { value: formatFigure(value) });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="annual">
      {anySuppressed ? <Alert type="info" showIcon message={t('surveys.analysis.rule', { min })} data-testid="annual-rule" /> : null}
      {status === 'suppressed' ? (
        <Empty data-testid="annual-suppressed" description={t('surveys.annual.suppressed', { year: r.year, min })} />
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={t('surveys.annual.figure')} value={formatFigure(r.figure)} data-testid="annual-figure"
              valueStyle={{ fontSize: 36, color: status === 'suppressed' ? undefined : ANNUAL_COLOR[status] }}
              prefix={status === 'met' ? <CheckCircleFilled /> : status === 'notMet' ? <CloseCircleFilled /> : null} />
            <Space wrap style={{ marginTop: 4 }}>
              <Typography.Text type="secondary">{t('surveys.annual.target', { target: formatFigure(r.target) })}</Typography.Text>
              {status === 'suppressed' ? null : (
                <Tag color={status === 'met' ? 'success' : 'error'} data-testid="annual-met" data-met={status === 'met'}>
                  {t(`surveys.annual.${status}`)}
                </Tag>
              )}
            </Space>
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={t('surveys.annual.index')} value={formatFigure(r.index)} data-testid="annual-index" />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={t('surveys.annual.responses')} value={r.responses ?? '—'} data-testid="annual-responses" />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={t('surveys.annual.seriousEvents')} value={r.seriousEvents} data-testid="annual-serious"
              valueStyle={{ color: r.seriousEvents ? ANNUAL_COLOR.notMet : undefined }} />
          </Card>
        </Col>
        <Col xs={12} md={4}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic title={t('surveys.annual.deduction')} value={formatFigure(r.deduction)} data-testid="annual-deduction" />
          </Card>
        </Col>
      </Row>
      {status === 'suppressed' ? null : (
        <Typography.Text data-testid="annual-formula">
          {t('surveys.annual.formula', { index: formatFigure(r.index), deduction: formatFigure(r.deduction), figure: formatFigure(r.figure) })}
        </Typography.Text>
      )}
      <Card size="small" title={t('surveys.annual.quarters')}>
        <Table<AnnualQuarter> size="small" rowKey="quarter" pagination={false} dataSource={r.quarters} data-testid="annual-quarters"
          onRow={(q) => ({ 'data-testid': `annual-${q.quarter}` }) as HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: t('surveys.annual.quarter'), dataIndex: 'quarter', width: 120,
              render: (q: string) => <Link to={`/surveys/dashboard?quarter=${q}`}>{q}</Link>,
            },
            {
              title: t('surveys.analysis.index'), key: 'index', align: 'right',
              render: (_, q) => (q.suppressed
                ? <Tag data-testid="quarter-suppressed">{t('surveys.analysis.suppressedLabel', { min })}</Tag>
                : formatFigure(q.index)),
            },
            { title: t('surveys.analysis.responses'), key: 'responses', align: 'right', render: (_, q) => (q.suppressed ? '—' : q.responses ?? '—') },
            {
              title: t('surveys.analysis.responseRate'), key: 'rate', align: 'right',
              render: (_, q) => (q.suppressed || q.responseRate === null || q.responseRate === undefined ? '—' : `${formatFigure(q.responseRate)} %`),
            },
            { title: t('surveys.analysis.dispatched'), key: 'dispatched', align: 'right', render: (_, q) => (q.suppressed ? '—' : q.dispatched ?? '—') },
            {
              title: t('surveys.report.column'), key: 'report', width: 100,
              render: (_, q) => <Link to={`/surveys/reports/${q.quarter}`} data-testid={`annual-report-${q.quarter}`}>{t('surveys.report.open')}</Link>,
            },
          ]} />
      </Card>
      <Card size="small" title={t('surveys.annual.criteria')}>
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} data-testid="annual-criteria">
          <Descriptions.Item label={t('surveys.annual.weighting')}>{t(`surveys.annual.weightings.${r.weighting}`)}</Descriptions.Item>
          <Descriptions.Item label={t('surveys.annual.deductionPerEvent')}>{points(r.deductionPerEvent)}</Descriptions.Item>
          <Descriptions.Item label={t('surveys.annual.maxDeduction')}>{points(r.maxDeduction)}</Descriptions.Item>
          <Descriptions.Item label={t('surveys.annual.targetLabel')}>{formatFigure(r.target)}</Descriptions.Item>
          <Descriptions.Item label={t('surveys.annual.minGroupSize')}>{t('surveys.annual.answers', { n: min })}</Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('surveys.annual.rules', { per: formatFigure(r.deductionPerEvent), max: formatFigure(r.maxDeduction) })}
        </Typography.Paragraph>
      </Card>
    </Space>
  );
}

export default withAppContext(AnnualPage);
