import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Input, Radio, Select, Space, Spin } from 'antd';
import { CheckCircleFilled } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { customersApi } from '../../api/customers';
import { FEEDBACK_CHANNELS, FEEDBACK_KINDS, feedbackApi, newIdempotencyKey, type FeedbackItem } from '../../api/feedback';
import { ApiError } from '../../api/http';
import { useRoles } from '../../auth/useRoles';
import { StatusPage } from '../../components/ErrorPages';
import { FormErrors, useFormSubmit } from '../../components/useFormSubmit';
import { withAppContext } from '../../components/withAppContext';
import { toFeedbackInput, type FeedbackValues } from './formLogic';

const WORDS_MAX = 10_000;

/**
 * Post a customer's requirement, feedback, complaint or appeal (/feedback/new): market, the departments and auditors.
 * Market picks the customer from the registry (or names a prospect); the others, who cannot read the registry, name
 * the customer. One Idempotency-Key per opened form: a double click or a retry returns the first item, never a second.
 */
function FeedbackNew() {
  const { t } = useTranslation();
  const { can } = useRoles();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FeedbackValues>();
  const [key, setKey] = useState(newIdempotencyKey);
  const [posted, setPosted] = useState<FeedbackItem>();
  const registry = can('customers:read');
  const mode = Form.useWatch('customerMode', form) ?? (registry ? 'registered' : 'prospect');
  const [search, setSearch] = useState('');
  const customers = useQuery({
    queryKey: ['customers', 'pick', search],
    queryFn: () => customersApi.list({ q: search, size: 20 }),
    enabled: registry && mode === 'registered',
  });

  const { submit, saving, formErrors } = useFormSubmit(form, {
    write: async (v: FeedbackValues) => {
      try {
        return await feedbackApi.create(toFeedbackInput(v), key);
      } catch (e) {
        if (e instanceof ApiError && (e.code === 'idempotency-key-reused' || e.code === 'no-department')) {
          throw new ApiError(e.status, e.problem, t(`feedback.problems.${e.code}`));
        }
        throw e;
      }
    },
    onSaved: (item) => {
      void queryClient.invalidateQueries({ queryKey: ['feedback'] });
      void message.success(t('feedback.create.created', { reference: item.reference }));
      if (can('feedback:read')) {
        void navigate(`/feedback/${item.id}`);
      } else {
        setPosted(item); // an auditor posts but reads nothing here
      }
    },
  });

  if (posted) {
    return (
      <Card>
        <StatusPage
          testId="feedback-posted"
          icon={<CheckCircleFilled style={{ color: '#52c41a' }} />}
          title={t('feedback.create.postedTitle')}
          subTitle={<span data-testid="feedback-posted-reference">{t('feedback.create.postedText', { reference: posted.reference })}</span>}
          extra={<Button type="primary" data-testid="feedback-another" onClick={() => {
            form.resetFields();
            setKey(newIdempotencyKey());
            setPosted(undefined);
          }}>{t('feedback.create.another')}</Button>}
        />
      </Card>
    );
  }

  const required = (label: string) => ({ required: true, whitespace: true, message: t('validation.required', { field: label }) });
  return (
    <Card title={t('feedback.create.title')}>
      <p style={{ color: 'rgba(0,0,0,0.45)', marginTop: 0 }}>{t('feedback.create.subtitle')}</p>
      <Form<FeedbackValues> form={form} layout="vertical" style={{ maxWidth: 760 }} data-testid="feedback-form"
        onFinish={(v) => void submit(v)} scrollToFirstError
        initialValues={{ customerMode: registry ? 'registered' : 'prospect' }}>
        {registry ? (
          <Form.Item name="customerMode" label={t('feedback.create.customerMode')}>
            <Radio.Group optionType="button" options={[
              { value: 'registered', label: t('feedback.create.registered') },
              { value: 'prospect', label: t('feedback.create.prospect') },
            ]} />
          </Form.Item>
        ) : <Form.Item name="customerMode" hidden><Input /></Form.Item>}
        {mode === 'registered' ? (
          <Form.Item name="customerId" label={t('feedback.fields.customer')} rules={[{ required: true, message: t('feedback.create.customerRequired') }]}>
            <Select<number>
              showSearch filterOption={false} onSearch={setSearch} allowClear
              placeholder={t('feedback.create.customerSearch')} data-testid="feedback-customer"
              notFoundContent={customers.isFetching ? <Spin size="small" /> : t('feedback.create.noCustomers')}
              options={(customers.data?.items ?? []).map((c) => ({ value: c.id!, label: `${c.name}${c.creditCode ? `（${c.creditCode}）` : ''}` }))}
            />
          </Form.Item>
        ) : (
          <Form.Item name="prospectName" label={t('feedback.create.prospectName')}
            extra={registry ? t('feedback.create.prospectHelp') : t('feedback.create.noRegistryHelp')}
            rules={[required(t('feedback.create.prospectName')), { max: 200 }]}>
            <Input maxLength={200} data-testid="feedback-prospect" />
          </Form.Item>
        )}
        <Space size="large" wrap style={{ width: '100%' }} align="start">
          <Form.Item name="kind" label={t('feedback.fields.kind')} style={{ minWidth: 240 }}
            dependencies={['customerMode']}
            rules={[
              { required: true, message: t('feedback.create.choose', { field: t('feedback.fields.kind') }) },
              ({ getFieldValue }) => ({
                validator: (_, kind) => (kind === 'CLIENT_SYSTEM_CHANGE' && getFieldValue('customerMode') !== 'registered'
                  ? Promise.reject(new Error(t('feedback.create.systemChangeNeedsCustomer'))) : Promise.resolve()),
              }),
            ]}>
            <Select data-testid="feedback-kind" options={FEEDBACK_KINDS.map((k) => ({ value: k, label: t(`feedback.kinds.${k}`) }))} />
          </Form.Item>
          <Form.Item name="channel" label={t('feedback.fields.channel')} style={{ minWidth: 240 }}
            rules={[{ required: true, message: t('feedback.create.choose', { field: t('feedback.fields.channel') }) }]}>
            <Select data-testid="feedback-channel" options={FEEDBACK_CHANNELS.map((c) => ({ value: c, label: t(`feedback.channels.${c}`) }))} />
          </Form.Item>
          <Form.Item name="receivedAt" label={t('feedback.create.receivedAt')} extra={t('feedback.create.receivedAtHelp')}
            rules={[{ validator: (_, v?: Dayjs) => (v && v.isAfter(dayjs()) ? Promise.reject(new Error(t('feedback.create.future'))) : Promise.resolve()) }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 220 }}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')} data-testid="feedback-received-at" />
          </Form.Item>
        </Space>
        <Form.Item name="words" label={t('feedback.create.words')} extra={t('feedback.create.wordsHelp')}
          rules={[required(t('feedback.create.words')), { max: WORDS_MAX }]}>
          <Input.TextArea rows={6} maxLength={WORDS_MAX} showCount data-testid="feedback-words" />
        </Form.Item>
        <FormErrors errors={formErrors} />
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="feedback-submit">{t('feedback.create.submit')}</Button>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

export default withAppContext(FeedbackNew);
