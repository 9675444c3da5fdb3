import { useState } from 'react';
import { Alert, Button, Card, Descriptions, Form, Progress, Space, Spin, Typography } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { submitPublic, type Submitted, type UploadProgress } from '../../api/applications';
import { ErrorState } from '../../components/ErrorPages';
import { FormErrors, useFormSubmit } from '../../components/useFormSubmit';
import { withAppContext } from '../../components/withAppContext';
import { ApplicationFormFields, useApplicationForm } from '../applications/ApplicationFormFields';
import { toApplicationInput, type ApplicationValues } from '../applications/formLogic';
import { PublicPage } from './PublicPage';

/**
 * The application form 16-01 for anyone, without logging in. Submitting answers a reference and a secret, shown
 * this once: with both, the applicant follows the application on the status page.
 */
function PublicApply() {
  const { t } = useTranslation();
  const settings = useApplicationForm();
  const [form] = Form.useForm<ApplicationValues>();
  const [progress, setProgress] = useState<UploadProgress>();
  const [submitted, setSubmitted] = useState<Submitted>();
  const { submit, saving, formErrors } = useFormSubmit(form, {
    write: (v: ApplicationValues) => submitPublic(toApplicationInput(v), v.attachments ?? {}, setProgress)
      .finally(() => setProgress(undefined)),
    onSaved: (answer) => {
      setSubmitted(answer);
      window.scrollTo({ top: 0 });
    },
  });

  if (submitted) {
    return (
      <PublicPage title={t('applications.public.submittedTitle')} testId="public-apply-title" width={720}>
        <Card data-testid="submitted">
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Space><CheckCircleFilled style={{ color: '#52c41a', fontSize: 28 }} /><strong>{t('applications.public.submittedLead')}</strong></Space>
            <Alert type="warning" showIcon message={t('applications.public.keepTitle')} description={t('applications.public.keepText')} />
            <Descriptions bordered column={1} size="middle">
              <Descriptions.Item label={t('applications.fields.reference')}>
                <Typography.Text copyable strong style={{ fontSize: 18 }} data-testid="submitted-reference">{submitted.reference}</Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={t('applications.public.secret')}>
                <Typography.Text copyable code style={{ fontSize: 16 }} data-testid="submitted-secret">{submitted.secret}</Typography.Text>
              </Descriptions.Item>
            </Descriptions>
            <Link to={`/public/applications?reference=${encodeURIComponent(submitted.reference)}`} state={{ secret: submitted.secret }}
              data-testid="status-link">
              <Button type="primary">{t('applications.public.toStatus')}</Button>
            </Link>
          </Space>
        </Card>
      </PublicPage>
    );
  }

  return (
    <PublicPage
      title={t('applications.public.applyTitle')}
      subtitle={settings.data ? t('applications.public.applySubtitle', { form: settings.data.formNumber }) : undefined}
      testId="public-apply-title"
    >
      {settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : !settings.data ? (
        <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />
      ) : (
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} scrollToFirstError data-testid="application-form"
          initialValues={{ sites: [], language: t('applications.form.defaultLanguage') }}>
          <ApplicationFormFields form={form} settings={settings.data} attachmentsRequired />
          <Typography.Paragraph type="secondary">{t('applications.public.declaration')}</Typography.Paragraph>
          {progress ? (
            progress.phase === 'uploading'
              ? <Progress percent={progress.percent} size="small" status="active" format={() => t('documents.uploading', { percent: progress.percent })} />
              : <Typography.Text type="secondary">{t('documents.processing')}</Typography.Text>
          ) : null}
          <FormErrors errors={formErrors} />
          <Button type="primary" htmlType="submit" size="large" loading={saving} data-testid="application-submit" block>
            {t('applications.public.submit')}
          </Button>
        </Form>
      )}
    </PublicPage>
  );
}

export default withAppContext(PublicApply);
