import { useEffect, useRef } from 'react';
import { App, Button, Card, Checkbox, Col, Form, Input, Row, Select, Space, Spin } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Rule } from 'antd/es/form';
import { customersApi, type Customer, type CustomerInput, type Contact } from '../../api/customers';
import { ErrorState } from '../../components/ErrorPages';
import { FormErrors, useFormSubmit } from '../../components/useFormSubmit';
import { useReference } from './reference';
import { checkCreditCode, checkPostalCode, isEmail, isPhone, normalizeCreditCode } from './validation';
import { withAppContext } from '../../components/withAppContext';

type FormValues = Omit<CustomerInput, 'contacts' | 'provinceCode'> & { contacts: Contact[]; provinceCode?: string };

const FIELDS: (keyof FormValues)[] = ['name', 'creditCode', 'creditCodeOverrideReason', 'provinceCode', 'city', 'address',
  'postalCode', 'contacts', 'professionalCodes', 'remarks'];

function toValues(customer?: Customer): FormValues {
  if (!customer) {
    return { name: '', creditCode: '', contacts: [{ name: '', primary: true }], professionalCodes: [] };
  }
  const values = {} as Record<string, unknown>;
  for (const f of FIELDS) {
    values[f] = customer[f as keyof Customer] ?? undefined;
  }
  return values as FormValues;
}

function toInput(values: FormValues, version?: number): CustomerInput {
  const blank = (s?: string | null) => (s && s.trim() ? s.trim() : null);
  return {
    name: values.name.trim(),
    creditCode: normalizeCreditCode(values.creditCode ?? ''),
    creditCodeOverrideReason: blank(values.creditCodeOverrideReason),
    provinceCode: values.provinceCode ?? '',
    city: blank(values.city),
    address: blank(values.address),
    postalCode: blank(values.postalCode),
    contacts: (values.contacts ?? []).map((c) => ({
      name: c.name?.trim() ?? '', role: blank(c.role), phone: blank(c.phone), email: blank(c.email), primary: !!c.primary,
    })),
    professionalCodes: values.professionalCodes ?? [],
    remarks: blank(values.remarks),
    version,
  };
}

/** Register a customer or change one; the same checks as the server where they are cheap. */
function CustomerFormPage() {
  const { id } = useParams();
  const editing = id !== undefined;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const reference = useReference();
  const [form] = Form.useForm<FormValues>();
  const loaded = useRef<Customer>(undefined);
  const existing = useQuery({ queryKey: ['customers', Number(id)], queryFn: () => customersApi.get(Number(id)), enabled: editing });

  useEffect(() => {
    if (existing.data && loaded.current?.version !== existing.data.version) {
      loaded.current = existing.data;
      form.setFieldsValue(toValues(existing.data));
    }
  }, [existing.data, form]);

  const creditCode = Form.useWatch('creditCode', form);
  const creditCodeFailsCheck = !!creditCode && checkCreditCode(normalizeCreditCode(creditCode)).ok === false
    && normalizeCreditCode(creditCode).length === 18;

  const creditCodeRule: Rule = ({ getFieldValue }) => ({
    validator(_, value?: string) {
      if (!value) {
        return Promise.resolve();
      }
      const verdict = checkCreditCode(normalizeCreditCode(value));
      if (verdict.ok) {
        return Promise.resolve();
      }
      if (verdict.reason === 'malformed') {
        return Promise.reject(new Error(t('validation.creditCodeMalformed')));
      }
      // a code that fails the check digit may still be right: the reason field lets it through
      return getFieldValue('creditCodeOverrideReason')?.trim()
        ? Promise.resolve()
        : Promise.reject(new Error(t('validation.creditCodeCheck', { expected: verdict.expected })));
    },
  });
  const postalRule: Rule = ({ getFieldValue }) => ({
    validator(_, value?: string) {
      if (!value) {
        return Promise.resolve();
      }
      const verdict = checkPostalCode(value.trim(), getFieldValue('provinceCode'));
      if (verdict.ok) {
        return Promise.resolve();
      }
      return Promise.reject(new Error(verdict.expected ? t('validation.postalRegion', { expected: verdict.expected }) : t('validation.postal')));
    },
  });
  const phoneRule: Rule = { validator: (_, v?: string) => (!v || isPhone(v) ? Promise.resolve() : Promise.reject(new Error(t('validation.phone')))) };
  const emailRule: Rule = { validator: (_, v?: string) => (!v || isEmail(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t('validation.email')))) };
  const required = (label: string): Rule => ({ required: true, whitespace: true, message: t('validation.required', { field: label }) });

  const reload = async () => {
    const fresh = await existing.refetch();
    if (fresh.data) {
      loaded.current = fresh.data;
      form.setFieldsValue(toValues(fresh.data));
    }
  };

  /** The fields someone else changed since this form loaded the record. */
  const changedFields = async (): Promise<string[]> => {
    const before = loaded.current;
    const after = await customersApi.get(Number(id)).catch(() => undefined);
    if (!before || !after) {
      return [];
    }
    return FIELDS.filter((f) => JSON.stringify(before[f as keyof Customer] ?? null) !== JSON.stringify(after[f as keyof Customer] ?? null))
      .map((f) => t(`customer.${f}`));
  };

  const { submit, saving, formErrors } = useFormSubmit(form, {
    write: (values) => (editing
      ? customersApi.update(Number(id), toInput(values, loaded.current?.version))
      : customersApi.create(toInput(values))),
    onSaved: (saved) => {
      void queryClient.invalidateQueries({ queryKey: ['customers'] });
      void message.success(editing ? t('form.saved') : t('form.created'));
      navigate(`/customers/${saved.id}`);
    },
    onReload: () => void reload(),
    changed: changedFields,
  });

  if (editing && existing.isError) {
    return <ErrorState error={existing.error} onRetry={() => void existing.refetch()} />;
  }
  if (editing && !existing.data) {
    return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  }

  return (
    <Card title={editing ? t('form.editTitle', { name: existing.data?.name }) : t('form.createTitle')}>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={toValues(existing.data)}
        scrollToFirstError data-testid="customer-form">
        <FormErrors errors={formErrors} />
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="name" label={t('customer.name')} rules={[required(t('customer.name')), { max: 200 }]}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="creditCode" label={t('customer.creditCode')} dependencies={['creditCodeOverrideReason']}
              rules={[required(t('customer.creditCode')), creditCodeRule]} normalize={(v: string) => v?.toUpperCase()}>
              <Input maxLength={24} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          {creditCodeFailsCheck || existing.data?.creditCodeOverrideReason ? (
            <Col xs={24}>
              <Form.Item name="creditCodeOverrideReason" label={t('customer.creditCodeOverrideReason')} extra={t('form.overrideHint')}>
                <Input maxLength={500} />
              </Form.Item>
            </Col>
          ) : null}
          <Col xs={24} md={8}>
            <Form.Item name="provinceCode" label={t('customer.provinceCode')} rules={[{ required: true, message: t('validation.required', { field: t('customer.provinceCode') }) }]}>
              <Select showSearch optionFilterProp="label" loading={reference.isLoading} data-testid="province-select"
                options={reference.data?.provinces.map((p) => ({ value: p.code, label: p.name }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="city" label={t('customer.city')} rules={[{ max: 100 }]}><Input /></Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="postalCode" label={t('customer.postalCode')} dependencies={['provinceCode']} rules={[postalRule]}>
              <Input maxLength={6} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="address" label={t('customer.address')} rules={[{ max: 500 }]}><Input /></Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="professionalCodes" label={t('customer.professionalCodes')}>
              <Select mode="multiple" optionFilterProp="label" allowClear
                options={reference.data?.professionalCodes.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))} />
            </Form.Item>
          </Col>
        </Row>
        <Form.List
          name="contacts"
          rules={[{
            validator: async (_, contacts?: Contact[]) => {
              if (contacts?.length && contacts.filter((c) => c?.primary).length !== 1) {
                throw new Error(t('validation.onePrimary'));
              }
            },
          }]}
        >
          {(fields, { add, remove }, { errors }) => (
            <Card type="inner" size="small" title={t('customer.contacts')} style={{ marginBottom: 24 }}>
              {fields.map((field) => (
                <Row gutter={8} key={field.key} align="top">
                  <Col xs={24} md={5}>
                    <Form.Item name={[field.name, 'name']} label={t('contact.name')} rules={[required(t('contact.name'))]}><Input /></Form.Item>
                  </Col>
                  <Col xs={24} md={4}>
                    <Form.Item name={[field.name, 'role']} label={t('contact.role')}><Input /></Form.Item>
                  </Col>
                  <Col xs={24} md={5}>
                    <Form.Item name={[field.name, 'phone']} label={t('contact.phone')} rules={[phoneRule]}><Input /></Form.Item>
                  </Col>
                  <Col xs={24} md={6}>
                    <Form.Item name={[field.name, 'email']} label={t('contact.email')} rules={[emailRule]}><Input /></Form.Item>
                  </Col>
                  <Col xs={20} md={3}>
                    <Form.Item name={[field.name, 'primary']} label=" " valuePropName="checked">
                      <Checkbox onChange={(e) => {
                        if (e.target.checked) {
                          const contacts = form.getFieldValue('contacts') as Contact[];
                          form.setFieldValue('contacts', contacts.map((c, i) => ({ ...c, primary: i === field.name })));
                        }
                      }}>{t('contact.primary')}</Checkbox>
                    </Form.Item>
                  </Col>
                  <Col xs={4} md={1}>
                    <Form.Item label=" ">
                      <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('form.removeContact')} />
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Button type="dashed" onClick={() => add({ name: '', primary: fields.length === 0 })} icon={<PlusOutlined />}>
                {t('form.addContact')}
              </Button>
              <Form.ErrorList errors={errors} />
            </Card>
          )}
        </Form.List>
        <Form.Item name="remarks" label={t('customer.remarks')} rules={[{ max: 2000 }]}><Input.TextArea rows={3} /></Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="customer-save">{t('common.save')}</Button>
          <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

export default withAppContext(CustomerFormPage);
