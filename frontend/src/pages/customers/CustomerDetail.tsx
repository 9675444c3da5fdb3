import { useState } from 'react';
import { Button, Card, Descriptions, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { customersApi, type Certification, type Customer, type HistoryEntry } from '../../api/customers';
import { useRoles } from '../../auth/useRoles';
import { ErrorState } from '../../components/ErrorPages';
import { CertificationModal, TransitionModal } from './CertificationModal';
import { formatDateTime, formatMoney, readableContacts } from './format';
import { nameOf, useReference } from './reference';
import { StatusBadge } from './StatusBadge';
import { SystemChangeAlert } from './SystemChangeAlert';
import { DirectoryListing } from './DirectoryListing';
import { GradePanel, GradeTag } from './GradePanel';
import type { Grade } from '../../api/grading';
import { withAppContext } from '../../components/withAppContext';

const TABS = ['info', 'contacts', 'certifications', 'grade', 'history'] as const;

/** One customer: its data, contacts, certification records and history, in tabs (the tab is in the URL). */
function CustomerDetail() {
  const id = Number(useParams().id);
  const { t } = useTranslation();
  const { can } = useRoles();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'info';
  const queryClient = useQueryClient();
  const customer = useQuery({ queryKey: ['customers', id], queryFn: () => customersApi.get(id), enabled: Number.isFinite(id) });
  const [editing, setEditing] = useState<Certification | 'new'>();
  const [moving, setMoving] = useState<Certification>();

  if (customer.isError) {
    return <ErrorState error={customer.error} onRetry={() => void customer.refetch()} />;
  }
  if (!customer.data) {
    return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  }
  const c = customer.data;
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['customers'] });
  const editable = can('customers:edit');

  return (
    <Card
      title={<Space><span data-testid="customer-title">{c.name}</span><Typography.Text type="secondary" copyable>{c.creditCode}</Typography.Text>{c.grade ? <GradeTag grade={c.grade as Grade} /> : null}</Space>}
      extra={editable ? <Link to={`/customers/${id}/edit`}><Button icon={<EditOutlined />} data-testid="customer-edit">{t('common.edit')}</Button></Link> : null}
    >
      <SystemChangeAlert customerId={id} changes={c.openSystemChanges} onChanged={refresh} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'info' ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: 'info', label: t('detail.tabs.info'),
            children: <><CustomerInfo customer={c} /><DirectoryListing customerId={id} editable={editable} onChanged={refresh} /></>,
          },
          { key: 'contacts', label: t('detail.tabs.contacts'), children: <Contacts customer={c} /> },
          {
            key: 'certifications', label: t('detail.tabs.certifications', { count: c.certifications.length }),
            children: (
              <Certifications customer={c} editable={editable} onEdit={setEditing} onMove={setMoving} />
            ),
          },
          {
            key: 'grade', label: t('detail.tabs.grade'),
            children: <GradePanel customerId={id} certifications={c.certifications} onChanged={refresh} />,
          },
          { key: 'history', label: t('detail.tabs.history'), children: <History customerId={id} /> },
        ]}
      />
      <CertificationModal customerId={id} open={editing !== undefined} record={editing === 'new' ? undefined : editing}
        onClose={() => setEditing(undefined)} onSaved={() => { setEditing(undefined); refresh(); }} onReload={refresh} />
      <TransitionModal customerId={id} record={moving} onClose={() => setMoving(undefined)}
        onSaved={() => { setMoving(undefined); refresh(); }} onReload={refresh} />
    </Card>
  );
}

function CustomerInfo({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation();
  const reference = useReference();
  return (
    <Descriptions bordered column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} size="middle">
      <Descriptions.Item label={t('customer.name')}>{c.name}</Descriptions.Item>
      <Descriptions.Item label={t('customer.creditCode')}>
        {c.creditCode}
        {c.creditCodeOverrideReason ? <Tag color="orange" style={{ marginLeft: 8 }}>{t('detail.overridden', { reason: c.creditCodeOverrideReason })}</Tag> : null}
      </Descriptions.Item>
      <Descriptions.Item label={t('customer.provinceCode')}>{c.provinceName ?? nameOf(reference.data?.provinces, c.provinceCode)}</Descriptions.Item>
      <Descriptions.Item label={t('customer.city')}>{c.city}</Descriptions.Item>
      <Descriptions.Item label={t('customer.address')}>{c.address}</Descriptions.Item>
      <Descriptions.Item label={t('customer.postalCode')}>{c.postalCode}</Descriptions.Item>
      <Descriptions.Item label={t('customer.professionalCodes')} span={2}>
        {c.professionalCodes.map((code) => <Tag key={code}>{code} {nameOf(reference.data?.professionalCodes, code)}</Tag>)}
      </Descriptions.Item>
      <Descriptions.Item label={t('customer.remarks')} span={2}>{c.remarks}</Descriptions.Item>
      <Descriptions.Item label={t('customer.createdBy')}>{c.createdBy} · {formatDateTime(c.createdAt)}</Descriptions.Item>
      <Descriptions.Item label={t('customer.updatedBy')}>{c.updatedBy} · {formatDateTime(c.updatedAt)}</Descriptions.Item>
    </Descriptions>
  );
}

function Contacts({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  return (
    <Table rowKey={(_, i) => String(i)} pagination={false} dataSource={customer.contacts} locale={{ emptyText: t('detail.noContacts') }}
      columns={[
        { title: t('contact.name'), dataIndex: 'name', render: (name, contact) => <Space>{name}{contact.primary ? <Tag color="blue">{t('contact.primary')}</Tag> : null}</Space> },
        { title: t('contact.role'), dataIndex: 'role' },
        { title: t('contact.phone'), dataIndex: 'phone' },
        { title: t('contact.email'), dataIndex: 'email' },
      ]}
    />
  );
}

function Certifications({ customer, editable, onEdit, onMove }: {
  customer: Customer; editable: boolean; onEdit: (c: Certification | 'new') => void; onMove: (c: Certification) => void;
}) {
  const { t } = useTranslation();
  const reference = useReference();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {editable ? <Button icon={<PlusOutlined />} onClick={() => onEdit('new')}>{t('detail.addCertification')}</Button> : null}
      <Table<Certification>
        rowKey="id" pagination={false} dataSource={customer.certifications} locale={{ emptyText: t('detail.noCertifications') }}
        scroll={{ x: 1400 }}
        expandable={{
          expandedRowRender: (r) => (
            <Descriptions size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}>
              <Descriptions.Item label={t('certification.scope')}>{r.scope}</Descriptions.Item>
              <Descriptions.Item label={t('certification.scopeEn')}>{r.scopeEn}</Descriptions.Item>
              <Descriptions.Item label={t('certification.professionalCodes')} span={2}>
                {(r.professionalCodes ?? []).map((code) => <Tag key={code}>{code} {nameOf(reference.data?.professionalCodes, code)}</Tag>)}
              </Descriptions.Item>
              <Descriptions.Item label={t('certification.applicationAcceptedOn')}>{r.applicationAcceptedOn}</Descriptions.Item>
              <Descriptions.Item label={t('certification.decisionOn')}>{r.decisionOn}</Descriptions.Item>
              <Descriptions.Item label={t('certification.auditDates')} span={2}>
                {[['stage1', r.auditDates.stage1], ['stage2', r.auditDates.stage2]]
                  .filter(([, d]) => d).map(([k, d]) => `${t(`certification.${k}`)} ${d}`).join('；')}
                {r.auditDates.surveillance?.length ? `；${t('certification.surveillance')} ${r.auditDates.surveillance.join('、')}` : ''}
                {r.auditDates.recertification?.length ? `；${t('certification.recertification')} ${r.auditDates.recertification.join('、')}` : ''}
              </Descriptions.Item>
              <Descriptions.Item label={t('certification.surveillanceFee')}>{formatMoney(r.surveillanceFee)}</Descriptions.Item>
              <Descriptions.Item label={t('certification.implementedOn')}>{r.implementedOn}</Descriptions.Item>
              {r.surveillanceOverrideReason ? (
                <Descriptions.Item label={t('detail.planOverridden')} span={2}>{r.surveillanceOverrideReason}</Descriptions.Item>
              ) : null}
            </Descriptions>
          ),
        }}
        columns={[
          {
            title: t('certification.scheme'), dataIndex: 'scheme', width: 220,
            render: (s) => <Space wrap={false}><Tag>{s}</Tag><span style={{ whiteSpace: 'nowrap' }}>{nameOf(reference.data?.schemes, s)}</span></Space>,
          },
          { title: t('certification.status'), dataIndex: 'status', render: (s) => <StatusBadge status={s} /> },
          { title: t('certification.contractNo'), dataIndex: 'contractNo' },
          { title: t('certification.certificateNo'), dataIndex: 'certificateNo' },
          { title: t('certification.issuedOn'), dataIndex: 'issuedOn' },
          { title: t('certification.expiresOn'), dataIndex: 'expiresOn' },
          { title: t('certification.initialAuditFee'), dataIndex: 'initialAuditFee', align: 'right', render: (f) => formatMoney(f) },
          {
            title: t('certification.plannedSurveillanceDates'), dataIndex: 'plannedSurveillanceDates',
            render: (dates: string[]) => dates.map((d) => <Tag key={d} color="geekblue">{d}</Tag>),
          },
          ...(editable ? [{
            title: t('common.actions'), key: 'actions', fixed: 'right' as const, width: 150,
            render: (_: unknown, r: Certification) => (
              <Space>
                <Typography.Link onClick={() => onEdit(r)} style={{ whiteSpace: 'nowrap' }}>{t('common.edit')}</Typography.Link>
                {r.allowedTransitions.length ? <Typography.Link onClick={() => onMove(r)} style={{ whiteSpace: 'nowrap' }}>{t('detail.changeStatus')}</Typography.Link> : null}
              </Space>
            ),
          }] : []),
        ]}
      />
    </Space>
  );
}

function History({ customerId }: { customerId: number }) {
  const { t } = useTranslation();
  const reference = useReference();
  const [page, setPage] = useState(1);
  const size = 20;
  const history = useQuery({
    queryKey: ['customers', customerId, 'history', page],
    queryFn: () => customersApi.history(customerId, page, size),
    placeholderData: keepPreviousData,
  });
  if (history.isError) {
    return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  }
  const historyValue = (value: string | null | undefined, entry: HistoryEntry) => {
    if (value === null || value === undefined || value === '') {
      return <Typography.Text type="secondary">—</Typography.Text>;
    }
    if (entry.entity === 'customer' && entry.field === 'contacts') {
      return readableContacts(value, t('contact.primary'));
    }
    if (entry.entity === 'customer' && entry.field === 'provinceCode') {
      return nameOf(reference.data?.provinces, value);
    }
    if (entry.entity === 'systemChange' && (entry.field === 'reportedAt' || entry.field === 'acknowledgedAt')) {
      return formatDateTime(value);
    }
    if (entry.entity === 'certification' && entry.field === 'status') {
      return t(`status.${value}`, { defaultValue: value });
    }
    return value;
  };
  return (
    <Table<HistoryEntry>
      data-testid="history-table"
      rowKey={(e) => `${e.changedAt}|${e.entity}|${e.entityId}|${e.field}`}
      loading={history.isFetching}
      dataSource={history.data?.items}
      locale={{ emptyText: t('detail.noHistory') }}
      pagination={{ current: page, pageSize: size, total: history.data?.total ?? 0, onChange: setPage, showTotal: (total) => t('common.total', { total }) }}
      columns={[
        { title: t('history.changedAt'), dataIndex: 'changedAt', render: (v) => formatDateTime(v), width: 150 },
        { title: t('history.changedBy'), dataIndex: 'changedBy', width: 110 },
        { title: t('history.entity'), key: 'entity', width: 130, render: (_, e) => (e.entity === 'systemChange' ? t('customer.systemChange.entity') : t(`history.entities.${e.entity}`, { defaultValue: e.entity })) + (e.entity === 'customer' ? '' : ` #${e.entityId}`) },
        { title: t('history.field'), dataIndex: 'field', width: 160, render: (f: string, e) => t(e.entity === 'systemChange' ? `customer.systemChange.fields.${f}` : `${e.entity}.${f}`, { defaultValue: f }) },
        { title: t('history.oldValue'), dataIndex: 'oldValue', render: (v, e) => historyValue(v, e) },
        { title: t('history.newValue'), dataIndex: 'newValue', render: (v, e) => historyValue(v, e) },
        { title: t('history.reason'), dataIndex: 'reason' },
      ]}
    />
  );
}

export default withAppContext(CustomerDetail);
