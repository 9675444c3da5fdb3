import { useEffect } from 'react';
import { Alert, Descriptions, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { analysisApi, type CommonIssue, type CommonIssueForwarding } from '../../api/feedbackAnalysis';
import { FormErrors, useFormSubmit } from '../../components/useFormSubmit';
import { useDepartments } from '../feedback/departments';
import { forwardInput, forwardProblems, MAX_RECIPIENTS, NOTE_MAX, recipientOptions, type ForwardValues } from './forward';

/**
 * Forwards a common issue in one action (4.6: 对于共性的问题……要及时反馈给相关部门或管代): the recipients — departments
 * and/or the management representative — and a note. What the service would refuse is said beside the field first.
 */
export function ForwardModal({ issue, onClose, onDone }: {
  issue?: CommonIssue;
  onClose: () => void;
  onDone: (forwarding: CommonIssueForwarding) => void;
}) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const [form] = Form.useForm<ForwardValues>();
  const { submit, saving, formErrors, clearErrors } = useFormSubmit(form, {
    write: (v: ForwardValues) => analysisApi.forward(forwardInput({ ...v, topic: issue?.topic }, departments.options.map((d) => d.value))),
    onSaved: onDone,
  });
  useEffect(() => {
    if (issue) {
      clearErrors();
      form.resetFields();
    }
  }, [issue, form, clearErrors]);
  const check = (field: 'recipients' | 'note') => ({
    validator: async () => {
      const problems = forwardProblems({ ...form.getFieldsValue(), topic: issue?.topic }).filter((p) => p.field === field);
      if (problems.length) {
        throw new Error(problems.map((p) => t(`analysis.forward.problems.${p.problem}`, { max: p.field === 'note' ? NOTE_MAX : MAX_RECIPIENTS, value: p.value })).join(' '));
      }
    },
  });

  return (
    <Modal
      open={!!issue}
      title={t('analysis.forward.title')}
      okText={t('analysis.forward.ok')}
      okButtonProps={{ 'data-testid': 'forward-ok' }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      width={620}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('analysis.forward.hint')} />
      {issue ? (
        <Descriptions size="small" bordered column={3} style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('analysis.issues.topic')} span={3}><b data-testid="forward-topic">{issue.topic}</b></Descriptions.Item>
          <Descriptions.Item label={t('analysis.issues.clients')}>{issue.clients}</Descriptions.Item>
          <Descriptions.Item label={t('analysis.issues.items')}>{issue.items}</Descriptions.Item>
        </Descriptions>
      ) : null}
      <FormErrors errors={formErrors} />
      <Form form={form} layout="vertical" data-testid="forward-form">
        <Form.Item name="recipients" label={t('analysis.forward.recipients')} extra={t('analysis.forward.recipientsHelp')} rules={[check('recipients')]}>
          <Select mode="multiple" allowClear data-testid="forward-recipients" placeholder={t('analysis.choose')}
            optionFilterProp="label" options={recipientOptions(departments.options)} />
        </Form.Item>
        <Form.Item name="note" label={t('analysis.forward.note')} rules={[check('note')]}>
          <Input.TextArea rows={4} maxLength={NOTE_MAX} showCount data-testid="forward-note" placeholder={t('analysis.forward.notePlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
