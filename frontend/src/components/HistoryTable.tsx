import { useState, type ReactNode } from 'react';
import { Table, Typography } from 'antd';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from './ErrorPages';
import { formatDateTime } from '../pages/documents/format';

/** One changed field, as every service's history answers it. */
export interface HistoryRow {
  entity: string;
  entityId: number;
  field: string;
  oldValue?: string | null;
  newValue?: string | null;
  reason?: string | null;
  changedBy: string;
  changedAt: string;
}

interface HistoryPage<E> { items?: E[] | null; total?: number | null }

/**
 * A record's field-level history, newest first, a page at a time: who, when, which field, old → new, why.
 * `fieldLabel` names a field, `value` shows a value as people read it (statuses, codes); blanks show as —.
 */
export function HistoryTable<E extends HistoryRow>({ queryKey, load, fieldLabel, value, emptyText }: {
  queryKey: readonly unknown[];
  load: (page: number, size: number) => Promise<HistoryPage<E>>;
  fieldLabel: (e: E) => string;
  value?: (v: string, e: E) => ReactNode;
  emptyText: string;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const size = 20;
  const history = useQuery({
    queryKey: [...queryKey, 'history', page],
    queryFn: () => load(page, size),
    placeholderData: keepPreviousData,
  });
  if (history.isError) {
    return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  }
  const shown = (v: string | null | undefined, e: E) => (v === null || v === undefined || v === ''
    ? <Typography.Text type="secondary">—</Typography.Text>
    : value ? value(v, e) : v);
  return (
    <Table<E>
      data-testid="history-table"
      rowKey={(e) => `${e.changedAt}|${e.entity}|${e.entityId}|${e.field}`}
      loading={history.isFetching}
      dataSource={history.data?.items ?? []}
      locale={{ emptyText }}
      scroll={{ x: 900 }}
      pagination={{ current: page, pageSize: size, total: history.data?.total ?? 0, onChange: setPage, showTotal: (total) => t('common.total', { total }) }}
      columns={[
        { title: t('history.changedAt'), key: 'changedAt', width: 150, render: (_, e) => formatDateTime(e.changedAt) },
        { title: t('history.changedBy'), dataIndex: 'changedBy', width: 110 },
        { title: t('history.entity'), key: 'entity', width: 120, render: (_, e) => t(`history.entities.${e.entity}`, { defaultValue: e.entity }) },
        { title: t('history.field'), key: 'field', width: 150, render: (_, e) => fieldLabel(e) },
        { title: t('history.oldValue'), key: 'oldValue', render: (_, e) => shown(e.oldValue, e) },
        { title: t('history.newValue'), key: 'newValue', render: (_, e) => shown(e.newValue, e) },
        { title: t('history.reason'), dataIndex: 'reason' },
      ]}
    />
  );
}
