import { useState } from 'react';
import { App, Button, Card, Descriptions, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { DownloadOutlined, EditOutlined, EyeOutlined, FilePdfOutlined, FileProtectOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { applicationsApi, type ApplicationDetail as Detail, type AttachmentView, type HistoryEntry, type Step } from '../../api/applications';
import { applicationPdfPath, contractsApi } from '../../api/contracts';
import { downloadFile, formatSize, previewFile } from '../../api/download';
import { ApiError } from '../../api/http';
import { useRoles } from '../../auth/useRoles';
import { ErrorState } from '../../components/ErrorPages';
import { HistoryTable } from '../../components/HistoryTable';
import { withAppContext } from '../../components/withAppContext';
import { formatDateTime } from '../documents/format';
import { useApplicationForm } from './ApplicationFormFields';
import { AttachModal } from './AttachModal';
import { ReviewForm } from './ReviewForm';
import { ApplicationStatusTag } from './StatusTag';
import { Thread } from './Thread';
import { TransitionModal } from './TransitionModal';

const TABS = ['info', 'attachments', 'thread', 'review', 'history'] as const;

/** The steps market may take from each status, in the order the buttons show them. */
export const STEPS: Record<Detail['status'], Step[]> = {
  DRAFT: ['submit', 'withdraw'],
  SUBMITTED: ['start-review', 'withdraw'],
  UNDER_REVIEW: ['request-info', 'accept', 'reject', 'withdraw'],
  NEEDS_INFO: ['withdraw'],
  ACCEPTED: [],
  REJECTED: [],
  WITHDRAWN: [],
};

/** One application: organisation, schemes, sites, attachments, thread, review checklist, decision and history. */
function ApplicationDetail() {
  const id = Number(useParams().id);
  const { t } = useTranslation();
  const { can } = useRoles();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'info';
  const loaded = useQuery({ queryKey: ['applications', id], queryFn: () => applicationsApi.get(id), enabled: Number.isFinite(id) });
  const accepted = loaded.data?.status === 'ACCEPTED';
  const contracts = useQuery({
    queryKey: ['contracts', 'of-application', id],
    queryFn: () => contractsApi.list({ applicationId: id, size: 1 }),
    enabled: accepted && can('contracts:read'),
  });
  const [step, setStep] = useState<Step>();
  const [attaching, setAttaching] = useState(false);
  const settings = useApplicationForm();
  const drawUp = useMutation({
    mutationFn: () => contractsApi.create(id),
    onSuccess: (contract) => {
      void queryClient.invalidateQueries({ queryKey: ['contracts'] });
      void message.success(t('contracts.drawnUp', { number: contract.number }));
      void navigate(`/contracts/${contract.id}`);
    },
    onError: (e) => void message.error(e instanceof ApiError ? e.message : String(e)),
  });

  if (loaded.isError) {
    return <ErrorState error={loaded.error} onRetry={() => void loaded.refetch()} />;
  }
  if (!loaded.data) {
    return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  }
  const a = loaded.data;
  const manage = can('applications:manage');
  const show = (next: Detail) => {
    queryClient.setQueryData(['applications', id], next);
    void queryClient.invalidateQueries({ queryKey: ['applications'] });
  };
  const reload = () => void queryClient.invalidateQueries({ queryKey: ['applications'] });
  const failed = (e: unknown) => void message.error(e instanceof ApiError ? e.message : String(e));
  const fileName = (attachmentId: number) => a.attachments.find((x) => x.id === attachmentId)?.fileName ?? `#${attachmentId}`;
  const schemeName = (code: string) => settings.data?.schemes.find((s) => s.code === code)?.name ?? '';
  const contract = contracts.data?.items?.[0];
  const final = ['ACCEPTED', 'REJECTED', 'WITHDRAWN'].includes(a.status);

  return (
    <Card
      title={
        <Space wrap>
          <span data-testid="application-title">{a.name}</span>
          <ApplicationStatusTag status={a.status} />
          {a.overdue ? <Tag color="red">{t('applications.overdue')}</Tag> : null}
          <Typography.Text type="secondary" copyable data-testid="application-reference">{a.reference}</Typography.Text>
        </Space>
      }
      extra={
        <Space wrap>
          <Button icon={<FilePdfOutlined />} data-testid="application-pdf"
            onClick={() => void downloadFile(applicationPdfPath(id), `${a.reference}.pdf`).catch(failed)}>
            {t('applications.detail.pdf', { form: a.formNumber })}
          </Button>
          {manage && (a.status === 'DRAFT' || a.status === 'NEEDS_INFO')
            ? <Link to={`/applications/${id}/edit`}><Button icon={<EditOutlined />} data-testid="application-edit">{t('common.edit')}</Button></Link>
            : null}
          {manage && !final ? <Button icon={<PaperClipOutlined />} onClick={() => setAttaching(true)} data-testid="attach">{t('applications.detail.attach')}</Button> : null}
          {manage ? STEPS[a.status].map((s) => (
            <Button key={s} type={s === 'accept' || s === 'start-review' || s === 'submit' ? 'primary' : 'default'}
              danger={s === 'reject' || s === 'withdraw'} onClick={() => setStep(s)} data-testid={`step-${s}`}>
              {t(`applications.actions.${s}`)}
            </Button>
          )) : null}
          {accepted && contract ? (
            <Link to={`/contracts/${contract.id}`} data-testid="open-contract"><Button icon={<FileProtectOutlined />}>{t('contracts.open', { number: contract.number })}</Button></Link>
          ) : null}
          {accepted && !contract && can('contracts:manage') && contracts.isSuccess ? (
            <Button type="primary" icon={<FileProtectOutlined />} loading={drawUp.isPending} onClick={() => drawUp.mutate()} data-testid="draw-up-contract">
              {t('contracts.drawUp')}
            </Button>
          ) : null}
        </Space>
      }
    >
      {a.decisionReasons ? (
        <Descriptions size="small" style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('applications.fields.decisionReasons')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{a.decisionReasons}</span>
          </Descriptions.Item>
        </Descriptions>
      ) : null}
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'info' ? {} : { tab: key }, { replace: true })}
        items={[
          { key: 'info', label: t('applications.detail.tabs.info'), children: <Info application={a} schemeName={schemeName} /> },
          {
            key: 'attachments', label: t('applications.detail.tabs.attachments', { count: a.attachments.length }),
            children: <Attachments application={a} onError={failed} />,
          },
          {
            key: 'thread', label: t('applications.detail.tabs.thread', { count: a.thread.length }),
            children: (
              <Thread messages={a.thread.map((m) => ({
                key: m.id, kind: m.kind, text: m.text, writtenAt: m.writtenAt, author: m.author,
                files: m.attachmentIds.map(fileName),
              }))} />
            ),
          },
          {
            key: 'review', label: t('applications.detail.tabs.review'),
            children: <ReviewForm application={a} editable={manage && (a.status === 'UNDER_REVIEW' || a.status === 'NEEDS_INFO')} onSaved={show} onReload={reload} />,
          },
          {
            key: 'history', label: t('applications.detail.tabs.history'),
            children: (
              <HistoryTable<HistoryEntry>
                queryKey={['applications', id]}
                load={(page, size) => applicationsApi.history(id, page, size)}
                emptyText={t('applications.detail.noHistory')}
                fieldLabel={(e) => t(`applications.historyFields.${e.field}`, {
                  defaultValue: t(`applications.fields.${e.field}`, { defaultValue: t(`applications.review.items.${e.field}`, { defaultValue: e.field }) }),
                })}
                value={(v, e) => {
                  if (e.field === 'status') {
                    return t(`applications.status.${v}`, { defaultValue: v });
                  }
                  if (e.field === 'kind' && e.entity === 'attachment') {
                    return t(`applications.kinds.${v}`, { defaultValue: v });
                  }
                  return v === 'true' ? t('common.yes') : v === 'false' ? t('common.no') : v;
                }}
              />
            ),
          },
        ]}
      />
      <TransitionModal application={a} step={step} onClose={() => setStep(undefined)} onReload={() => { setStep(undefined); reload(); }}
        onDone={(next) => {
          setStep(undefined);
          void message.success(t('applications.moved', { status: t(`applications.status.${next.status}`) }));
          show(next);
        }} />
      <AttachModal application={a} open={attaching} onClose={() => setAttaching(false)}
        onDone={(next) => { setAttaching(false); void message.success(t('applications.detail.attached')); show(next); }} />
    </Card>
  );
}

function Info({ application: a, schemeName }: { application: Detail; schemeName: (code: string) => string }) {
  const { t } = useTranslation();
  const f = (field: string) => t(`applications.fields.${field}`);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} title={t('applications.form.organisation')}>
        <Descriptions.Item label={f('name')}>{a.name}</Descriptions.Item>
        <Descriptions.Item label={f('creditCode')}><Typography.Text copyable>{a.creditCode}</Typography.Text></Descriptions.Item>
        <Descriptions.Item label={f('legalRepresentative')}>{a.legalRepresentative}</Descriptions.Item>
        <Descriptions.Item label={f('provinceCode')}>{[a.provinceName, a.city].filter(Boolean).join(' ')}</Descriptions.Item>
        <Descriptions.Item label={f('address')}>{a.address}</Descriptions.Item>
        <Descriptions.Item label={f('postalCode')}>{a.postalCode}</Descriptions.Item>
        <Descriptions.Item label={f('contactName')}>{a.contactName}</Descriptions.Item>
        <Descriptions.Item label={f('contactPhone')}>{[a.contactPhone, a.contactEmail].filter(Boolean).join(' · ')}</Descriptions.Item>
      </Descriptions>
      <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} title={t('applications.form.certification')}>
        <Descriptions.Item label={f('schemes')} span={2}>
          <Space wrap>{a.schemes.map((s) => <Tag key={s}>{s} {schemeName(s)}</Tag>)}</Space>
        </Descriptions.Item>
        <Descriptions.Item label={f('scope')} span={2}>{a.scope}</Descriptions.Item>
        <Descriptions.Item label={f('scopeEn')} span={2}>{a.scopeEn}</Descriptions.Item>
        <Descriptions.Item label={f('headCount')}>{a.headCount}</Descriptions.Item>
        <Descriptions.Item label={f('shifts')}>{a.shifts}</Descriptions.Item>
        <Descriptions.Item label={f('outsourcedProcesses')}>{a.outsourcedProcesses}</Descriptions.Item>
        <Descriptions.Item label={f('existingCertifications')}>{a.existingCertifications}</Descriptions.Item>
        <Descriptions.Item label={f('consultancyUsed')}>
          {a.consultancyUsed === null || a.consultancyUsed === undefined ? '' : a.consultancyUsed ? `${t('common.yes')}${a.consultancyName ? `：${a.consultancyName}` : ''}` : t('common.no')}
        </Descriptions.Item>
        <Descriptions.Item label={f('language')}>{a.language}</Descriptions.Item>
      </Descriptions>
      <Table
        size="small" rowKey={(_, i) => String(i)} pagination={false} dataSource={a.sites} title={() => f('sites')}
        locale={{ emptyText: t('applications.detail.noSites') }}
        columns={[
          { title: t('applications.site.address'), dataIndex: 'address' },
          { title: t('applications.site.activity'), dataIndex: 'activity' },
          { title: t('applications.site.headCount'), dataIndex: 'headCount', width: 120 },
        ]}
      />
      <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }}>
        <Descriptions.Item label={f('formNumber')}>{a.formNumber}</Descriptions.Item>
        <Descriptions.Item label={f('submittedAt')}>{formatDateTime(a.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label={f('reviewDueOn')}>{a.overdue ? <Typography.Text type="danger">{a.reviewDueOn}</Typography.Text> : a.reviewDueOn}</Descriptions.Item>
        <Descriptions.Item label={f('decidedAt')}>{formatDateTime(a.decidedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('applications.detail.source')}>
          {a.enteredOnBehalf ? t('applications.onBehalf') : t('applications.detail.online')}
        </Descriptions.Item>
        <Descriptions.Item label={t('documents.updatedBy')}>{a.updatedBy} · {formatDateTime(a.updatedAt)}</Descriptions.Item>
      </Descriptions>
    </Space>
  );
}

function Attachments({ application: a, onError }: { application: Detail; onError: (e: unknown) => void }) {
  const { t } = useTranslation();
  const missing = a.requiredAttachments.filter((k) => !a.attachments.some((x) => x.kind === k));
  const previewable = (x: AttachmentView) => x.contentType === 'application/pdf' || x.contentType.startsWith('image/');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {missing.length ? (
        <Typography.Text type="warning" data-testid="attachments-missing">
          {t('applications.detail.missing', { kinds: missing.map((k) => t(`applications.kinds.${k}`)).join('、') })}
        </Typography.Text>
      ) : null}
      <Table<AttachmentView>
        data-testid="attachments-table" rowKey="id" pagination={false} dataSource={a.attachments} scroll={{ x: 800 }}
        locale={{ emptyText: t('applications.detail.noAttachments') }}
        columns={[
          {
            title: t('applications.detail.kind'), key: 'kind', width: 140,
            render: (_, x) => <Tag color={a.requiredAttachments.includes(x.kind) ? 'blue' : undefined}>{t(`applications.kinds.${x.kind}`)}</Tag>,
          },
          { title: t('documents.version.fileName'), dataIndex: 'fileName' },
          { title: t('documents.version.size'), key: 'size', width: 90, render: (_, x) => formatSize(x.size) },
          { title: t('documents.version.uploadedBy'), key: 'uploaded', width: 190, render: (_, x) => `${x.uploadedBy} · ${formatDateTime(x.uploadedAt)}` },
          {
            title: t('common.actions'), key: 'actions', width: 150, fixed: 'right',
            render: (_, x) => (
              <Space>
                {previewable(x) ? (
                  <Typography.Link onClick={() => void previewFile(x.downloadUrl).catch(onError)} data-testid={`preview-${x.id}`}>
                    <EyeOutlined /> {t('applications.detail.preview')}
                  </Typography.Link>
                ) : null}
                <Typography.Link onClick={() => void downloadFile(x.downloadUrl, x.fileName).catch(onError)} data-testid={`download-${x.id}`}>
                  <DownloadOutlined /> {t('documents.version.download')}
                </Typography.Link>
              </Space>
            ),
          },
        ]}
      />
    </Space>
  );
}

export default withAppContext(ApplicationDetail);
