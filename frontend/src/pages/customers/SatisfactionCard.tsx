import { Card, Space, Statistic, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { surveysApi } from '../../api/surveys';
import { ANNUAL_COLOR, annualStatus, formatFigure, yearParam } from '../surveys/analysis';

/**
 * This year's customer satisfaction (4.7.2) on the overview, for whoever may read it (the leader's home): the figure
 * against the target, met or not, and the way to the annual page. Asked for when the overview opens; a failure
 * stays inside the card, the overview's charts are not affected. Its words are the customers bundle's (the
 * overview's), so the overview loads no other.
 */
export function SatisfactionCard() {
  const { t } = useTranslation();
  const year = yearParam(null);
  const annual = useQuery({ queryKey: ['surveys', 'annual', year], queryFn: () => surveysApi.annual(year) });
  const r = annual.data;
  const status = r ? annualStatus(r) : undefined;

  return (
    <Card size="small" title={t('overview.satisfaction.title')} loading={annual.isPending} data-testid="satisfaction-card"
      extra={<Link to="/surveys/annual" data-testid="satisfaction-details">{t('overview.satisfaction.details')}</Link>}>
      {annual.isError ? (
        <Typography.Text type="secondary" data-testid="satisfaction-unavailable">{t('overview.satisfaction.unavailable')}</Typography.Text>
      ) : r && status === 'suppressed' ? (
        <Typography.Text type="secondary" data-testid="satisfaction-suppressed">
          {t('overview.satisfaction.suppressed', { year: r.year, min: r.minGroupSize })}
        </Typography.Text>
      ) : r && status ? (
        <Space align="end" size="large" wrap>
          <Statistic title={t('overview.satisfaction.figure', { year: r.year })} value={formatFigure(r.figure)}
            valueStyle={{ color: ANNUAL_COLOR[status] }} data-testid="satisfaction-figure" />
          <Space direction="vertical" size={4} style={{ paddingBottom: 6 }}>
            <Tag color={status === 'met' ? 'success' : 'error'} data-testid="satisfaction-met">{t(`overview.satisfaction.${status}`)}</Tag>
            <Typography.Text type="secondary">{t('overview.satisfaction.target', { target: formatFigure(r.target) })}</Typography.Text>
          </Space>
        </Space>
      ) : null}
    </Card>
  );
}
