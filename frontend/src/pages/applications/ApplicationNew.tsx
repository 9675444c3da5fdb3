import { App, Button, Card, Form, Space, Spin } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { applicationsApi, attachFiles, ATTACHMENT_KINDS, type ApplicationDetail } from '../../api/applications';
import { ApiError } from '../../api/http';
import { ErrorState } from '../../components/ErrorPages';
import { FormErrors, useFormSubmit } from '../../components/useFormSubmit';
import { withAppContext } from '../../components/withAppContext';
import { ApplicationFormFields, useApplicationForm } from './ApplicationFormFields';
import { toApplicationInput, type ApplicationValues } from './formLogic';

/**
 * Market enters an application on a client's behalf: the public form's fields, saved as a DRAFT with the files
 * chosen attached; the detail then submits it (the schemes' required attachments must be there by then).
 */
function ApplicationNew() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const settings = useApplicationForm();
  const [form] = Form.useForm<ApplicationValues>();
  const { submit, saving, formErrors } = useFormSubmit(form, {
    write: async (v: ApplicationValues): Promise<ApplicationDetail> => {
      const created = await applicationsApi.create(toApplicationInput(v));
      const files = v.attachments ?? {};
      if (!ATTACHMENT_KINDS.some((k) => files[k]?.length)) {
        return created;
      }
      try {
        return await attachFiles(created.id, files);
      } catch (e) {
        // the draft stands; its files can be attached again on its page
        void message.error(t('applications.create.attachFailed', { reason: e instanceof ApiError ? e.message : String(e) }));
        return created;
      }
    },
    onSaved: (created) => {
      void queryClient.invalidateQueries({ queryKey: ['applications'] });
      void message.success(t('applications.create.created', { reference: created.reference }));
      void navigate(`/applications/${created.id}`);
    },
  });

  if (settings.isError) {
    return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  }
  if (!settings.data) {
    return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  }
  return (
    <Card title={t('applications.create.title', { form: settings.data.formNumber })}>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} scrollToFirstError data-testid="application-form"
        initialValues={{ sites: [], language: t('applications.form.defaultLanguage') }}>
        <ApplicationFormFields form={form} settings={settings.data} attachmentsRequired={false} />
        <FormErrors errors={formErrors} />
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="application-save">{t('applications.create.save')}</Button>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

export default withAppContext(ApplicationNew);
