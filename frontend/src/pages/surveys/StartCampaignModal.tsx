import { useEffect } from 'react';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { surveysApi, type CampaignView } from '../../api/surveys';
import { FormErrors, useFormSubmit } from '../../components/useFormSubmit';
import { startCampaignError } from './campaigns';
import { isQuarter, quarterOf } from './quarter';
import { localText } from './questions';

interface Values {
  quarter: string;
  templateCode?: string;
  templateVersion?: number;
}

/**
 * Starts a quarter's campaign (market): the quarter (2026-Q4, the current one offered), and optionally the
 * questionnaire and its version (default: the configured one, its current version). A quarter that has its campaign
 * already is said beside the quarter.
 */
export function StartCampaignModal({ open, onClose, onStarted }: {
  open: boolean;
  onClose: () => void;
  onStarted: (campaign: CampaignView) => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Values>();
  const code = Form.useWatch('templateCode', form);
  const templates = useQuery({ queryKey: ['surveys', 'templates'], queryFn: surveysApi.templates, enabled: open });
  const template = useQuery({ queryKey: ['surveys', 'templates', code], queryFn: () => surveysApi.template(code!), enabled: open && !!code });
  const { submit, saving, formErrors, clearErrors } = useFormSubmit(form, {
    write: async (v: Values) => {
      const quarter = v.quarter.trim();
      try {
        return await surveysApi.startCampaign({ quarter, templateCode: v.templateCode || undefined, templateVersion: v.templateVersion ?? undefined });
      } catch (e) {
        throw startCampaignError(e, quarter, t);
      }
    },
    onSaved: onStarted,
  });

  useEffect(() => {
    if (open) {
      clearErrors();
      form.resetFields();
      form.setFieldsValue({ quarter: quarterOf(new Date()), templateCode: undefined, templateVersion: undefined });
    }
  }, [open, form, clearErrors]);

  return (
    <Modal
      open={open}
      title={t('surveys.campaigns.startTitle')}
      okText={t('surveys.campaigns.start')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'campaign-start-save' }}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('surveys.campaigns.startHint')} />
      <FormErrors errors={formErrors} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="campaign-start-form">
        <Form.Item name="quarter" label={t('surveys.campaigns.quarter')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required', { field: t('surveys.campaigns.quarter') }) },
            { validator: async (_, value?: string) => {
              if (value && value.trim() && !isQuarter(value)) {
                throw new Error(t('surveys.campaigns.quarterFormat'));
              }
            } },
          ]}>
          <Input maxLength={7} placeholder={t('surveys.campaigns.quarterPlaceholder')} data-testid="campaign-quarter" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="templateCode" label={t('surveys.campaigns.template')}>
          <Select allowClear placeholder={t('surveys.campaigns.templateDefault')} loading={templates.isFetching}
            onChange={() => form.setFieldValue('templateVersion', undefined)}
            options={(templates.data ?? []).map((s) => ({
              value: s.code ?? '', label: `${s.code} ${localText(s.title, i18n.language)}`,
            }))} />
        </Form.Item>
        <Form.Item name="templateVersion" label={t('surveys.campaigns.version')}>
          <Select allowClear disabled={!code} placeholder={t('surveys.campaigns.versionCurrent')} loading={template.isFetching}
            options={(template.data?.versions ?? []).map((v) => ({
              value: v.version ?? 0,
              label: v.version === template.data?.currentVersion
                ? t('surveys.templates.versionCurrent', { version: v.version })
                : t('surveys.templates.versionN', { version: v.version }),
            }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
