import { useEffect, useMemo } from 'react';
import { Alert, Form, Modal, Radio, Spin } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { MANUAL_CHANNELS, surveysApi, type DispatchView, type ManualChannel, type SurveyReceipt } from '../../api/surveys';
import { ErrorState } from '../../components/ErrorPages';
import { FormErrors, useFormSubmit } from '../../components/useFormSubmit';
import { SurveyQuestions } from './SurveyQuestions';
import { answersBody, fromTemplate, type FormAnswers } from './questions';

interface Values {
  channel?: ManualChannel;
  answers?: FormAnswers;
}

/**
 * Market enters an answer taken by phone or from a fax: the same questions as the client's page (the campaign's
 * template version, in the user's language), the same checks; the service's reasons beside each question.
 */
export function ManualAnswerModal({ dispatch, templateCode, templateVersion, onClose, onSaved, onStale }: {
  /** The dispatch answered; none: closed. */
  dispatch?: DispatchView;
  templateCode: string;
  templateVersion: number;
  onClose: () => void;
  onSaved: (receipt: SurveyReceipt) => void;
  /** The dispatch had its answer meanwhile (409): the table should show it. */
  onStale: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const open = !!dispatch;
  const template = useQuery({
    queryKey: ['surveys', 'templates', templateCode, 'versions', templateVersion],
    queryFn: () => surveysApi.templateVersion(templateCode, templateVersion),
    enabled: open && !!templateCode && templateVersion > 0,
  });
  const questionnaire = useMemo(() => (template.data ? fromTemplate(template.data, i18n.language) : undefined), [template.data, i18n.language]);
  const { submit, saving, formErrors, clearErrors } = useFormSubmit(form, {
    write: async (v: Values) => {
      try {
        return await surveysApi.enterResponse(dispatch!.id!, v.channel!, answersBody(questionnaire?.questions ?? [], v.answers));
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) {
          onStale();
          throw new ApiError(409, e.problem, t('surveys.manual.alreadyAnswered'));
        }
        throw e;
      }
    },
    onSaved,
  });

  useEffect(() => {
    if (open) {
      clearErrors();
      form.resetFields();
    }
  }, [open, form, clearErrors]);

  return (
    <Modal
      open={open}
      width={760}
      title={t('surveys.manual.title', { customer: dispatch?.customerName ?? '' })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ disabled: !questionnaire, 'data-testid': 'manual-save' }}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('surveys.manual.hint')} />
      <FormErrors errors={formErrors} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} scrollToFirstError data-testid="manual-form">
        <Form.Item name="channel" label={t('surveys.manual.channel')}
          rules={[{ required: true, message: t('validation.required', { field: t('surveys.manual.channel') }) }]}>
          <Radio.Group data-testid="manual-channel"
            options={MANUAL_CHANNELS.map((c) => ({ value: c, label: t(`surveys.dispatch.channels.${c}`) }))} />
        </Form.Item>
        {template.isError ? (
          <ErrorState error={template.error} onRetry={() => void template.refetch()} />
        ) : !questionnaire ? (
          <Spin style={{ display: 'block', margin: '40px auto' }} />
        ) : (
          <SurveyQuestions questionnaire={questionnaire} />
        )}
      </Form>
    </Modal>
  );
}
