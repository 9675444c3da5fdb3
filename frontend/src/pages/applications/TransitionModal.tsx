import { useEffect } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { applicationsApi, type ApplicationDetail, type Step } from '../../api/applications';
import { FormErrors, useFormSubmit } from '../../components/useFormSubmit';

/** Which text each step asks for: its field, whether it is required, and its limit. */
const TEXT: Record<Step, { field: 'question' | 'reasons' | 'reason'; required: boolean; max: number }> = {
  submit: { field: 'reason', required: false, max: 2000 },
  'start-review': { field: 'reason', required: false, max: 2000 },
  'request-info': { field: 'question', required: true, max: 4000 },
  accept: { field: 'reasons', required: false, max: 4000 },
  reject: { field: 'reasons', required: true, max: 4000 },
  withdraw: { field: 'reason', required: false, max: 2000 },
};

/**
 * One step of the review: request information (the question goes to the applicant), accept or reject (the
 * reasons go to the applicant), withdraw, submit, start the review. Sends the version read; a stale one offers a reload.
 */
export function TransitionModal({ application, step, onClose, onDone, onReload }: {
  application: ApplicationDetail;
  step?: Step;
  onClose: () => void;
  onDone: (next: ApplicationDetail) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Record<string, string | undefined>>();
  const text = step ? TEXT[step] : undefined;
  const { submit, saving, formErrors, clearErrors } = useFormSubmit(form, {
    write: (v: Record<string, string | undefined>) => applicationsApi.move(application.id, step!, {
      version: application.version,
      [text!.field]: v[text!.field]?.trim() || null,
    }),
    onSaved: onDone,
    onReload,
  });

  useEffect(() => {
    if (step) {
      clearErrors();
      form.resetFields();
    }
  }, [step, form, clearErrors]);

  return (
    <Modal
      open={!!step}
      title={step ? t(`applications.steps.${step}.title`) : ''}
      okText={step ? t(`applications.actions.${step}`) : ''}
      okButtonProps={{ danger: step === 'reject' || step === 'withdraw', 'data-testid': 'transition-ok' }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      {step ? <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t(`applications.steps.${step}.hint`)} /> : null}
      <FormErrors errors={formErrors} />
      {text ? (
        <Form form={form} layout="vertical" data-testid="transition-form">
          {/* the server names the field question / reasons / reason: the same name here puts its message beside it */}
          <Form.Item
            name={text.field}
            label={t(`applications.steps.${step}.text`)}
            rules={[...(text.required ? [{ required: true, whitespace: true, message: t('validation.required', { field: t(`applications.steps.${step}.text`) }) }] : []), { max: text.max }]}
          >
            <Input.TextArea rows={4} maxLength={text.max} showCount data-testid="transition-text" />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
