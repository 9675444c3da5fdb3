import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, DatePicker, Descriptions, Form, Input, Modal, Row, Select, Space, Spin, Table, Tabs, Tag, Typography } from 'antd';
import { FilePdfOutlined, SendOutlined, StopOutlined, EditOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { Rule } from 'antd/es/form';
import { contractPdfPath, contractsApi, type Contract, type ContractHistoryEntry, type ContractInput } from '../../api/contracts';
import { downloadFile } from '../../api/download';
import { ApiError } from '../../api/http';
import { useRoles } from '../../auth/useRoles';
import { ErrorState } from '../../components/ErrorPages';
import { HistoryTable } from '../../components/HistoryTable';
import { FormErrors, useFormSubmit } from '../../components/useFormSubmit';
import { useSaveErrors } from '../../components/useSaveErrors';
import { withAppContext } from '../../components/withAppContext';
import { formatDateTime, formatMoney } from '../customers/format';
import { checkCreditCode, checkPostalCode, isEmail, isMoney, isPhone, normalizeCreditCode } from '../customers/validation';
import { useApplicationForm } from '../applications/ApplicationFormFields';
import { ContractStatusTag } from './ContractStatusTag';

const TABS = ['terms', 'history'] as const;
type Terms = Omit<ContractInput, 'version'>;
const TERM_FIELDS = ['name', 'creditCode', 'legalRepresentative', 'address', 'provinceCode', 'city', 'postalCode', 'contactName',
  'contactPhone', 'contactEmail', 'scope', 'scopeEn', 'initialAuditFee', 'surveillanceFee', 'paymentTerms'] as const;

function toTerms(c: Contract): Terms {
  const terms = {} as Record<string, unknown>;
  for (const f of TERM_FIELDS) {
    terms[f] = c[f] ?? undefined;
  }
  return terms as Terms;
}

function toInput(v: Terms, version: number): ContractInput {
  const blank = (s?: string | null) => (s && s.trim() ? s.trim() : null);
  return {
    name: v.name?.trim() ?? '', creditCode: normalizeCreditCode(v.creditCode ?? ''), legalRepresentative: blank(v.legalRepresentative),
    address: blank(v.address), provinceCode: v.provinceCode ?? '', city: blank(v.city), postalCode: blank(v.postalCode),
    contactName: blank(v.contactName), contactPhone: blank(v.contactPhone), contactEmail: blank(v.contactEmail),
    scope: blank(v.scope), scopeEn: blank(v.scopeEn), initialAuditFee: blank(v.initialAuditFee), surveillanceFee: blank(v.surveillanceFee),
    paymentTerms: blank(v.paymentTerms), version,
  };
}

/** The contract editor (16-02): its terms while DRAFT, then send, sign (the date both signed), terminate; PDF and history. */
function ContractDetail() {
  const id = Number(useParams().id);
  const { t } = useTranslation();
  const { can } = useRoles();
  const { message, modal } = App.useApp();
  const saveErrors = useSaveErrors();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'terms';
  const loaded = useQuery({ queryKey: ['contracts', id], queryFn: () => contractsApi.get(id), enabled: Number.isFinite(id) });
  const settings = useApplicationForm();
  const [form] = Form.useForm<Terms>();
  const [signing, setSigning] = useState(false);
  const [terminating, setTerminating] = useState(false);
  const [stepErrors, setStepErrors] = useState<string[]>([]);
  const c = loaded.data;
  const manage = can('contracts:manage');
  const editable = manage && c?.status === 'DRAFT';

  const show = (next: Contract) => {
    queryClient.setQueryData(['contracts', id], next);
    void queryClient.invalidateQueries({ queryKey: ['contracts'] });
    void queryClient.invalidateQueries({ queryKey: ['applications'] });
  };
  const reload = () => void queryClient.invalidateQueries({ queryKey: ['contracts'] });

  const { submit, saving, formErrors } = useFormSubmit(form, {
    write: (v: Terms) => contractsApi.update(id, toInput(v, c!.version)),
    onSaved: (next) => { void message.success(t('contracts.saved')); show(next); },
    onReload: reload,
  });

  useEffect(() => {
    if (c) {
      form.setFieldsValue(toTerms(c));
    }
  }, [c, form]);

  if (loaded.isError) {
    return <ErrorState error={loaded.error} onRetry={() => void loaded.refetch()} />;
  }
  if (!c) {
    return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  }

  /** A step of the contract; a field the server names (a fee missing to send) goes beside that field of the terms. */
  const step = async (run: () => Promise<Contract>, done: string) => {
    setStepErrors([]);
    try {
      const next = await run();
      void message.success(done);
      show(next);
      return true;
    } catch (e) {
      setStepErrors(saveErrors(e, form, { onReload: reload }));
      return false;
    }
  };
  const send = () => modal.confirm({
    title: t('contracts.sendTitle', { number: c.number }),
    // what is sent is what was saved: say so when the form holds something else
    content: JSON.stringify(toInput({ ...toTerms(c), ...form.getFieldsValue() }, c.version)) !== JSON.stringify(toInput(toTerms(c), c.version))
      ? t('contracts.sendUnsaved') : t('contracts.sendConfirm'),
    okText: t('contracts.actions.send'),
    okButtonProps: { 'data-testid': 'send-confirm' },
    cancelText: t('common.cancel'),
    onOk: () => step(() => contractsApi.send(id, c.version), t('contracts.sent')),
  });
  const allowed = (s: Contract['status']) => manage && c.allowedTransitions.includes(s);
  const schemeName = (code: string) => settings.data?.schemes.find((s) => s.code === code)?.name ?? '';

  return (
    <Card
      title={
        <Space wrap>
          <span data-testid="contract-number">{c.number}</span>
          <ContractStatusTag status={c.status} />
          <span data-testid="contract-name">{c.name}</span>
        </Space>
      }
      extra={
        <Space wrap>
          <Button icon={<FilePdfOutlined />} data-testid="contract-pdf"
            onClick={() => void downloadFile(contractPdfPath(id), `${c.number}.pdf`).catch((e: unknown) => void message.error(e instanceof ApiError ? e.message : String(e)))}>
            {t('contracts.pdf', { form: c.formNumber })}
          </Button>
          {allowed('SENT') ? <Button type="primary" icon={<SendOutlined />} onClick={send} data-testid="contract-send">{t('contracts.actions.send')}</Button> : null}
          {allowed('SIGNED') ? <Button type="primary" icon={<EditOutlined />} onClick={() => setSigning(true)} data-testid="contract-sign">{t('contracts.actions.sign')}</Button> : null}
          {allowed('TERMINATED') ? <Button danger icon={<StopOutlined />} onClick={() => setTerminating(true)} data-testid="contract-terminate">{t('contracts.actions.terminate')}</Button> : null}
        </Space>
      }
    >
      <FormErrors errors={stepErrors} />
      <Descriptions size="small" bordered column={{ xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('contracts.fields.application')}>
          <Link to={`/applications/${c.applicationId}`}>{c.applicationReference}</Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('contracts.fields.applicationAcceptedOn')}>{c.applicationAcceptedOn}</Descriptions.Item>
        <Descriptions.Item label={t('contracts.fields.draftedOn')}>{c.draftedOn}</Descriptions.Item>
        <Descriptions.Item label={t('contracts.fields.sentAt')}>{formatDateTime(c.sentAt)}</Descriptions.Item>
        <Descriptions.Item label={t('contracts.fields.signedOn')}><span data-testid="contract-signed-on">{c.signedOn}</span></Descriptions.Item>
        <Descriptions.Item label={t('contracts.fields.terminatedAt')}>
          {formatDateTime(c.terminatedAt)}{c.terminationReason ? ` · ${c.terminationReason}` : ''}
        </Descriptions.Item>
        <Descriptions.Item label={t('contracts.fields.schemes')} span={3}>
          <Space wrap>{c.schemes.map((s) => <Tag key={s}>{s} {schemeName(s)}</Tag>)}</Space>
        </Descriptions.Item>
      </Descriptions>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'terms' ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: 'terms', label: t('contracts.tabs.terms'),
            children: (
              <>
                {c.status !== 'DRAFT' ? <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('contracts.termsFixed')} /> : null}
                <TermsForm form={form} contract={c} editable={editable} provinces={settings.data?.provinces ?? []} />
                <Table size="small" rowKey={(_, i) => String(i)} pagination={false} dataSource={c.sites} title={() => t('applications.fields.sites')}
                  style={{ marginBottom: 16 }} locale={{ emptyText: t('applications.detail.noSites') }}
                  columns={[
                    { title: t('applications.site.address'), dataIndex: 'address' },
                    { title: t('applications.site.activity'), dataIndex: 'activity' },
                    { title: t('applications.site.headCount'), dataIndex: 'headCount', width: 120 },
                  ]} />
                <FormErrors errors={formErrors} />
                {editable ? (
                  <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="contract-save">{t('common.save')}</Button>
                ) : null}
              </>
            ),
          },
          {
            key: 'history', label: t('contracts.tabs.history'),
            children: (
              <HistoryTable<ContractHistoryEntry>
                queryKey={['contracts', id]}
                load={(page, size) => contractsApi.history(id, page, size)}
                emptyText={t('applications.detail.noHistory')}
                fieldLabel={(e) => t(`contracts.fields.${e.field}`, { defaultValue: e.field })}
                value={(v, e) => (e.field === 'status' ? t(`contracts.status.${v}`, { defaultValue: v })
                  : e.field.endsWith('Fee') ? formatMoney(v) : v)}
              />
            ),
          },
        ]}
      />
      <SignModal open={signing} onClose={() => setSigning(false)}
        onSign={async (signedOn) => {
          if (await step(() => contractsApi.sign(id, c.version, signedOn), t('contracts.signed'))) {
            setSigning(false);
          }
        }} />
      <TerminateModal open={terminating} onClose={() => setTerminating(false)}
        onTerminate={async (reason) => {
          if (await step(() => contractsApi.terminate(id, c.version, reason), t('contracts.terminated'))) {
            setTerminating(false);
          }
        }} />
    </Card>
  );
}

function TermsForm({ form, contract, editable, provinces }: {
  form: ReturnType<typeof Form.useForm<Terms>>[0]; contract: Contract; editable: boolean; provinces: { code: string; name: string }[];
}) {
  const { t } = useTranslation();
  const label = (f: string) => t(`contracts.fields.${f}`);
  const required = (f: string): Rule => ({ required: true, whitespace: true, message: t('validation.required', { field: label(f) }) });
  const check = (ok: (v: string) => boolean, key: string): Rule => ({
    validator: (_, v?: string) => (!v || ok(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t(key)))),
  });
  const creditCodeRule: Rule = {
    validator(_, value?: string) {
      const verdict = value ? checkCreditCode(normalizeCreditCode(value)) : { ok: true as const };
      return verdict.ok ? Promise.resolve() : Promise.reject(new Error(verdict.reason === 'malformed'
        ? t('validation.creditCodeMalformed') : t('applications.form.creditCodeCheck', { expected: verdict.expected })));
    },
  };
  const item = (f: string, rules: Rule[] = [], span = 8, control = <Input />) => (
    <Col xs={24} md={span}><Form.Item name={f} label={label(f)} rules={rules}>{control}</Form.Item></Col>
  );
  return (
    <Form form={form} layout="vertical" disabled={!editable} data-testid="contract-form" initialValues={toTerms(contract)}>
      <Row gutter={16}>
        {item('name', [required('name'), { max: 200 }], 12)}
        {item('creditCode', [required('creditCode'), creditCodeRule], 12, <Input style={{ fontFamily: 'monospace' }} maxLength={24} />)}
        {item('legalRepresentative', [required('legalRepresentative'), { max: 100 }])}
        {item('provinceCode', [{ required: true, message: t('validation.required', { field: label('provinceCode') }) }], 8,
          <Select showSearch optionFilterProp="label" options={provinces.map((p) => ({ value: p.code, label: p.name }))} />)}
        {item('city', [{ max: 100 }])}
        {item('address', [required('address'), { max: 300 }], 16)}
        {item('postalCode', [required('postalCode'), { validator: (_, v?: string) => (!v || checkPostalCode(v.trim(), form.getFieldValue('provinceCode')).ok ? Promise.resolve() : Promise.reject(new Error(t('validation.postal')))) }])}
        {item('contactName', [required('contactName'), { max: 100 }])}
        {item('contactPhone', [required('contactPhone'), check(isPhone, 'validation.phone')])}
        {item('contactEmail', [check(isEmail, 'validation.email')])}
        {item('scope', [{ max: 4000 }], 24, <Input.TextArea rows={2} maxLength={4000} />)}
        {item('scopeEn', [{ max: 4000 }], 24, <Input.TextArea rows={2} maxLength={4000} />)}
        {item('initialAuditFee', [check(isMoney, 'validation.money')], 8, <Input addonAfter="CNY" inputMode="decimal" placeholder="12000.00" />)}
        {item('surveillanceFee', [check(isMoney, 'validation.money')], 8, <Input addonAfter="CNY" inputMode="decimal" placeholder="6000.00" />)}
        {item('paymentTerms', [{ max: 2000 }], 24, <Input.TextArea rows={3} maxLength={2000} />)}
      </Row>
    </Form>
  );
}

function SignModal({ open, onClose, onSign }: { open: boolean; onClose: () => void; onSign: (signedOn: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [date, setDate] = useState<Dayjs | null>(dayjs());
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      setDate(dayjs());
    }
  }, [open]);
  return (
    <Modal open={open} title={t('contracts.signTitle')} okText={t('contracts.actions.sign')} cancelText={t('common.cancel')} confirmLoading={busy}
      okButtonProps={{ disabled: !date, 'data-testid': 'sign-ok' }} onCancel={onClose} destroyOnHidden
      onOk={async () => {
        setBusy(true);
        try {
          await onSign(date!.format('YYYY-MM-DD'));
        } finally {
          setBusy(false);
        }
      }}>
      <Typography.Paragraph>{t('contracts.signHint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('contracts.fields.signedOn')} required>
          <DatePicker value={date} onChange={setDate} disabledDate={(d) => d.isAfter(dayjs(), 'day')} style={{ width: 220 }} data-testid="signed-on" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function TerminateModal({ open, onClose, onTerminate }: { open: boolean; onClose: () => void; onTerminate: (reason: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      setReason('');
    }
  }, [open]);
  return (
    <Modal open={open} title={t('contracts.terminateTitle')} okText={t('contracts.actions.terminate')} cancelText={t('common.cancel')}
      confirmLoading={busy} okButtonProps={{ danger: true, disabled: !reason.trim(), 'data-testid': 'terminate-ok' }} onCancel={onClose} destroyOnHidden
      onOk={async () => {
        setBusy(true);
        try {
          await onTerminate(reason.trim());
        } finally {
          setBusy(false);
        }
      }}>
      <Form layout="vertical">
        <Form.Item label={t('contracts.fields.terminationReason')} required>
          <Input.TextArea rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="terminate-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default withAppContext(ContractDetail);
