import { useEffect, useState, type ReactNode } from 'react';
import { GRADES } from '../../api/grading';
import { Button, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { STATUSES } from '../../api/customers';
import { emptyFilters, FILTER_FIELDS, type CustomerFilters, type OptionSource } from './filters';
import { useReference } from './reference';
import { isMoney } from './validation';

type Range = [Dayjs | null, Dayjs | null];
type Field = (typeof FILTER_FIELDS)[number];

/**
 * The form's values: a choice, text or money bound is a string, a multiple choice a list, a date range a
 * pair of days. Form items are named after the field, except money bounds, which are named after their
 * parameters (two inputs under one label).
 */
type FormValues = Record<string, string | string[] | Range | undefined>;

function toForm(filters: CustomerFilters): FormValues {
  const values: FormValues = {};
  for (const field of FILTER_FIELDS) {
    switch (field.kind) {
      case 'choices':
        values[field.name] = filters[field.params[0]];
        break;
      case 'dates': {
        const [from, to] = field.params.map((p) => filters[p]);
        values[field.name] = from || to ? [from ? dayjs(from) : null, to ? dayjs(to) : null] : undefined;
        break;
      }
      default:
        for (const param of field.params) {
          values[field.kind === 'money' ? param : field.name] = filters[param];
        }
    }
  }
  return values;
}

function fromForm(values: FormValues): CustomerFilters {
  const filters = emptyFilters();
  for (const field of FILTER_FIELDS) {
    switch (field.kind) {
      case 'choices':
        filters[field.params[0]] = (values[field.name] as string[] | undefined) ?? [];
        break;
      case 'dates': {
        const range = (values[field.name] as Range | undefined) ?? [null, null];
        field.params.forEach((param, i) => {
          filters[param] = range[i] ? range[i].format('YYYY-MM-DD') : undefined;
        });
        break;
      }
      case 'choice':
        filters[field.params[0]] = (values[field.name] as string | undefined) || undefined;
        break;
      default:
        for (const param of field.params) {
          filters[param] = (values[field.kind === 'money' ? param : field.name] as string | undefined)?.trim() || undefined;
        }
    }
  }
  return filters;
}

function inUse(field: Field, filters: CustomerFilters): boolean {
  return field.kind === 'choices' ? filters[field.params[0]].length > 0 : field.params.some((p) => !!filters[p]);
}

/** Every filter the API offers (FILTER_FIELDS, in its order); the first row always shows, the rest folds away. */
export function CustomerFilterForm({ value, onSearch }: { value: CustomerFilters; onSearch: (f: CustomerFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const reference = useReference();
  const [expanded, setExpanded] = useState(() => FILTER_FIELDS.some((f) => 'advanced' in f && f.advanced && inUse(f, value)));

  // the URL is the truth: back/forward and shared links refill the form
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toForm(value));
  }, [form, value]);

  const money = { validator: (_: unknown, v?: string) => (!v || isMoney(v) ? Promise.resolve() : Promise.reject(new Error(t('validation.money')))) };
  const options: Record<OptionSource, { value: string; label: string }[] | undefined> = {
    statuses: STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })),
    provinces: reference.data?.provinces.map((p) => ({ value: p.code, label: p.name })),
    schemes: reference.data?.schemes.map((s) => ({ value: s.code, label: `${s.code} ${s.name}` })),
    professionalCodes: reference.data?.professionalCodes.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` })),
    grades: GRADES.map((g) => ({ value: g, label: g })),
    openOrNone: [
      { value: 'true', label: t('customer.systemChange.filterOpen') },
      { value: 'false', label: t('customer.systemChange.filterNone') },
    ],
  };
  const loading = (source: OptionSource) => source !== 'statuses' && source !== 'openOrNone' && source !== 'grades' && reference.isLoading;

  const item = (field: Field): ReactNode => {
    switch (field.kind) {
      case 'text':
        return (
          <Form.Item name={field.name} label={t(field.label)}>
            <Input allowClear placeholder={t(field.placeholder)} onPressEnter={() => form.submit()} />
          </Form.Item>
        );
      case 'choices':
        return (
          <Form.Item name={field.name} label={t(field.label)}>
            <Select mode="multiple" allowClear maxTagCount="responsive" optionFilterProp="label"
              loading={loading(field.options)} options={options[field.options]} />
          </Form.Item>
        );
      case 'choice':
        return (
          <Form.Item name={field.name} label={t(field.label)}>
            <Select allowClear showSearch optionFilterProp="label" loading={loading(field.options)} options={options[field.options]} />
          </Form.Item>
        );
      case 'dates':
        return (
          <Form.Item name={field.name} label={t(field.label)}>
            <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
          </Form.Item>
        );
      case 'money':
        return (
          <Form.Item label={t(field.label)}>
            <Space.Compact block>
              <Form.Item name={field.params[0]} rules={[money]} noStyle><Input placeholder={t('filters.min')} /></Form.Item>
              <Form.Item name={field.params[1]} rules={[money]} noStyle><Input placeholder={t('filters.max')} /></Form.Item>
            </Space.Compact>
          </Form.Item>
        );
    }
  };
  const row = (fields: readonly Field[]) => (
    <Row gutter={16}>
      {fields.map((field) => <Col key={field.name} xs={24} md={12} xl={6}>{item(field)}</Col>)}
    </Row>
  );

  return (
    <Form form={form} layout="vertical" onFinish={(v) => onSearch(fromForm(v))} data-testid="customer-filters" initialValues={toForm(value)}>
      {row(FILTER_FIELDS.filter((f) => !('advanced' in f && f.advanced)))}
      {expanded ? row(FILTER_FIELDS.filter((f) => 'advanced' in f && f.advanced)) : null}
      <Space style={{ marginBottom: 8 }}>
        <Button type="primary" htmlType="submit" data-testid="filters-search">{t('common.search')}</Button>
        <Button onClick={() => onSearch(emptyFilters())}>{t('common.reset')}</Button>
        <Button type="link" onClick={() => setExpanded(!expanded)} icon={expanded ? <UpOutlined /> : <DownOutlined />}>
          {expanded ? t('filters.fewer') : t('filters.more')}
        </Button>
      </Space>
    </Form>
  );
}
