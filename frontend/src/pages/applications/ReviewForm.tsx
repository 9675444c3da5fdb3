import { useEffect } from 'react';
import { Alert, App, Button, Col, Form, Input, InputNumber, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { applicationsApi, type ApplicationDetail, type ReviewInput } from '../../api/applications';
import { FormErrors, useFormSubmit } from '../../components/useFormSubmit';
import { CHECKLIST_ITEMS } from './formLogic';

type ReviewValues = Omit<ReviewInput, 'version'>;

function toValues(a: ApplicationDetail): ReviewValues {
  const r = a.review;
  return {
    informationSufficient: r.informationSufficient, scopeWithinAccreditation: r.scopeWithinAccreditation,
    competenceAvailable: r.competenceAvailable, sitesCovered: r.sitesCovered, languageCovered: r.languageCovered,
    safetyConsidered: r.safetyConsidered, impartialityNoConflict: r.impartialityNoConflict,
    impartialityNote: r.impartialityNote, auditDays: r.auditDays, notes: r.notes,
  };
}

/**
 * The review checklist (申请评审, ISO/IEC 17021-1 9.1.2): each item yes or no, the impartiality note (consultancy
 * included), the audit time in auditor-days, notes. Saved with the version read; editable while under review.
 */
export function ReviewForm({ application, editable, onSaved, onReload }: {
  application: ApplicationDetail; editable: boolean; onSaved: (next: ApplicationDetail) => void; onReload: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ReviewValues>();
  const { submit, saving, formErrors } = useFormSubmit(form, {
    write: (v: ReviewValues) => applicationsApi.review(application.id, {
      ...v,
      impartialityNote: v.impartialityNote?.trim() || null,
      notes: v.notes?.trim() || null,
      version: application.version,
    }),
    onSaved: (next) => {
      void message.success(t('applications.review.saved'));
      onSaved(next);
    },
    onReload,
  });

  useEffect(() => {
    form.setFieldsValue(toValues(application));
  }, [application, form]);

  const open = application.review.open;
  return (
    <Form form={form} layout="vertical" disabled={!editable} onFinish={(v) => void submit(v)} data-testid="review-form">
      {open.length ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} data-testid="review-open"
          message={t('applications.review.open', { items: open.map((i) => t(`applications.review.items.${i}`)).join('、') })} />
      ) : (
        <Alert type="success" showIcon style={{ marginBottom: 16 }} message={t('applications.review.complete')} data-testid="review-complete" />
      )}
      <Row gutter={16}>
        {CHECKLIST_ITEMS.map((item) => (
          <Col xs={24} md={12} key={item}>
            <Form.Item name={item} label={t(`applications.review.items.${item}`)}>
              <Radio.Group data-testid={`review-${item}`}>
                <Radio value={true}>{t('common.yes')}</Radio>
                <Radio value={false}>{t('common.no')}</Radio>
              </Radio.Group>
            </Form.Item>
          </Col>
        ))}
        <Col xs={24} md={12}>
          <Form.Item name="auditDays" label={t('applications.review.items.auditDays')} extra={t('applications.review.auditDaysHint')}>
            <InputNumber min={0} max={999} step={0.5} precision={1} style={{ width: 200 }} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="impartialityNote" label={t('applications.review.items.impartialityNote')} rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="notes" label={t('applications.review.items.notes')} rules={[{ max: 4000 }]}>
            <Input.TextArea rows={3} maxLength={4000} />
          </Form.Item>
        </Col>
      </Row>
      <FormErrors errors={formErrors} />
      {editable ? <Button type="primary" htmlType="submit" loading={saving} data-testid="review-save">{t('applications.review.save')}</Button> : null}
    </Form>
  );
}
