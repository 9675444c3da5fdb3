import { Alert, Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import {
  FEEDBACK_CLASSES, FEEDBACK_KINDS, FEEDBACK_STATUSES, feedbackApi,
  type FeedbackClass, type FeedbackItem, type FeedbackKind, type FeedbackStatus,
} from '../../api/feedback';
import { useRoles } from '../../auth/useRoles';
import { ErrorState } from '../../components/ErrorPages';
import { withAppContext } from '../../components/withAppContext';
import { formatDateTime } from '../documents/format';
import { useDepartments } from './departments';
import { dueStates, rowProps } from './due';
import { ClassTag, customerOf, FeedbackStatusTag, OverdueTag } from './labels';
import { fromSorter, inboxParams, inboxQuery, PAGE_SIZES, sortOrder, toServiceQuery, type InboxQuery, type SortField } from './listQuery';
import './feedback.css';

/**
 * The feedback inbox (/feedback): market sees every item, a department only what it posted or was assigned (the
 * service decides); filters, sort and page live in the URL; overdue rows are red. `escalated` is the leader's view
 * (/feedback/escalated): the same list, always status ESCALATED.
 */
function FeedbackList({ escalated = false }: { escalated?: boolean }) {
  const { t } = useTranslation();
  const { can, roles } = useRoles();
  const { name: departmentName, options: departmentOptions } = useDepartments();
  const [params, setParams] = useSearchParams();
  // waiting for the leader: ESCALATED (class c), or open and escalated by the scheduler for a missed due time
  const fixed: Partial<InboxQuery> = escalated ? { escalated: true } : {};
  const query = inboxQuery(params, fixed);
  const list = useQuery({
    queryKey: ['feedback', 'list', escalated, params.toString()],
    queryFn: () => feedbackApi.list(toServiceQuery(query)),
    placeholderData: keepPreviousData,
  });
  const go = (next: Partial<InboxQuery>) => setParams(inboxParams({ ...query, page: 1, ...next }, fixed));
  // a department user sees only the department's own items: the department filter says nothing there
  const ownOnly = !roles.some((r) => r === 'market' || r === 'leader' || r === 'admin');
  const title = escalated ? t('feedback.escalatedTitle') : ownOnly ? t('feedback.departmentTitle') : t('feedback.inboxTitle');
  const hint = escalated ? t('feedback.escalatedHint') : ownOnly ? t('feedback.departmentHint') : undefined;
  const sortable = (field: SortField) => ({ key: field, sorter: true, sortOrder: sortOrder(query, field) });

  return (
    <Card
      title={<span data-testid="feedback-list-title">{title}</span>}
      extra={can('feedback:post') && !escalated
        ? <Link to="/feedback/new"><Button type="primary" icon={<PlusOutlined />} data-testid="feedback-new">{t('feedback.newButton')}</Button></Link>
        : null}
    >
      {hint ? <Alert type="info" showIcon style={{ marginBottom: 16 }} message={hint} /> : null}
      <Space style={{ marginBottom: 16 }} wrap>
        {query.topic ? (
          <Tag closable color="blue" data-testid="filter-topic" style={{ fontSize: 14, padding: '4px 8px' }} onClose={() => go({ topic: undefined })}>
            {t('feedback.topicFilter', { topic: query.topic })}
          </Tag>
        ) : null}
        <Input.Search
          key={query.q ?? ''}
          id="feedback-q"
          allowClear
          style={{ width: 280 }}
          placeholder={t('feedback.searchPlaceholder')}
          defaultValue={query.q}
          onSearch={(q) => go({ q: q.trim() || undefined })}
        />
        {escalated ? null : (
          <Select<FeedbackStatus | undefined>
            data-testid="filter-status" allowClear style={{ width: 130 }} placeholder={t('feedback.fields.status')}
            value={query.status} onChange={(status) => go({ status })}
            options={FEEDBACK_STATUSES.map((s) => ({ value: s, label: t(`feedback.status.${s}`) }))}
          />
        )}
        <Select<FeedbackKind | undefined>
          data-testid="filter-kind" allowClear style={{ width: 170 }} placeholder={t('feedback.fields.kind')}
          value={query.kind} onChange={(kind) => go({ kind })}
          options={FEEDBACK_KINDS.map((k) => ({ value: k, label: t(`feedback.kinds.${k}`) }))}
        />
        {escalated ? null : (
          <Select<FeedbackClass | undefined>
            data-testid="filter-class" allowClear style={{ width: 130 }} placeholder={t('feedback.fields.class')}
            value={query.class} onChange={(c) => go({ class: c })}
            options={FEEDBACK_CLASSES.map((c) => ({ value: c, label: t(`feedback.classShort.${c}`), title: t(`feedback.classes.${c}`) }))}
          />
        )}
        {ownOnly ? null : (
          <Select<string | undefined>
            data-testid="filter-department" allowClear style={{ width: 160 }} placeholder={t('feedback.fields.assignedDepartment')}
            value={query.department} onChange={(department) => go({ department })}
            options={departmentOptions}
          />
        )}
        <Select<string | undefined>
          data-testid="filter-overdue" allowClear style={{ width: 130 }} placeholder={t('feedback.overdueFilter')}
          value={query.overdue === undefined ? undefined : String(query.overdue)}
          onChange={(v) => go({ overdue: v === undefined ? undefined : v === 'true' })}
          options={[{ value: 'true', label: t('feedback.overdueOnly') }, { value: 'false', label: t('feedback.notOverdue') }]}
        />
      </Space>
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<FeedbackItem>
          data-testid="feedback-table"
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: list.isFetching ? t('common.loading') : escalated ? t('feedback.emptyEscalated') : t('feedback.empty') }}
          scroll={{ x: 1000 }}
          onRow={(row) => rowProps(row) as object}
          onChange={(_, __, sorter) => {
            const one = Array.isArray(sorter) ? sorter[0] : sorter;
            go({ sort: fromSorter(one?.columnKey, one?.order), page: query.page });
          }}
          pagination={{
            current: query.page, pageSize: query.size, total: list.data?.total ?? 0, showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES.map(String), showTotal: (total) => t('common.total', { total }),
            onChange: (page, size) => go({ page: size !== query.size ? 1 : page, size }),
          }}
          columns={[
            {
              title: t('feedback.fields.reference'), width: 170, ...sortable('reference'),
              render: (_, f) => (
                <Space direction="vertical" size={2}>
                  <Link to={`/feedback/${f.id}`} style={{ whiteSpace: 'nowrap' }}>{f.reference}</Link>
                  <Tag color={f.kind === 'COMPLAINT' || f.kind === 'APPEAL' ? 'magenta' : undefined} style={{ marginInlineEnd: 0 }}>{t(`feedback.kinds.${f.kind}`)}</Tag>
                </Space>
              ),
            },
            {
              title: `${t('feedback.fields.customer')} / ${t('feedback.fields.words')}`, key: 'customer',
              render: (_, f) => (
                <Space direction="vertical" size={0} style={{ maxWidth: 420 }}>
                  <span>
                    <Link to={`/feedback/${f.id}`}>{customerOf(f)}</Link>
                    {f.customerId ? null : <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 6 }}>{t('feedback.prospect')}</Typography.Text>}
                  </span>
                  <Typography.Text type="secondary" ellipsis={{ tooltip: f.words }} style={{ maxWidth: 420, fontSize: 12 }}>{f.words}</Typography.Text>
                </Space>
              ),
            },
            {
              title: t('feedback.fields.status'), width: 150, ...sortable('status'),
              render: (_, f) => (
                <Space size={4} wrap>
                  <FeedbackStatusTag status={f.status} />
                  {f.class ? <ClassTag value={f.class} /> : null}
                  {f.overdue ? <OverdueTag /> : null}
                </Space>
              ),
            },
            {
              title: <span style={{ whiteSpace: 'nowrap' }}>{t('feedback.fields.assignedDepartment')}</span>, key: 'assigned', width: 110,
              render: (_, f) => departmentName(f.assignedDepartment),
            },
            { title: t('feedback.fields.receivedAt'), width: 140, ...sortable('receivedAt'), render: (_, f) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(f.receivedAt)}</span> },
            {
              title: t('feedback.fields.resolutionDueAt'), width: 140, ...sortable('resolutionDueAt'),
              render: (_, f) => (dueStates(f).find((d) => d.key === 'resolution')?.overdue
                ? <Typography.Text type="danger" style={{ whiteSpace: 'nowrap' }}>{formatDateTime(f.resolutionDueAt)}</Typography.Text>
                : <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(f.resolutionDueAt)}</span>),
            },
          ]}
        />
      )}
    </Card>
  );
}

export default withAppContext(FeedbackList);
