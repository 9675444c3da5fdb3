import { useEffect } from 'react';
import { App, Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Rule } from 'antd/es/form';
import { customersApi, STATUSES, type Certification, type CertificationInput, type CertificationStatus } from '../../api/customers';
import { FormErrors, useFormSubmit } from '../../components/useFormSubmit';
import { useReference } from './reference';
import { isMoney } from './validation';

const DATES = ['applicationAcceptedOn', 'decisionOn', 'implementedOn', 'issuedOn', 'expiresOn'] as const;
/** Statuses a record may be created in (later ones come through transitions). */
const INITIAL: CertificationStatus[] = ['APPLYING', 'CONTRACTED', 'AUDITING', 'VALID'];

interface FormValues {
  scheme: string;
  contractNo?: string;
  certificateNo?: string;
  scope?: string;
  scopeEn?: string;
  professionalCodes?: string[];
  initialAuditFee?: string;
  surveillanceFee?: string;
  status?: CertificationStatus;
  applicationAcceptedOn?: Dayjs | null;
  decisionOn?: Dayjs | null;
  implementedOn?: Dayjs | null;
  issuedOn?: Dayjs | null;
  expiresOn?: Dayjs | null;
  auditDates: { stage1?: Dayjs | null; stage2?: Dayjs | null; surveillance?: Dayjs[]; recertification?: Dayjs[] };
}

const day = (d?: string | null) => (d ? dayjs(d) : null);
const iso = (d?: Dayjs | null) => (d ? d.format('YYYY-MM-DD') : null);

function toValues(c?: Certification): FormValues {
  const values: FormValues = {
    scheme: c?.scheme ?? '', contractNo: c?.contractNo ?? undefined, certificateNo: c?.certificateNo ?? undefined,
    scope: c?.scope ?? undefined, scopeEn: c?.scopeEn ?? undefined, professionalCodes: c?.professionalCodes ?? [],
    initialAuditFee: c?.initialAuditFee ?? undefined, surveillanceFee: c?.surveillanceFee ?? undefined,
    status: c ? undefined : 'APPLYING',
    auditDates: {
      stage1: day(c?.auditDates.stage1), stage2: day(c?.auditDates.stage2),
      surveillance: (c?.auditDates.surveillance ?? []).map((d) => dayjs(d)),
      recertification: (c?.auditDates.recertification ?? []).map((d) => dayjs(d)),
    },
  };
  for (const key of DATES) {
    values[key] = day(c?.[key]);
  }
  return values;
}

function toInput(v: FormValues, version?: number): CertificationInput {
  const blank = (s?: string | null) => (s && s.trim() ? s.trim() : null);
  const input: CertificationInput = {
    scheme: v.scheme, contractNo: blank(v.contractNo), certificateNo: blank(v.certificateNo), scope: blank(v.scope),
    scopeEn: blank(v.scopeEn), initialAuditFee: blank(v.initialAuditFee), surveillanceFee: blank(v.surveillanceFee),
    professionalCodes: v.professionalCodes ?? [],
    auditDates: {
      stage1: iso(v.auditDates?.stage1), stage2: iso(v.auditDates?.stage2),
      surveillance: (v.auditDates?.surveillance ?? []).map((d) => iso(d)!),
      recertification: (v.auditDates?.recertification ?? []).map((d) => iso(d)!),
    },
    status: version === undefined ? v.status : undefined,
    version,
  };
  for (const key of DATES) {
    input[key] = iso(v[key]);
  }
  return input;
}

/** Record a certification for a customer, or change a record's data (status moves by transition). */
export function CertificationModal({ customerId, record, open, onClose, onSaved, onReload }: {
  customerId: number;
  record?: Certification;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reference = useReference();
  const [form] = Form.useForm<FormValues>();
  const { submit, saving, formErrors, clearErrors } = useFormSubmit(form, {
    write: (values) => (record
      ? customersApi.updateCertification(customerId, record.id, toInput(values, record.version))
      : customersApi.createCertification(customerId, toInput(values))),
    onSaved: () => {
      void message.success(t('form.saved'));
      onSaved();
    },
    onReload: () => { onClose(); onReload(); },
  });

  useEffect(() => {
    if (open) {
      form.resetFields();
      form.setFieldsValue(toValues(record));
      clearErrors();
    }
  }, [open, record, form, clearErrors]);

  const money: Rule = { validator: (_, v?: string) => (!v || isMoney(v) ? Promise.resolve() : Promise.reject(new Error(t('validation.money')))) };

  return (
    <Modal open={open} width={880} title={record ? t('detail.editCertification') : t('detail.addCertification')}
      okText={t('common.save')} cancelText={t('common.cancel')} onOk={() => void submit()} onCancel={onClose}
      confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="certification-form">
        <FormErrors errors={formErrors} />
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="scheme" label={t('certification.scheme')} rules={[{ required: true, message: t('validation.required', { field: t('certification.scheme') }) }]}>
              <Select disabled={!!record} options={reference.data?.schemes.map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="contractNo" label={t('certification.contractNo')}><Input /></Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="certificateNo" label={t('certification.certificateNo')}><Input /></Form.Item>
          </Col>
          {!record ? (
            <Col xs={24} md={8}>
              <Form.Item name="status" label={t('certification.status')}>
                <Select options={STATUSES.filter((s) => INITIAL.includes(s)).map((s) => ({ value: s, label: t(`status.${s}`) }))} />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} md={8}>
            <Form.Item name="initialAuditFee" label={t('certification.initialAuditFee')} rules={[money]}><Input addonAfter="CNY" inputMode="decimal" /></Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="surveillanceFee" label={t('certification.surveillanceFee')} rules={[money]}><Input addonAfter="CNY" inputMode="decimal" /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="scope" label={t('certification.scope')}><Input.TextArea rows={2} /></Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="scopeEn" label={t('certification.scopeEn')}><Input.TextArea rows={2} /></Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="professionalCodes" label={t('certification.professionalCodes')}
              extra={t('certification.professionalCodesHint')}>
              <Select mode="multiple" optionFilterProp="label" allowClear
                options={reference.data?.professionalCodes.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))} />
            </Form.Item>
          </Col>
          {DATES.map((key) => (
            <Col xs={12} md={8} key={key}>
              <Form.Item name={key} label={t(`certification.${key}`)}><DatePicker style={{ width: '100%' }} /></Form.Item>
            </Col>
          ))}
          <Col xs={12} md={8}>
            <Form.Item name={['auditDates', 'stage1']} label={t('certification.stage1')}><DatePicker style={{ width: '100%' }} /></Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name={['auditDates', 'stage2']} label={t('certification.stage2')}><DatePicker style={{ width: '100%' }} /></Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name={['auditDates', 'surveillance']} label={t('certification.surveillance')}><DatePicker multiple style={{ width: '100%' }} /></Form.Item>
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name={['auditDates', 'recertification']} label={t('certification.recertification')}><DatePicker multiple style={{ width: '100%' }} /></Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

/** Move a record to one of the statuses it allows next, with the reason kept in the history. */
export function TransitionModal({ customerId, record, onClose, onSaved, onReload }: {
  customerId: number;
  record?: Certification;
  onClose: () => void;
  onSaved: () => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ to: CertificationStatus; reason: string }>();
  const { submit, saving, formErrors, clearErrors } = useFormSubmit(form, {
    write: (values) => customersApi.transition(customerId, record!.id, values.to, values.reason?.trim() ?? '', record!.version),
    onSaved,
    onReload: () => { onClose(); onReload(); },
  });

  return (
    <Modal open={!!record} title={t('detail.changeStatus')} okText={t('common.save')} cancelText={t('common.cancel')}
      onOk={() => void submit()} onCancel={onClose} confirmLoading={saving} destroyOnHidden afterOpenChange={clearErrors}>
      <Form form={form} layout="vertical" preserve={false}>
        <FormErrors errors={formErrors} />
        <Form.Item name="to" label={t('detail.transitionTo')} rules={[{ required: true, message: t('validation.required', { field: t('detail.transitionTo') }) }]}>
          <Select options={(record?.allowedTransitions ?? []).map((s) => ({ value: s, label: t(`status.${s}`) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('detail.transitionReason')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('detail.transitionReason') }) }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
