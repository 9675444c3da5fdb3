import { Button, Card, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { GlobalOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { APPLICATION_STATUSES, applicationsApi, type ApplicationListQuery, type ApplicationRow, type ApplicationStatus } from '../../api/applications';
import { useRoles } from '../../auth/useRoles';
import { ErrorState } from '../../components/ErrorPages';
import { withAppContext } from '../../components/withAppContext';
import { formatDateTime } from '../documents/format';
import { useApplicationForm } from './ApplicationFormFields';
import { inboxParams, inboxQuery, PAGE_SIZES } from './listQuery';
import { ApplicationStatusTag } from './StatusTag';

/** The inbox of applications: by status, scheme, province, overdue review and text; overdue reviews in red. */
function ApplicationList() {
  const { t } = useTranslation();
  const { can } = useRoles();
  const settings = useApplicationForm();
  const [params, setParams] = useSearchParams();
  const query = inboxQuery(params);
  const list = useQuery({
    queryKey: ['applications', 'list', params.toString()],
    queryFn: () => applicationsApi.list({ ...query, sort: ['updatedAt,desc'] }),
    placeholderData: keepPreviousData,
  });
  const go = (next: Partial<ApplicationListQuery>) => setParams(inboxParams({ ...query, page: 1, ...next }));
  const schemeName = (code: string) => settings.data?.schemes.find((s) => s.code === code)?.name ?? code;

  return (
    <Card
      title={t('applications.listTitle')}
      extra={
        <Space>
          <a href="/public/apply" target="_blank" rel="noreferrer"><GlobalOutlined /> {t('applications.publicForm')}</a>
          {can('applications:manage')
            ? <Link to="/applications/new"><Button type="primary" icon={<PlusOutlined />} data-testid="application-new">{t('applications.newButton')}</Button></Link>
            : null}
        </Space>
      }
    >
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search
          key={query.q ?? ''}
          id="applications-q"
          allowClear
          style={{ width: 280 }}
          placeholder={t('applications.searchPlaceholder')}
          defaultValue={query.q}
          onSearch={(q) => go({ q: q.trim() || undefined })}
        />
        <Select<ApplicationStatus | undefined>
          data-testid="filter-status" allowClear style={{ width: 150 }} placeholder={t('applications.fields.status')}
          value={query.status} onChange={(status) => go({ status })}
          options={APPLICATION_STATUSES.map((s) => ({ value: s, label: t(`applications.status.${s}`) }))}
        />
        <Select<string | undefined>
          data-testid="filter-scheme" allowClear style={{ width: 200 }} placeholder={t('applications.fields.schemes')}
          value={query.scheme} onChange={(scheme) => go({ scheme })} optionFilterProp="label" showSearch
          options={settings.data?.schemes.map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }))}
        />
        <Select<string | undefined>
          data-testid="filter-province" allowClear style={{ width: 160 }} placeholder={t('applications.fields.provinceCode')}
          value={query.province} onChange={(province) => go({ province })} optionFilterProp="label" showSearch
          options={settings.data?.provinces.map((p) => ({ value: p.code, label: p.name }))}
        />
        <Select<string | undefined>
          data-testid="filter-overdue" allowClear style={{ width: 160 }} placeholder={t('applications.overdueFilter')}
          value={query.overdue === undefined ? undefined : String(query.overdue)}
          onChange={(v) => go({ overdue: v === undefined ? undefined : v === 'true' })}
          options={[{ value: 'true', label: t('applications.overdueOnly') }, { value: 'false', label: t('applications.notOverdue') }]}
        />
      </Space>
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<ApplicationRow>
          data-testid="applications-table"
          rowKey="id"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: list.isFetching ? t('common.loading') : t('applications.empty') }}
          scroll={{ x: 1100 }}
          onRow={(row) => (row.overdue ? { style: { background: '#fff1f0' }, 'data-overdue': 'true' } as object : {})}
          pagination={{
            current: query.page, pageSize: query.size, total: list.data?.total ?? 0, showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES.map(String), showTotal: (total) => t('common.total', { total }),
            onChange: (page, size) => go({ page: size !== query.size ? 1 : page, size }),
          }}
          columns={[
            {
              title: t('applications.fields.reference'), key: 'reference', width: 170,
              render: (_, a) => <Link to={`/applications/${a.id}`} style={{ whiteSpace: 'nowrap' }}>{a.reference}</Link>,
            },
            {
              title: t('applications.fields.name'), key: 'name', width: 260,
              render: (_, a) => (
                <Space direction="vertical" size={0}>
                  <Link to={`/applications/${a.id}`}>{a.name}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>{a.creditCode}</Typography.Text>
                </Space>
              ),
            },
            {
              title: t('applications.fields.status'), key: 'status', width: 150,
              render: (_, a) => (
                <Space size={4} wrap>
                  <ApplicationStatusTag status={a.status} />
                  {a.overdue ? <Tag color="red" data-testid="overdue-tag">{t('applications.overdue')}</Tag> : null}
                  {a.enteredOnBehalf ? <Tag>{t('applications.onBehalf')}</Tag> : null}
                </Space>
              ),
            },
            {
              title: t('applications.fields.schemes'), key: 'schemes', width: 200,
              render: (_, a) => a.schemes.map((s) => <Tag key={s} title={schemeName(s)}>{s}</Tag>),
            },
            { title: t('applications.fields.provinceCode'), key: 'province', width: 110, render: (_, a) => a.provinceName ?? a.provinceCode },
            { title: t('applications.fields.submittedAt'), key: 'submittedAt', width: 160, render: (_, a) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.submittedAt)}</span> },
            {
              title: t('applications.fields.reviewDueOn'), key: 'reviewDueOn', width: 120,
              render: (_, a) => (a.overdue ? <Typography.Text type="danger">{a.reviewDueOn}</Typography.Text> : a.reviewDueOn),
            },
            { title: t('applications.fields.decidedAt'), key: 'decidedAt', width: 160, render: (_, a) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(a.decidedAt)}</span> },
          ]}
        />
      )}
    </Card>
  );
}

export default withAppContext(ApplicationList);
