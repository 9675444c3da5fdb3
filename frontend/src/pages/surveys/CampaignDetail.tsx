import { useState, type HTMLAttributes } from 'react';
import { App, Button, Card, Descriptions, Input, Popconfirm, Select, Space, Spin, Table, Typography } from 'antd';
import { ArrowLeftOutlined, EditOutlined, MailOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { surveysApi, type DispatchStatus, type DispatchView } from '../../api/surveys';
import { useRoles } from '../../auth/useRoles';
import { ErrorState } from '../../components/ErrorPages';
import { withAppContext } from '../../components/withAppContext';
import { formatDateTime } from '../documents/format';
import { campaignState, dispatchActions, formatRate, remindRefusal } from './campaigns';
import { CampaignStateTag, ChannelTag, DispatchStatusTag } from './labels';
import { ManualAnswerModal } from './ManualAnswerModal';
import { pageParam } from '../../components/pageParam';

const STATUSES: DispatchStatus[] = ['PENDING', 'SENT', 'FAILED', 'ANSWERED', 'EXPIRED'];
const PAGE_SIZE = 50;

/**
 * One campaign: its quarter, questionnaire version and response rate, and its dispatches page by page (client, masked
 * e-mail, status with the failure reason, reminders, how the answer came), filtered by status and the client's name —
 * both kept in the address (?status=&q=&page=). Market reminds by hand and enters answers taken by phone or fax.
 */
function CampaignDetail() {
  const id = Number(useParams().id);
  const { t } = useTranslation();
  const { can } = useRoles();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [answering, setAnswering] = useState<DispatchView>();
  const [params, setParams] = useSearchParams();
  const status = STATUSES.find((s) => s === params.get('status'));
  const q = params.get('q') ?? '';
  const page = pageParam(params);
  const go = (change: { status?: DispatchStatus | null; q?: string; page?: number }) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(change)) {
      if (value === undefined) continue;
      if (value === null || value === '' || (key === 'page' && value === 1)) next.delete(key);
      else next.set(key, String(value));
    }
    setParams(next, { replace: true });
  };
  const loaded = useQuery({ queryKey: ['surveys', 'campaigns', id], queryFn: () => surveysApi.campaign(id), enabled: Number.isFinite(id) });
  const dispatches = useQuery({
    queryKey: ['surveys', 'campaigns', id, 'dispatches', status ?? null, q, page],
    queryFn: () => surveysApi.dispatches(id, { status, q: q || undefined, page, size: PAGE_SIZE }),
    enabled: Number.isFinite(id),
    placeholderData: keepPreviousData,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['surveys', 'campaigns'] });
  const remind = useMutation({
    mutationFn: (dispatchId: number) => surveysApi.remind(dispatchId),
    onSuccess: () => {
      void message.success(t('surveys.dispatch.reminded'));
      refresh();
    },
    onError: (e) => {
      void message.error(remindRefusal(e, t), 6);
      refresh();
    },
  });

  if (loaded.isError) {
    return <ErrorState error={loaded.error} onRetry={() => void loaded.refetch()} />;
  }
  if (!loaded.data) {
    return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  }
  const c = loaded.data;
  const manage = can('surveys:manage');
  const customerLink = (d: DispatchView) => (can('customers:read') && d.customerId
    ? <Link to={`/customers/${d.customerId}`}>{d.customerName}</Link>
    : d.customerName);

  return (
    <Card
      title={
        <Space>
          <Link to="/surveys/campaigns" aria-label={t('surveys.campaign.back')}><ArrowLeftOutlined /></Link>
          <span data-testid="campaign-title">{t('surveys.campaign.title', { quarter: c.quarter })}</span>
          <CampaignStateTag state={campaignState(c)} />
        </Space>
      }
    >
      <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('surveys.campaigns.quarter')}>{c.quarter}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.campaigns.template')}>
          <Link to={`/surveys/templates?code=${encodeURIComponent(c.templateCode ?? '')}&version=${c.templateVersion}`}>
            {t('surveys.campaigns.templateVersion', { code: c.templateCode, version: c.templateVersion })}
          </Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('surveys.campaigns.createdAt')}>{formatDateTime(c.createdAt)} {c.createdBy}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.campaigns.dispatched')}><span data-testid="campaign-dispatched">{c.dispatched}</span></Descriptions.Item>
        <Descriptions.Item label={t('surveys.campaigns.answered')}><span data-testid="campaign-answered">{c.answered}</span></Descriptions.Item>
        <Descriptions.Item label={t('surveys.campaigns.responseRate')}><span data-testid="campaign-rate">{formatRate(c.responseRate)}</span></Descriptions.Item>
      </Descriptions>
      <Space wrap style={{ width: '100%', justifyContent: 'space-between', marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>{t('surveys.campaign.dispatches')}</Typography.Title>
        <Space wrap>
          <Select<DispatchStatus>
            allowClear
            style={{ width: 150 }}
            placeholder={t('surveys.campaign.anyStatus')}
            value={status}
            onChange={(value) => go({ status: value ?? null, page: 1 })}
            options={STATUSES.map((s) => ({ value: s, label: t(`surveys.dispatch.statuses.${s}`) }))}
            data-testid="dispatch-status-filter"
          />
          <Input.Search
            key={q}
            defaultValue={q}
            allowClear
            maxLength={100}
            style={{ width: 260 }}
            placeholder={t('surveys.campaign.search')}
            onSearch={(value) => go({ q: value.trim(), page: 1 })}
            data-testid="dispatch-search"
          />
        </Space>
      </Space>
      {dispatches.isError ? <ErrorState error={dispatches.error} onRetry={() => void dispatches.refetch()} /> : null}
      <Table<DispatchView>
        data-testid="dispatches-table"
        rowKey="id"
        dataSource={dispatches.data?.items ?? []}
        loading={dispatches.isFetching}
        locale={{ emptyText: status || q ? t('surveys.campaign.noMatch') : t('surveys.campaign.noDispatches') }}
        scroll={{ x: 1200 }}
        pagination={{
          current: page, pageSize: PAGE_SIZE, total: dispatches.data?.total ?? 0, showSizeChanger: false,
          hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }), onChange: (p) => go({ page: p }),
        }}
        onRow={(d) => ({ 'data-testid': `dispatch-${d.customerId}` } as HTMLAttributes<HTMLTableRowElement>)}
        columns={[
          { title: t('surveys.dispatch.customer'), key: 'customer', width: 240, render: (_, d) => customerLink(d) },
          { title: t('surveys.dispatch.email'), key: 'email', width: 190, render: (_, d) => d.email ?? <Typography.Text type="secondary">—</Typography.Text> },
          { title: t('surveys.dispatch.status'), key: 'status', width: 200, render: (_, d) => d.status ? <DispatchStatusTag status={d.status} failureReason={d.failureReason} /> : null },
          { title: t('surveys.dispatch.sentAt'), key: 'sentAt', width: 140, render: (_, d) => formatDateTime(d.sentAt) },
          { title: t('surveys.dispatch.reminders'), key: 'reminders', width: 90, align: 'right', render: (_, d) => <span data-testid="dispatch-reminders">{d.remindersSent ?? 0}</span> },
          { title: t('surveys.dispatch.lastMailedAt'), key: 'lastMailedAt', width: 140, render: (_, d) => formatDateTime(d.lastMailedAt) },
          { title: t('surveys.dispatch.expiresAt'), key: 'expiresAt', width: 140, render: (_, d) => formatDateTime(d.expiresAt) },
          {
            title: t('surveys.dispatch.answered'), key: 'answered', width: 170,
            render: (_, d) => d.answeredChannel ? <Space size={4}><ChannelTag channel={d.answeredChannel} />{formatDateTime(d.answeredAt)}</Space> : null,
          },
          ...(manage ? [{
            title: t('common.actions'), key: 'actions', width: 200, fixed: 'right' as const,
            render: (_: unknown, d: DispatchView) => {
              const actions = dispatchActions(d, manage);
              return (
                <Space size={4} wrap>
                  {actions.remind ? (
                    <Popconfirm title={t('surveys.dispatch.remindConfirm')} okText={t('surveys.dispatch.remind')} cancelText={t('common.cancel')}
                      onConfirm={() => remind.mutate(d.id!)} okButtonProps={{ 'data-testid': 'remind-confirm' }}>
                      <Button size="small" icon={<MailOutlined />} loading={remind.isPending && remind.variables === d.id} data-testid={`remind-${d.id}`}>
                        {t('surveys.dispatch.remind')}
                      </Button>
                    </Popconfirm>
                  ) : null}
                  {actions.enter ? (
                    <Button size="small" icon={<EditOutlined />} onClick={() => setAnswering(d)} data-testid={`enter-${d.id}`}>
                      {t('surveys.dispatch.enter')}
                    </Button>
                  ) : null}
                </Space>
              );
            },
          }] : []),
        ]}
      />
      <ManualAnswerModal
        dispatch={answering}
        templateCode={c.templateCode ?? ''}
        templateVersion={c.templateVersion ?? 0}
        onClose={() => setAnswering(undefined)}
        onSaved={() => {
          setAnswering(undefined);
          void message.success(t('surveys.manual.saved'));
          refresh();
        }}
        onStale={refresh}
      />
    </Card>
  );
}

export default withAppContext(CampaignDetail);
