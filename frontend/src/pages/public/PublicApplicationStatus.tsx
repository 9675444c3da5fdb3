import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, Select, Space } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useLocation, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import {
  answerPublic, ATTACHMENT_KINDS, publicStatus, withdrawPublic, type AttachmentKind, type PublicStatus,
} from '../../api/applications';
import { ApiError } from '../../api/http';
import { FormErrors, useFormSubmit } from '../../components/useFormSubmit';
import { withAppContext } from '../../components/withAppContext';
import { FilesChooser, useApplicationForm } from '../applications/ApplicationFormFields';
import { ApplicationStatusTag } from '../applications/StatusTag';
import { Thread } from '../applications/Thread';
import { formatDateTime } from '../documents/format';
import { PublicPage } from './PublicPage';

/** Why a lookup failed, as the applicant reads it. */
export function lookupError(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    if (error.status === 429) {
      return error.retryAfter !== undefined ? t('errors.rateLimited', { seconds: error.retryAfter }) : t('errors.rateLimitedSoon');
    }
    if (error.status === 404) {
      return t('applications.public.notFound');
    }
    if (error.isNetwork) {
      return t('errors.network');
    }
  }
  return error instanceof Error ? error.message : String(error);
}

interface Credentials { reference: string; secret: string }
interface AnswerValues { text?: string; kind: AttachmentKind; files?: File[] }

/**
 * "My application": with the reference and the secret given at submission, the applicant sees the status, the
 * decision and its reasons, the thread; answers a request for information (with files) and may withdraw.
 * The secret never goes into the address bar.
 */
function PublicApplicationStatus() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const [params] = useSearchParams();
  const location = useLocation();
  const given = (location.state as { secret?: string } | null)?.secret;
  const [lookup] = Form.useForm<Credentials>();
  const [answerForm] = Form.useForm<AnswerValues>();
  const [credentials, setCredentials] = useState<Credentials>();
  const [status, setStatus] = useState<PublicStatus>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [withdrawReason, setWithdrawReason] = useState('');
  const settings = useApplicationForm();

  const open = async (c: Credentials) => {
    const trimmed = { reference: c.reference.trim(), secret: c.secret.trim() };
    setLoading(true);
    setError(undefined);
    try {
      setStatus(await publicStatus(trimmed.reference, trimmed.secret));
      setCredentials(trimmed);
    } catch (e) {
      setStatus(undefined);
      setError(lookupError(e, t));
    } finally {
      setLoading(false);
    }
  };

  useEffect(() => {
    const reference = params.get('reference');
    if (reference && given) {
      void open({ reference, secret: given });
    }
    // once, with what the submission page handed over
  }, []);

  const answer = useFormSubmit(answerForm, {
    write: (v: AnswerValues) => answerPublic(credentials!.reference, credentials!.secret, (v.text ?? '').trim(),
      v.files?.length ? { [v.kind]: v.files } : {}),
    onSaved: (next) => {
      setStatus(next);
      answerForm.resetFields();
      void message.success(t('applications.public.answered'));
    },
  });

  const withdraw = () => {
    modal.confirm({
      title: t('applications.public.withdrawTitle'),
      content: t('applications.public.withdrawConfirm'),
      okText: t('applications.actions.withdraw'),
      okButtonProps: { danger: true, 'data-testid': 'withdraw-confirm' },
      cancelText: t('common.cancel'),
      onOk: async () => {
        setWithdrawing(true);
        try {
          setStatus(await withdrawPublic(credentials!.reference, credentials!.secret, withdrawReason));
        } catch (e) {
          void message.error(lookupError(e, t));
        } finally {
          setWithdrawing(false);
        }
      },
    });
  };

  const schemeName = (code: string) => settings.data?.schemes.find((s) => s.code === code)?.name ?? code;
  const final = status && ['ACCEPTED', 'REJECTED', 'WITHDRAWN'].includes(status.status);

  return (
    <PublicPage title={t('applications.public.statusTitle')} subtitle={t('applications.public.statusSubtitle')}
      testId="public-status-title" width={860}>
      <Card style={{ marginBottom: 16 }}>
        <Form form={lookup} layout="vertical" onFinish={(v) => void open(v)} data-testid="lookup-form"
          initialValues={{ reference: params.get('reference') ?? '', secret: given ?? '' }}>
          <Space wrap align="end" style={{ width: '100%' }}>
            <Form.Item name="reference" label={t('applications.fields.reference')} style={{ marginBottom: 0, minWidth: 220 }}
              rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('applications.fields.reference') }) }]}>
              <Input autoComplete="off" />
            </Form.Item>
            <Form.Item name="secret" label={t('applications.public.secret')} style={{ marginBottom: 0, minWidth: 260 }}
              rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('applications.public.secret') }) }]}>
              <Input.Password autoComplete="off" />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={loading} data-testid="lookup-submit">
              {t('applications.public.lookup')}
            </Button>
          </Space>
        </Form>
        {error ? <Alert type="error" showIcon style={{ marginTop: 16 }} message={error} data-testid="lookup-error" /> : null}
      </Card>

      {status ? (
        <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="public-status">
          <Card title={<Space wrap>{status.name}<ApplicationStatusTag status={status.status} /></Space>}>
            <Descriptions column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} size="small">
              <Descriptions.Item label={t('applications.fields.reference')}>{status.reference}</Descriptions.Item>
              <Descriptions.Item label={t('applications.fields.schemes')}>{status.schemes.map(schemeName).join('、')}</Descriptions.Item>
              <Descriptions.Item label={t('applications.fields.submittedAt')}>{formatDateTime(status.submittedAt)}</Descriptions.Item>
              <Descriptions.Item label={t('applications.fields.decidedAt')}>{formatDateTime(status.decidedAt)}</Descriptions.Item>
            </Descriptions>
            <Alert style={{ marginTop: 12 }} showIcon type={status.status === 'REJECTED' ? 'error' : status.status === 'ACCEPTED' ? 'success' : status.status === 'NEEDS_INFO' ? 'warning' : 'info'}
              message={t(`applications.public.explain.${status.status}`)}
              description={status.decisionReasons ? <span data-testid="decision-reasons" style={{ whiteSpace: 'pre-wrap' }}>{status.decisionReasons}</span> : undefined} />
          </Card>

          <Card title={t('applications.thread.title')} size="small">
            <Thread messages={status.thread.map((m, i) => ({ key: i, kind: m.kind, text: m.text, writtenAt: m.writtenAt, files: m.attachments }))} />
          </Card>

          {status.status === 'NEEDS_INFO' ? (
            <Card title={t('applications.public.answerTitle')} size="small">
              <Form form={answerForm} layout="vertical" onFinish={(v) => void answer.submit(v)} data-testid="answer-form"
                initialValues={{ kind: 'OTHER' }}>
                <Form.Item name="text" label={t('applications.public.answerText')}
                  rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('applications.public.answerText') }) }, { max: 4000 }]}>
                  <Input.TextArea rows={4} maxLength={4000} showCount />
                </Form.Item>
                <Space wrap align="start">
                  <Form.Item name="kind" label={t('applications.public.fileKind')}>
                    <Select style={{ width: 200 }} options={ATTACHMENT_KINDS.map((k) => ({ value: k, label: t(`applications.kinds.${k}`) }))} />
                  </Form.Item>
                  <Form.Item name="files" label={t('applications.public.answerFiles')}>
                    <FilesChooser kind="OTHER" accept=".pdf,.docx,.png,.jpg,.jpeg" label={t('applications.form.chooseFiles')} />
                  </Form.Item>
                </Space>
                <FormErrors errors={answer.formErrors} />
                <div><Button type="primary" htmlType="submit" loading={answer.saving} data-testid="answer-submit">{t('applications.public.sendAnswer')}</Button></div>
              </Form>
            </Card>
          ) : null}

          {status.attachments.length ? (
            <Card title={t('applications.detail.attachments')} size="small">
              <Space direction="vertical">
                {status.attachments.map((a, i) => <span key={i}>{t(`applications.kinds.${a.kind}`)}：{a.fileName}</span>)}
              </Space>
            </Card>
          ) : null}

          {!final ? (
            <Card size="small">
              <Space wrap>
                <Input placeholder={t('applications.public.withdrawReason')} value={withdrawReason} maxLength={2000}
                  onChange={(e) => setWithdrawReason(e.target.value)} style={{ minWidth: 260 }} />
                <Button danger loading={withdrawing} onClick={withdraw} data-testid="withdraw">{t('applications.actions.withdraw')}</Button>
              </Space>
            </Card>
          ) : null}
        </Space>
      ) : null}
    </PublicPage>
  );
}


export default withAppContext(PublicApplicationStatus);
