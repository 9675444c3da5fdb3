import { Alert, Descriptions, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { FEEDBACK_CLASSES, feedbackApi, type FeedbackClass, type FeedbackItem } from '../../api/feedback';
import { FormErrors } from '../../components/useFormSubmit';
import { useStepForm } from './useStepForm';
import { closeNeedsExplanation, type FeedbackAction } from './actions';
import { FALLBACK_DEPARTMENTS, type DepartmentOption } from './departments';

/** The problems of a step that deserve our own words (the service's are kept for anything else). */
export const STEP_PROBLEMS = ['forbidden-transition', 'decider-not-independent', 'not-assigned-department'] as const;

interface StepValues {
  class?: FeedbackClass;
  department?: string;
  explanation?: string;
  decision?: string;
  resolution?: string;
}

const TEXT_MAX = 4000;
const trimmed = (v: string | undefined) => v?.trim() || undefined;

/** What a step sends: the version read and the step's fields (blank text left out). */
export function stepCall(item: Pick<FeedbackItem, 'id' | 'version'>, action: FeedbackAction, v: StepValues): Promise<FeedbackItem> {
  const version = item.version;
  switch (action) {
    case 'triage':
      return feedbackApi.triage(item.id, {
        class: v.class!, version,
        department: v.class === 'B_WITHIN_AUTHORITY' ? v.department : undefined,
        explanation: v.class === 'A_UNREASONABLE' ? trimmed(v.explanation) : undefined,
      });
    case 'decide':
      return feedbackApi.decide(item.id, { decision: v.decision?.trim() ?? '', department: v.department ?? '', version });
    case 'resolve':
      return feedbackApi.resolve(item.id, { resolution: v.resolution?.trim() ?? '', version });
    case 'close':
      return feedbackApi.close(item.id, { version, explanation: trimmed(v.explanation) });
  }
}

/**
 * One step on an item, in a dialog: triage (class a/b/c with the rule of each; b names the handling department, a may
 * record the explanation), the leader's decision (text + department), the resolution, closing (a class a item with
 * its explanation). Sends the version read; a stale one offers a reload, a step no longer allowed or a decider who
 * is not independent is said in plain words.
 */
export function StepModal({ item, action, onClose, onDone, onReload, departments: served }: {
  item: FeedbackItem;
  /** The service's departments (useDepartments); the fallback list's when not given. */
  departments?: DepartmentOption[];
  action?: FeedbackAction;
  onClose: () => void;
  onDone: (next: FeedbackItem) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<StepValues>();
  const chosen = Form.useWatch('class', form);
  const { submit, saving, formErrors } = useStepForm(form, {
    action,
    call: (v: StepValues) => stepCall(item, action!, v),
    problems: STEP_PROBLEMS,
    messages: 'feedback.problems',
    onDone,
    onReload,
  });

  const required = (label: string) => ({ required: true, whitespace: true, message: t('validation.required', { field: label }) });
  const choose = (label: string) => ({ required: true, message: t('feedback.create.choose', { field: label }) });
  const departments = (served ?? FALLBACK_DEPARTMENTS.map((d) => ({ value: d, label: t(`feedback.departments.${d}`) })))
    .filter((d) => d.value !== 'management-representative');
  const needsExplanation = action === 'close' && closeNeedsExplanation(item);
  const hint = action === 'close' && item.class === 'A_UNREASONABLE' ? t('feedback.steps.close.hintA') : action ? t(`feedback.steps.${action}.hint`) : '';

  return (
    <Modal
      open={!!action}
      title={action ? t(`feedback.steps.${action}.title`) : ''}
      okText={action ? t(`feedback.actions.${action}`) : ''}
      okButtonProps={{ 'data-testid': 'step-ok' }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={hint} />
      <FormErrors errors={formErrors} />
      <Form form={form} layout="vertical" data-testid="step-form">
        {action === 'triage' ? (
          <>
            <Form.Item name="class" label={t('feedback.steps.triage.class')} rules={[choose(t('feedback.steps.triage.class'))]}>
              <Radio.Group style={{ width: '100%' }}>
                <Space direction="vertical" style={{ width: '100%' }}>
                  {FEEDBACK_CLASSES.map((c) => (
                    <Radio key={c} value={c} data-testid={`class-${c}`}>
                      <span style={{ fontWeight: 500 }}>{t(`feedback.classes.${c}`)}</span>
                      <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>{t(`feedback.classRules.${c}`)}</Typography.Paragraph>
                    </Radio>
                  ))}
                </Space>
              </Radio.Group>
            </Form.Item>
            {chosen === 'B_WITHIN_AUTHORITY' ? (
              <Form.Item name="department" label={t('feedback.steps.triage.department')} rules={[choose(t('feedback.steps.triage.department'))]}>
                <Select options={departments} data-testid="step-department" />
              </Form.Item>
            ) : null}
            {chosen === 'A_UNREASONABLE' ? (
              <Form.Item name="explanation" label={t('feedback.steps.triage.explanation')} extra={t('feedback.steps.triage.explanationHelp')} rules={[{ max: TEXT_MAX }]}>
                <Input.TextArea rows={4} maxLength={TEXT_MAX} showCount data-testid="step-explanation" />
              </Form.Item>
            ) : null}
          </>
        ) : null}
        {action === 'decide' ? (
          <>
            <Form.Item name="decision" label={t('feedback.steps.decide.decision')} rules={[required(t('feedback.steps.decide.decision')), { max: TEXT_MAX }]}>
              <Input.TextArea rows={4} maxLength={TEXT_MAX} showCount data-testid="step-decision" />
            </Form.Item>
            <Form.Item name="department" label={t('feedback.steps.decide.department')} rules={[choose(t('feedback.steps.decide.department'))]}>
              <Select options={departments} data-testid="step-department" />
            </Form.Item>
          </>
        ) : null}
        {action === 'resolve' ? (
          <Form.Item name="resolution" label={t('feedback.steps.resolve.resolution')} rules={[required(t('feedback.steps.resolve.resolution')), { max: TEXT_MAX }]}>
            <Input.TextArea rows={5} maxLength={TEXT_MAX} showCount data-testid="step-resolution" />
          </Form.Item>
        ) : null}
        {action === 'close' && item.explanation ? (
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('feedback.fields.explanation')}><span style={{ whiteSpace: 'pre-wrap' }}>{item.explanation}</span></Descriptions.Item>
          </Descriptions>
        ) : null}
        {needsExplanation ? (
          <Form.Item name="explanation" label={t('feedback.steps.close.explanation')} rules={[required(t('feedback.steps.close.explanation')), { max: TEXT_MAX }]}>
            <Input.TextArea rows={4} maxLength={TEXT_MAX} showCount data-testid="step-explanation" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
