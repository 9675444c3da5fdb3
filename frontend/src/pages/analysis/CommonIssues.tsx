import { useState } from 'react';
import { Alert, App, Button, Card, Table, Tabs, Tag, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { analysisApi, type CommonIssue } from '../../api/feedbackAnalysis';
import { useRoles } from '../../auth/useRoles';
import { ErrorState } from '../../components/ErrorPages';
import { withAppContext } from '../../components/withAppContext';
import { formatDateTime } from '../documents/format';
import { ForwardingList } from './ForwardingList';
import { ForwardModal } from './ForwardModal';
import { overdueRow, TrackingTag } from './labels';
import '../feedback/feedback.css';

/**
 * Common issues (共性问题, 4.6; /feedback/common-issues): the topics on items of at least minClients distinct clients
 * in the window, with how their latest forwarding stands (overdue red); market forwards one in one action to
 * departments and/or the management representative. The second tab lists the forwardings and their answers.
 */
function CommonIssues({ forwardingsOnly = false }: { forwardingsOnly?: boolean }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab = forwardingsOnly || params.get('tab') === 'forwardings' ? 'forwardings' : 'issues';
  if (forwardingsOnly) {
    return (
      <Card title={<span data-testid="forwardings-title">{t('analysis.forwardings.departmentTitle')}</span>}>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('analysis.forwardings.departmentHint')} />
        <ForwardingList />
      </Card>
    );
  }
  return (
    <Card title={<span data-testid="issues-title">{t('analysis.issues.title')}</span>}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'issues' ? {} : { tab: key }, { replace: true })}
        items={[
          { key: 'issues', label: t('analysis.issues.tab'), children: <Issues /> },
          { key: 'forwardings', label: <span data-testid="tab-forwardings">{t('analysis.forwardings.tab')}</span>, children: <ForwardingList /> },
        ]}
      />
    </Card>
  );
}

function Issues() {
  const { t } = useTranslation();
  const { can } = useRoles();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const issues = useQuery({ queryKey: ['feedback', 'common-issues'], queryFn: () => analysisApi.commonIssues() });
  const [forwarding, setForwarding] = useState<CommonIssue>();

  if (issues.isError) {
    return <ErrorState error={issues.error} onRetry={() => void issues.refetch()} />;
  }
  const d = issues.data;
  return (
    <>
      {d ? (
        <Alert type="info" showIcon style={{ marginBottom: 16 }}
          message={t('analysis.issues.hint', { min: d.minClients, from: dayjs(d.from).format('YYYY-MM-DD'), to: dayjs(d.to).format('YYYY-MM-DD') })} />
      ) : null}
      <Table<CommonIssue>
        data-testid="issues-table"
        rowKey="topic"
        size="middle"
        loading={issues.isFetching}
        dataSource={d?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: issues.isFetching ? t('common.loading') : t('analysis.issues.empty') }}
        onRow={(row) => ({ ...overdueRow(row), 'data-topic': row.topic }) as object}
        scroll={{ x: 900 }}
        columns={[
          {
            title: t('analysis.issues.topic'), dataIndex: 'topic',
            render: (v: string) => <Link to={`/feedback?topic=${encodeURIComponent(v)}`} data-testid="issue-items"><Tag color="blue" style={{ fontSize: 14, cursor: 'pointer' }}>{v}</Tag></Link>,
          },
          { title: t('analysis.issues.clients'), dataIndex: 'clients', width: 80, align: 'right' },
          { title: t('analysis.issues.items'), dataIndex: 'items', width: 80, align: 'right' },
          { title: t('analysis.issues.firstSeen'), dataIndex: 'firstSeen', width: 150, render: (v: string) => formatDateTime(v) },
          { title: t('analysis.issues.lastSeen'), dataIndex: 'lastSeen', width: 150, render: (v: string) => formatDateTime(v) },
          {
            title: t('analysis.issues.tracking'), key: 'tracking', width: 200,
            render: (_, i) => (
              <span data-testid="issue-tracking">
                <TrackingTag value={i.tracking} overdue={i.overdue} />
                {i.forwardedAt ? <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{t('analysis.issues.forwardedAt', { at: formatDateTime(i.forwardedAt) })}</Typography.Text> : null}
              </span>
            ),
          },
          {
            title: '', key: 'actions', width: 190, fixed: 'right',
            render: (_, i) => (
              <span style={{ whiteSpace: 'nowrap' }}>
                {i.forwardingId ? <Link to={`/feedback/forwardings/${i.forwardingId}`} style={{ marginInlineEnd: 12 }} data-testid="issue-forwarding">{t('analysis.issues.viewForwarding')}</Link> : null}
                {can('feedback:forward') ? (
                  <Button size="small" type={i.tracking === 'NOT_FORWARDED' ? 'primary' : 'default'} icon={<SendOutlined />}
                    onClick={() => setForwarding(i)} data-testid="issue-forward">{t('analysis.issues.forward')}</Button>
                ) : null}
              </span>
            ),
          },
        ]}
      />
      <ForwardModal issue={forwarding} onClose={() => setForwarding(undefined)}
        onDone={(f) => {
          setForwarding(undefined);
          void message.success(t('analysis.forward.done', { topic: f.topic }));
          void queryClient.invalidateQueries({ queryKey: ['feedback'] });
          navigate(`/feedback/forwardings/${f.id}`);
        }} />
    </>
  );
}

export default withAppContext(CommonIssues);
