import { useEffect, useRef } from 'react';
import { App, Button, Card, Form, Space, Spin } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { applicationsApi, attachFiles, ATTACHMENT_KINDS, type ApplicationDetail } from '../../api/applications';
import { ApiError } from '../../api/http';
import { ErrorState } from '../../components/ErrorPages';
import { FormErrors, useFormSubmit } from '../../components/useFormSubmit';
import { withAppContext } from '../../components/withAppContext';
import { ApplicationFormFields, useApplicationForm } from './ApplicationFormFields';
import { toApplicationInput, toApplicationValues, type ApplicationValues } from './formLogic';

/**
 * Market enters an application on a client's behalf (/applications/new): the public form's fields, saved as a
 * DRAFT with the files chosen attached; the detail then submits it (the schemes' required attachments must be
 * there by then). The same page corrects one while DRAFT or NEEDS_INFO (/applications/:id/edit), with the version read.
 */
function ApplicationNew() {
  const { id } = useParams();
  const editing = id !== undefined;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const settings = useApplicationForm();
  const [form] = Form.useForm<ApplicationValues>();
  const loaded = useRef<ApplicationDetail>(undefined);
  const existing = useQuery({ queryKey: ['applications', Number(id)], queryFn: () => applicationsApi.get(Number(id)), enabled: editing });

  useEffect(() => {
    if (existing.data && settings.data && loaded.current?.version !== existing.data.version) {
      loaded.current = existing.data;
      form.setFieldsValue(toApplicationValues(existing.data));
    }
  }, [existing.data, settings.data, form]);

  const { submit, saving, formErrors } = useFormSubmit(form, {
    write: async (v: ApplicationValues): Promise<ApplicationDetail> => {
      const saved = editing
        ? await applicationsApi.update(Number(id), { ...toApplicationInput(v), version: loaded.current?.version })
        : await applicationsApi.create(toApplicationInput(v));
      const files = v.attachments ?? {};
      if (!ATTACHMENT_KINDS.some((k) => files[k]?.length)) {
        return saved;
      }
      try {
        return await attachFiles(saved.id, files);
      } catch (e) {
        // the application stands; its files can be attached again on its page
        void message.error(t('applications.create.attachFailed', { reason: e instanceof ApiError ? e.message : String(e) }));
        return saved;
      }
    },
    onSaved: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['applications'] });
      void message.success(editing ? t('applications.create.updated') : t('applications.create.created', { reference: saved.reference }));
      void navigate(`/applications/${saved.id}`);
    },
    onReload: () => {
      loaded.current = undefined;
      void existing.refetch();
    },
  });

  const failed = settings.isError ? settings : editing && existing.isError ? existing : undefined;
  if (failed) {
    return <ErrorState error={failed.error} onRetry={() => void failed.refetch()} />;
  }
  if (!settings.data || (editing && !existing.data)) {
    return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  }
  return (
    <Card title={editing
      ? t('applications.create.editTitle', { reference: existing.data?.reference })
      : t('applications.create.title', { form: settings.data.formNumber })}>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} scrollToFirstError data-testid="application-form"
        initialValues={editing ? undefined : { sites: [], language: t('applications.form.defaultLanguage') }}>
        <ApplicationFormFields form={form} settings={settings.data} attachmentsRequired={false} />
        <FormErrors errors={formErrors} />
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="application-save">
            {editing ? t('common.save') : t('applications.create.save')}
          </Button>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

export default withAppContext(ApplicationNew);
