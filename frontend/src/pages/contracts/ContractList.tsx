import { Card, Input, Select, Space, Table, Tag } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CONTRACT_STATUSES, contractsApi, type Contract, type ContractStatus } from '../../api/contracts';
import { ErrorState } from '../../components/ErrorPages';
import { withAppContext } from '../../components/withAppContext';
import { formatMoney } from '../customers/format';
import { PAGE_SIZES } from '../applications/listQuery';
import { ContractStatusTag } from './ContractStatusTag';
import { pageParam } from '../../components/pageParam';

/** The view of the list in the URL: ?status=&q=&page=&size=. */
export function contractQuery(params: URLSearchParams) {
  const status = params.get('status');
  const size = Number(params.get('size'));
  return {
    status: (CONTRACT_STATUSES as readonly string[]).includes(status ?? '') ? (status as ContractStatus) : undefined,
    q: params.get('q')?.trim() || undefined,
    page: pageParam(params),
    size: PAGE_SIZES.includes(size) ? size : PAGE_SIZES[0],
  };
}

/** The contracts: by status and text (customer name, credit code, number), the newest change first. */
function ContractList() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const query = contractQuery(params);
  const list = useQuery({
    queryKey: ['contracts', 'list', params.toString()],
    queryFn: () => contractsApi.list({ ...query, sort: ['updatedAt,desc'] }),
    placeholderData: keepPreviousData,
  });
  const go = (next: Partial<typeof query>) => {
    const merged = { ...query, page: 1, ...next };
    const out = new URLSearchParams();
    if (merged.status) out.set('status', merged.status);
    if (merged.q) out.set('q', merged.q);
    if (merged.page > 1) out.set('page', String(merged.page));
    if (merged.size !== PAGE_SIZES[0]) out.set('size', String(merged.size));
    setParams(out);
  };

  return (
    <Card title={t('contracts.listTitle')}>
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search key={query.q ?? ''} id="contracts-q" allowClear style={{ width: 280 }} placeholder={t('contracts.searchPlaceholder')}
          defaultValue={query.q} onSearch={(q) => go({ q: q.trim() || undefined })} />
        <Select<ContractStatus | undefined> data-testid="filter-status" allowClear style={{ width: 150 }} placeholder={t('contracts.fields.status')}
          value={query.status} onChange={(status) => go({ status })}
          options={CONTRACT_STATUSES.map((s) => ({ value: s, label: t(`contracts.status.${s}`) }))} />
      </Space>
      {list.isError && !list.data ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<Contract>
          data-testid="contracts-table" rowKey="id" loading={list.isFetching} dataSource={list.data?.items ?? []} scroll={{ x: 1100 }}
          locale={{ emptyText: list.isFetching ? t('common.loading') : t('contracts.empty') }}
          pagination={{
            current: query.page, pageSize: query.size, total: list.data?.total ?? 0, showSizeChanger: true,
            pageSizeOptions: PAGE_SIZES.map(String), showTotal: (total) => t('common.total', { total }),
            onChange: (page, size) => go({ page: size !== query.size ? 1 : page, size }),
          }}
          columns={[
            { title: t('contracts.fields.number'), key: 'number', width: 160, render: (_, c) => <Link to={`/contracts/${c.id}`}>{c.number}</Link> },
            { title: t('contracts.fields.name'), key: 'name', width: 260, render: (_, c) => <Link to={`/contracts/${c.id}`}>{c.name}</Link> },
            { title: t('contracts.fields.status'), key: 'status', width: 110, render: (_, c) => <ContractStatusTag status={c.status} /> },
            { title: t('contracts.fields.schemes'), key: 'schemes', width: 180, render: (_, c) => c.schemes.map((s) => <Tag key={s}>{s}</Tag>) },
            {
              title: t('contracts.fields.application'), key: 'application', width: 150,
              render: (_, c) => <Link to={`/applications/${c.applicationId}`}>{c.applicationReference}</Link>,
            },
            { title: t('contracts.fields.initialAuditFee'), key: 'fee', width: 130, align: 'right', render: (_, c) => formatMoney(c.initialAuditFee) },
            { title: t('contracts.fields.draftedOn'), dataIndex: 'draftedOn', width: 110 },
            { title: t('contracts.fields.signedOn'), dataIndex: 'signedOn', width: 110 },
          ]}
        />
      )}
    </Card>
  );
}

export default withAppContext(ContractList);
