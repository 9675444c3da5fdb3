import { useEffect, useState } from 'react';
import { App, Button, Col, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { AUDIT_TYPES, GRADES, gradingApi, type AuditType, type CustomerGrade, type Grade, type OnsiteFeedback } from '../../api/grading';
import type { Certification } from '../../api/customers';
import { ApiError } from '../../api/http';
import { useRoles } from '../../auth/useRoles';
import { FormErrors, useFormSubmit } from '../../components/useFormSubmit';
import { formatDateTime } from './format';

const COLORS: Record<Grade, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };
const CRITERIA = ['managementCommitment', 'documentation', 'implementation', 'correctiveAction'] as const;

/** The grade's tag, coloured by grade; "not graded" while there is none. */
export function GradeTag({ grade, label }: { grade?: Grade | null; label?: string | null }) {
  const { t } = useTranslation();
  return grade
    ? <Tag color={COLORS[grade]} data-testid="grade-tag">{label ?? grade}</Tag>
    : <Tag data-testid="grade-tag">{t('grading.ungraded')}</Tag>;
}

/**
 * The customer's grade (分等分级, 4.2.3) with the inputs that made it and its history; auditors and market record the
 * audit team's on-site feedback, market overrides the grade with a reason.
 */
export function GradePanel({ customerId, certifications, onChanged }: {
  customerId: number;
  certifications: Certification[];
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { roles } = useRoles();
  const queryClient = useQueryClient();
  const canRecord = roles.some((r) => r === 'auditor' || r === 'market' || r === 'admin');
  const canOverride = roles.includes('market');
  const [recording, setRecording] = useState(false);
  const [overriding, setOverriding] = useState(false);
  const grade = useQuery({ queryKey: ['customers', customerId, 'grade'], queryFn: () => gradingApi.grade(customerId) });
  const feedback = useQuery({ queryKey: ['customers', customerId, 'onsite-feedback'], queryFn: () => gradingApi.feedback(customerId) });
  const changed = () => {
    void queryClient.invalidateQueries({ queryKey: ['customers', customerId] });
    onChanged();
  };
  const failed = (e: unknown) => void message.error(e instanceof ApiError ? e.message : String(e));
  const recompute = useMutation({ mutationFn: () => gradingApi.recompute(customerId), onSuccess: changed, onError: failed });
  const removeOverride = useMutation({ mutationFn: () => gradingApi.removeOverride(customerId), onSuccess: changed, onError: failed });

  const g = grade.data as CustomerGrade | undefined;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="grade-panel">
      <Descriptions bordered size="middle" column={1}
        title={<Space><span>{t('grading.title')}</span><GradeTag grade={g?.grade} label={g?.label} /></Space>}
        extra={<Space>
          {canRecord ? <Button type="primary" onClick={() => setRecording(true)} data-testid="onsite-feedback-add">{t('grading.record')}</Button> : null}
          {canRecord ? <Button loading={recompute.isPending} onClick={() => recompute.mutate()}>{t('grading.recompute')}</Button> : null}
          {canOverride ? <Button onClick={() => setOverriding(true)} data-testid="grade-override">{t('grading.override')}</Button> : null}
          {canOverride && g?.override ? (
            <Popconfirm title={t('grading.removeOverrideConfirm')} onConfirm={() => removeOverride.mutate()}>
              <Button loading={removeOverride.isPending}>{t('grading.removeOverride')}</Button>
            </Popconfirm>
          ) : null}
        </Space>}>
        <Descriptions.Item label={t('grading.computed')}>
          {g?.computedGrade ? <Space><GradeTag grade={g.computedGrade} /><span>{t('grading.score', { score: g.score })}</span></Space>
            : (g?.inputs?.note ?? t('grading.ungraded'))}
        </Descriptions.Item>
        {g?.override ? (
          <Descriptions.Item label={t('grading.overridden')}>
            {t('grading.overrideBy', { grade: g.override.grade, reason: g.override.reason, by: g.override.by, at: formatDateTime(g.override.at ?? '') })}
          </Descriptions.Item>
        ) : null}
        {g?.inputs ? <Descriptions.Item label={t('grading.inputs')}><Inputs grade={g} /></Descriptions.Item> : null}
      </Descriptions>
      <Table<OnsiteFeedback> size="small" rowKey="id" pagination={false} loading={feedback.isLoading}
        title={() => t('grading.feedbackList')} dataSource={(feedback.data ?? []) as OnsiteFeedback[]}
        columns={[
          { title: t('grading.fields.auditedOn'), dataIndex: 'auditedOn', width: 120 },
          { title: t('grading.fields.auditType'), dataIndex: 'auditType', width: 120, render: (v: AuditType) => t(`grading.auditTypes.${v}`) },
          ...CRITERIA.map((key) => ({ title: t(`grading.fields.${key}`), dataIndex: key, width: 90 })),
          { title: t('grading.fields.majorNonconformities'), dataIndex: 'majorNonconformities', width: 90 },
          { title: t('grading.fields.minorNonconformities'), dataIndex: 'minorNonconformities', width: 90 },
          { title: t('grading.fields.remarks'), dataIndex: 'remarks' },
          { title: t('grading.recordedBy'), dataIndex: 'recordedBy', width: 100 },
        ]} />
      <Table size="small" rowKey="id" pagination={false} title={() => t('grading.history')}
        dataSource={g?.history ?? []}
        columns={[
          { title: t('grading.when'), dataIndex: 'at', width: 170, render: (v: string) => formatDateTime(v) },
          { title: t('grading.change'), key: 'change', width: 160, render: (_, h) => <Space><GradeTag grade={h.from} />→<GradeTag grade={h.to} /></Space> },
          { title: t('grading.source'), dataIndex: 'source', width: 130, render: (v: string) => t(`grading.sources.${v}`) },
          { title: t('grading.by'), dataIndex: 'by', width: 140 },
          { title: t('grading.reason'), key: 'reason', render: (_, h) => h.reason ?? (h.inputs?.score != null ? t('grading.score', { score: h.inputs.score }) : '') },
        ]} />
      <FeedbackModal customerId={customerId} certifications={certifications} open={recording}
        onClose={() => setRecording(false)} onSaved={() => { setRecording(false); changed(); }} />
      <OverrideModal customerId={customerId} open={overriding}
        onClose={() => setOverriding(false)} onSaved={() => { setOverriding(false); changed(); }} />
    </Space>
  );
}

/** What counted and what each contributed. */
function Inputs({ grade: g }: { grade: CustomerGrade }) {
  const { t } = useTranslation();
  const inputs = g.inputs!;
  return (
    <Space direction="vertical" size={2} data-testid="grade-inputs">
      {(inputs.feedback ?? []).map((f) => (
        <span key={f.id}>{t('grading.inputFeedback', { on: f.auditedOn, type: t(`grading.auditTypes.${f.auditType}`), criteria: f.criteriaScore, deduction: f.deduction, score: f.score })}</span>
      ))}
      {(inputs.seriousComplaints ?? []).map((c) => (
        <span key={c.feedbackItemId}>{t('grading.inputComplaint', { reference: c.reference, deduction: c.deduction })}</span>
      ))}
      {(inputs.overdueSurveillance ?? []).map((o) => (
        <span key={o.certificationId}>{t('grading.inputOverdue', { scheme: o.scheme, number: o.certificateNo ?? '', on: o.plannedOn, deduction: o.deduction })}</span>
      ))}
      {inputs.score != null ? <Typography.Text strong>{t('grading.score', { score: inputs.score })}</Typography.Text> : null}
    </Space>
  );
}

interface FeedbackValues {
  auditedOn: Dayjs;
  auditType: AuditType;
  certificationId?: number;
  managementCommitment: number;
  documentation: number;
  implementation: number;
  correctiveAction: number;
  majorNonconformities: number;
  minorNonconformities: number;
  remarks?: string;
}

function FeedbackModal({ customerId, certifications, open, onClose, onSaved }: {
  customerId: number; certifications: Certification[]; open: boolean; onClose: () => void; onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FeedbackValues>();
  const { submit, saving, formErrors, clearErrors } = useFormSubmit(form, {
    write: (v) => gradingApi.record(customerId, { ...v, auditedOn: v.auditedOn.format('YYYY-MM-DD'), remarks: v.remarks?.trim() || undefined }),
    onSaved: () => { void message.success(t('grading.saved')); onSaved(); },
  });
  useEffect(() => {
    if (open) {
      form.resetFields();
      clearErrors();
    }
  }, [open, form, clearErrors]);
  const required = (field: string) => ({ required: true, message: t('grading.required', { field: t(`grading.fields.${field}`) }) });
  return (
    <Modal open={open} width={760} title={t('grading.record')} onOk={() => void submit()} onCancel={onClose}
      confirmLoading={saving} destroyOnHidden okButtonProps={{ 'data-testid': 'onsite-feedback-save' }}>
      <Typography.Paragraph type="secondary">{t('grading.recordHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ auditType: 'SURVEILLANCE', majorNonconformities: 0, minorNonconformities: 0 }}>
        <FormErrors errors={formErrors} />
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="auditedOn" label={t('grading.fields.auditedOn')} rules={[required('auditedOn')]}><DatePicker style={{ width: '100%' }} /></Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="auditType" label={t('grading.fields.auditType')} rules={[required('auditType')]}>
              <Select options={AUDIT_TYPES.map((v) => ({ value: v, label: t(`grading.auditTypes.${v}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="certificationId" label={t('grading.fields.certificationId')}>
              <Select allowClear options={certifications.map((c) => ({ value: c.id, label: `${c.scheme} ${c.certificateNo ?? c.contractNo ?? ''}` }))} />
            </Form.Item>
          </Col>
          {CRITERIA.map((key) => (
            <Col xs={12} md={6} key={key}>
              <Form.Item name={key} label={t(`grading.fields.${key}`)} rules={[required(key)]}>
                <InputNumber min={1} max={5} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          ))}
          <Col xs={12} md={6}>
            <Form.Item name="majorNonconformities" label={t('grading.fields.majorNonconformities')} rules={[required('majorNonconformities')]}>
              <InputNumber min={0} max={1000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="minorNonconformities" label={t('grading.fields.minorNonconformities')} rules={[required('minorNonconformities')]}>
              <InputNumber min={0} max={1000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="remarks" label={t('grading.fields.remarks')} rules={[{ max: 2000 }]}>
              <Input.TextArea rows={3} maxLength={2000} showCount />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </Modal>
  );
}

function OverrideModal({ customerId, open, onClose, onSaved }: { customerId: number; open: boolean; onClose: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ grade: Grade; reason: string }>();
  const { submit, saving, formErrors, clearErrors } = useFormSubmit(form, {
    write: (v) => gradingApi.override(customerId, v.grade, v.reason.trim()),
    onSaved: () => { void message.success(t('grading.saved')); onSaved(); },
  });
  useEffect(() => {
    if (open) {
      form.resetFields();
      clearErrors();
    }
  }, [open, form, clearErrors]);
  return (
    <Modal open={open} title={t('grading.override')} onOk={() => void submit()} onCancel={onClose} confirmLoading={saving}
      destroyOnHidden okButtonProps={{ 'data-testid': 'grade-override-save' }}>
      <Form form={form} layout="vertical">
        <FormErrors errors={formErrors} />
        <Form.Item name="grade" label={t('grading.grade')} rules={[{ required: true, message: t('grading.required', { field: t('grading.grade') }) }]}>
          <Select options={GRADES.map((v) => ({ value: v, label: v }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('grading.reason')}
          rules={[{ required: true, whitespace: true, message: t('grading.required', { field: t('grading.reason') }) }, { max: 500 }]}>
          <Input.TextArea rows={3} maxLength={500} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
