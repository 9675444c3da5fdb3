import { Select, Space, Table, Tag, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { analysisApi, type CommonIssueForwarding, type ForwardingState } from '../../api/feedbackAnalysis';
import { ErrorState } from '../../components/ErrorPages';
import { formatDateTime } from '../documents/format';
import { useDepartments } from '../feedback/departments';
import { overdueRow, TrackingTag } from './labels';
import '../feedback/feedback.css';
import { pageParam } from '../../components/pageParam';

/** ?state=&overdue=&page= read as the list's query (anything else dropped). */
export function forwardingsQuery(params: URLSearchParams) {
  const state = params.get('state');
  const overdue = params.get('overdue');
  return {
    state: state === 'OPEN' || state === 'ANSWERED' ? (state as ForwardingState) : undefined,
    overdue: overdue === 'true' ? true : undefined,
    page: pageParam(params),
    size: 20,
  };
}

/**
 * The forwardings of common issues the user may see (market and the leader all; a department those addressed to it),
 * newest first: open or answered, overdue ones red, each recipient answered or not.
 */
export function ForwardingList() {
  const { t } = useTranslation();
  const departments = useDepartments();
  const [params, setParams] = useSearchParams();
  const query = forwardingsQuery(params);
  const list = useQuery({
    queryKey: ['feedback', 'forwardings', query],
    queryFn: () => analysisApi.forwardings(query),
    placeholderData: keepPreviousData,
  });
  const go = (next: Partial<typeof query>) => {
    const merged = { ...query, page: 1, ...next };
    const out = new URLSearchParams(params);
    for (const key of ['state', 'overdue', 'page'] as const) {
      const value = merged[key];
      if (value === undefined || (key === 'page' && value === 1)) out.delete(key);
      else out.set(key, String(value));
    }
    setParams(out, { replace: true });
  };

  return (
    <>
      <Space style={{ marginBottom: 16 }} wrap>
        <Select<ForwardingState | undefined> allowClear style={{ width: 140 }} placeholder={t('analysis.forwardings.state')} data-testid="filter-state"
          value={query.state} onChange={(state) => go({ state })}
          options={(['OPEN', 'ANSWERED'] as const).map((s) => ({ value: s, label: t(`analysis.tracking.${s}`) }))} />
        <Select<string | undefined> allowClear style={{ width: 140 }} placeholder={t('analysis.tracking.overdue')} data-testid="filter-forwarding-overdue"
          value={query.overdue ? 'true' : undefined} onChange={(v) => go({ overdue: v === 'true' ? true : undefined })}
          options={[{ value: 'true', label: t('analysis.forwardings.overdueOnly') }]} />
      </Space>
      {list.isError && !list.data ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : (
        <Table<CommonIssueForwarding>
          data-testid="forwardings-table"
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: list.isFetching ? t('common.loading') : t('analysis.forwardings.empty') }}
          onRow={(row) => overdueRow(row)}
          scroll={{ x: 900 }}
          pagination={{
            current: query.page, pageSize: query.size, total: list.data?.total ?? 0,
            showTotal: (total) => t('common.total', { total }), onChange: (page) => go({ page }),
          }}
          columns={[
            {
              title: t('analysis.issues.topic'), key: 'topic',
              render: (_, f) => <Link to={`/feedback/forwardings/${f.id}`} data-testid="forwarding-link">{f.topic}</Link>,
            },
            {
              title: t('analysis.forwardings.recipients'), key: 'recipients',
              render: (_, f) => (
                <Space size={[4, 4]} wrap>
                  {f.recipients.map((r) => (
                    <Tag key={r.department} color={r.answered ? 'green' : undefined}>{departments.name(r.department)}{r.answered ? ' ✓' : ''}</Tag>
                  ))}
                </Space>
              ),
            },
            { title: t('analysis.forwardings.forwardedAt'), key: 'at', width: 150, render: (_, f) => formatDateTime(f.forwardedAt) },
            {
              title: t('analysis.forwardings.dueAt'), key: 'due', width: 150,
              render: (_, f) => (f.overdue ? <Typography.Text type="danger">{formatDateTime(f.dueAt)}</Typography.Text> : formatDateTime(f.dueAt)),
            },
            { title: t('analysis.forwardings.state'), key: 'state', width: 160, render: (_, f) => <TrackingTag value={f.state} overdue={f.overdue} /> },
          ]}
        />
      )}
    </>
  );
}
