import { useState } from 'react';
import { App, Button, Card, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { surveysApi, type CampaignView } from '../../api/surveys';
import { useRoles } from '../../auth/useRoles';
import { ErrorState } from '../../components/ErrorPages';
import { withAppContext } from '../../components/withAppContext';
import { formatDateTime } from '../documents/format';
import { campaignState, formatRate } from './campaigns';
import { CampaignStateTag } from './labels';
import { StartCampaignModal } from './StartCampaignModal';

/** The quarterly satisfaction-survey campaigns, newest quarter first, with their response rates. */
function CampaignList() {
  const { t } = useTranslation();
  const { can } = useRoles();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [starting, setStarting] = useState(false);
  const list = useQuery({ queryKey: ['surveys', 'campaigns'], queryFn: surveysApi.campaigns });

  return (
    <Card
      title={t('surveys.campaigns.title')}
      extra={can('surveys:manage') ? (
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setStarting(true)} data-testid="campaign-start">
          {t('surveys.campaigns.start')}
        </Button>
      ) : null}
    >
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<CampaignView>
          data-testid="campaigns-table"
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data ?? []}
          locale={{ emptyText: list.isFetching ? t('common.loading') : t('surveys.campaigns.empty') }}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
          columns={[
            {
              title: t('surveys.campaigns.quarter'), key: 'quarter', width: 110,
              render: (_, c) => <Link to={`/surveys/campaigns/${c.id}`} data-testid={`campaign-${c.quarter}`}>{c.quarter}</Link>,
            },
            {
              title: t('surveys.campaigns.template'), key: 'template', width: 150,
              render: (_, c) => t('surveys.campaigns.templateVersion', { code: c.templateCode, version: c.templateVersion }),
            },
            { title: t('surveys.campaigns.dispatched'), dataIndex: 'dispatched', width: 90, align: 'right' },
            { title: t('surveys.campaigns.answered'), dataIndex: 'answered', width: 90, align: 'right' },
            { title: t('surveys.campaigns.responseRate'), key: 'rate', width: 100, align: 'right', render: (_, c) => formatRate(c.responseRate) },
            { title: t('surveys.campaigns.status'), key: 'state', width: 120, render: (_, c) => <CampaignStateTag state={campaignState(c)} /> },
            {
              title: t('surveys.campaigns.createdAt'), key: 'created', width: 200,
              render: (_, c) => <>{formatDateTime(c.createdAt)} <Typography.Text type="secondary">{c.createdBy}</Typography.Text></>,
            },
          ]}
        />
      )}
      <StartCampaignModal
        open={starting}
        onClose={() => setStarting(false)}
        onStarted={(campaign) => {
          setStarting(false);
          void message.success(t('surveys.campaigns.started', { quarter: campaign.quarter, count: campaign.dispatched ?? 0 }));
          void queryClient.invalidateQueries({ queryKey: ['surveys', 'campaigns'] });
          void navigate(`/surveys/campaigns/${campaign.id}`);
        }}
      />
    </Card>
  );
}

export default withAppContext(CampaignList);
