import { useMemo } from 'react';
import { ProTable, type ProColumns } from '@ant-design/pro-components';
import { Button, Card, Space, Tag, Typography } from 'antd';
import { PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { SortOrder } from 'antd/es/table/interface';
import { customersApi, type Customer } from '../../api/customers';
import { useRoles } from '../../auth/useRoles';
import { ErrorState } from '../../components/ErrorPages';
import { CustomerFilterForm } from './CustomerFilterForm';
import { ExportButton } from './ExportButton';
import { filterQuery, parseView, PAGE_SIZES, toApiQuery, toParams, type CustomerFilters, type ListView } from './filters';
import { formatDateTime, primaryContact } from './format';
import { StatusBadge } from './StatusBadge';
import { nameOf, useReference } from './reference';
import { withAppContext } from '../../components/withAppContext';
import { GradeTag } from './GradePanel';
import type { Grade } from '../../api/grading';

/** The customer list: every filter, server-side sort and paging, the view kept in the URL. */
function CustomerList() {
  const { t } = useTranslation();
  const { can } = useRoles();
  const reference = useReference();
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseView(params), [params]);
  const query = useQuery({
    queryKey: ['customers', 'list', toParams(view).toString()],
    queryFn: () => customersApi.list(toApiQuery(view)),
    placeholderData: keepPreviousData,
  });

  const go = (next: ListView) => setParams(toParams(next));
  const search = (filters: CustomerFilters) => go({ ...view, filters, page: 1 });
  const sortOrder = (field: string): SortOrder | undefined => {
    const key = view.sort.find((s) => s.field === field);
    return key ? (key.order === 'desc' ? 'descend' : 'ascend') : null;
  };
  const sortable = (field: string) => ({ sorter: true, sortOrder: sortOrder(field) });

  const columns: ProColumns<Customer>[] = [
    {
      title: t('customer.name'), dataIndex: 'name', key: 'name', ...sortable('name'), fixed: 'left', width: 260,
      render: (_, c) => (
        <Space size={4} wrap>
          <Link to={`/customers/${c.id}`}>{c.name}</Link>
          {c.openSystemChanges.length ? (
            <Tag color="warning" data-testid={`system-change-tag-${c.id}`}>{t('customer.systemChange.tag', { count: c.openSystemChanges.length })}</Tag>
          ) : null}
        </Space>
      ),
    },
    { title: t('customer.creditCode'), dataIndex: 'creditCode', key: 'creditCode', ...sortable('creditCode'), width: 190, copyable: true },
    {
      title: t('customer.provinceCode'), key: 'provinceCode', ...sortable('provinceCode'), width: 130,
      render: (_, c) => nameOf(reference.data?.provinces, c.provinceCode) || c.provinceName,
    },
    { title: t('customer.city'), dataIndex: 'city', key: 'city', ...sortable('city'), width: 110 },
    {
      title: t('list.certifications'), key: 'certifications', ...sortable('certifications'), width: 260,
      render: (_, c) =>
        c.certifications.length ? (
          <Space direction="vertical" size={0}>
            {c.certifications.map((r) => (
              <Space key={r.id} size={4}>
                <Tag>{r.scheme}</Tag>
                <StatusBadge status={r.status} />
              </Space>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    { title: t('grading.grade'), key: 'grade', width: 90, render: (_, c) => (c.grade ? <GradeTag grade={c.grade as Grade} /> : '—') },
    { title: t('list.expiresOn'), key: 'expiresOn', ...sortable('expiresOn'), width: 120, render: (_, c) => c.expiresOn ?? '—' },
    { title: t('list.nextSurveillanceOn'), key: 'nextSurveillanceOn', ...sortable('nextSurveillanceOn'), width: 130, render: (_, c) => c.nextSurveillanceOn ?? '—' },
    {
      title: t('list.primaryContact'), key: 'contact', width: 180,
      render: (_, c) => {
        const contact = primaryContact(c);
        return contact ? `${contact.name}${contact.phone ? ' ' + contact.phone : ''}` : '—';
      },
    },
    { title: t('customer.postalCode'), dataIndex: 'postalCode', key: 'postalCode', ...sortable('postalCode'), width: 100 },
    { title: t('customer.createdAt'), key: 'createdAt', ...sortable('createdAt'), width: 150, render: (_, c) => formatDateTime(c.createdAt) },
    { title: t('customer.updatedAt'), key: 'updatedAt', ...sortable('updatedAt'), width: 150, render: (_, c) => formatDateTime(c.updatedAt) },
    {
      title: t('common.actions'), key: 'actions', fixed: 'right', width: 120,
      render: (_, c) => (
        <Space>
          <Link to={`/customers/${c.id}`}>{t('common.view')}</Link>
          {can('customers:edit') ? <Link to={`/customers/${c.id}/edit`}>{t('common.edit')}</Link> : null}
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card>
        <CustomerFilterForm value={view.filters} onSearch={search} />
      </Card>
      {query.isError && !query.data ? (
        <Card><ErrorState error={query.error} onRetry={() => void query.refetch()} /></Card>
      ) : (
        <ProTable<Customer>
          rowKey="id"
          headerTitle={t('list.title')}
          columns={columns}
          dataSource={query.data?.items}
          loading={query.isFetching}
          search={false}
          scroll={{ x: 1500 }}
          options={{ reload: () => void query.refetch(), density: true, setting: { listsHeight: 360 }, fullScreen: false }}
          columnsState={{
            persistenceKey: 'certcare.customers.columns',
            persistenceType: 'localStorage',
            defaultValue: { postalCode: { show: false }, createdAt: { show: false }, updatedAt: { show: false } },
          }}
          locale={{ emptyText: query.isFetching ? t('common.loading') : t('list.empty') }}
          pagination={{
            current: view.page,
            pageSize: view.size,
            total: query.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES.map(String),
            showTotal: (total) => t('common.total', { total }),
          }}
          onChange={(pagination, _filters, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const field = s?.order ? String(s.columnKey ?? s.field) : undefined;
            const sort = field ? [{ field, order: s.order === 'descend' ? ('desc' as const) : ('asc' as const) }] : [];
            const sortChanged = JSON.stringify(sort) !== JSON.stringify(view.sort);
            const size = pagination.pageSize ?? view.size;
            go({ ...view, sort, size, page: sortChanged || size !== view.size ? 1 : (pagination.current ?? 1) });
          }}
          toolBarRender={() => [
            can('customers:edit') ? (
              <Link key="new" to="/customers/new"><Button type="primary" icon={<PlusOutlined />}>{t('list.newCustomer')}</Button></Link>
            ) : null,
            can('customers:edit') ? (
              <Link key="import" to="/customers/import"><Button icon={<UploadOutlined />}>{t('list.import')}</Button></Link>
            ) : null,
            <ExportButton key="export" filter={filterQuery(view.filters)} total={query.data?.total} />,
          ]}
        />
      )}
    </Space>
  );
}

export default withAppContext(CustomerList);
