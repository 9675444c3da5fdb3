import { useEffect, useState } from 'react';
import { Button, Col, DatePicker, Form, Input, Row, Select, Space } from 'antd';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { STATUSES } from '../../api/customers';
import { emptyFilters, type CustomerFilters } from './filters';
import { useReference } from './reference';
import { isMoney } from './validation';

type Range = [Dayjs | null, Dayjs | null];

interface FormValues {
  q?: string;
  province: string[];
  status: string[];
  scheme: string[];
  professionalCode?: string;
  audit?: Range;
  surveillance?: Range;
  expires?: Range;
  initialFeeMin?: string;
  initialFeeMax?: string;
  surveillanceFeeMin?: string;
  surveillanceFeeMax?: string;
}

const RANGES = [
  ['audit', 'auditFrom', 'auditTo'],
  ['surveillance', 'surveillanceFrom', 'surveillanceTo'],
  ['expires', 'expiresFrom', 'expiresTo'],
] as const;

function toForm(filters: CustomerFilters): FormValues {
  const values: FormValues = { ...filters };
  for (const [range, from, to] of RANGES) {
    values[range] = filters[from] || filters[to]
      ? [filters[from] ? dayjs(filters[from]) : null, filters[to] ? dayjs(filters[to]) : null]
      : undefined;
  }
  return values;
}

function fromForm(values: FormValues): CustomerFilters {
  const filters: CustomerFilters = {
    ...emptyFilters(),
    q: values.q?.trim() || undefined,
    province: values.province ?? [],
    status: values.status ?? [],
    scheme: values.scheme ?? [],
    professionalCode: values.professionalCode || undefined,
  };
  for (const [range, from, to] of RANGES) {
    const [start, end] = values[range] ?? [null, null];
    filters[from] = start ? start.format('YYYY-MM-DD') : undefined;
    filters[to] = end ? end.format('YYYY-MM-DD') : undefined;
  }
  for (const key of ['initialFeeMin', 'initialFeeMax', 'surveillanceFeeMin', 'surveillanceFeeMax'] as const) {
    filters[key] = values[key]?.trim() || undefined;
  }
  return filters;
}

/** Every filter the API offers; the first row always shows, the rest folds away. */
export function CustomerFilterForm({ value, onSearch }: { value: CustomerFilters; onSearch: (f: CustomerFilters) => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const reference = useReference();
  const advancedInUse = RANGES.some(([, from, to]) => value[from] || value[to]) || !!value.professionalCode
    || !!(value.initialFeeMin || value.initialFeeMax || value.surveillanceFeeMin || value.surveillanceFeeMax);
  const [expanded, setExpanded] = useState(advancedInUse);

  // the URL is the truth: back/forward and shared links refill the form
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toForm(value));
  }, [form, value]);

  const money = { validator: (_: unknown, v?: string) => (!v || isMoney(v) ? Promise.resolve() : Promise.reject(new Error(t('validation.money')))) };
  const statusOptions = STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }));

  return (
    <Form form={form} layout="vertical" onFinish={(v) => onSearch(fromForm(v))} data-testid="customer-filters" initialValues={toForm(value)}>
      <Row gutter={16}>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="q" label={t('filters.q')}>
            <Input allowClear placeholder={t('filters.qPlaceholder')} onPressEnter={() => form.submit()} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="province" label={t('client.provinceCode')}>
            <Select mode="multiple" allowClear maxTagCount="responsive" optionFilterProp="label"
              loading={reference.isLoading}
              options={reference.data?.provinces.map((p) => ({ value: p.code, label: p.name }))} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="status" label={t('certification.status')}>
            <Select mode="multiple" allowClear maxTagCount="responsive" options={statusOptions} optionFilterProp="label" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Form.Item name="scheme" label={t('certification.scheme')}>
            <Select mode="multiple" allowClear maxTagCount="responsive" optionFilterProp="label"
              options={reference.data?.schemes.map((s) => ({ value: s.code, label: `${s.code} ${s.name}` }))} />
          </Form.Item>
        </Col>
      </Row>
      {expanded ? (
        <Row gutter={16}>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="professionalCode" label={t('client.professionalCodes')}>
              <Select allowClear showSearch optionFilterProp="label"
                options={reference.data?.professionalCodes.map((p) => ({ value: p.code, label: `${p.code} ${p.name}` }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="audit" label={t('filters.auditRange')}>
              <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="surveillance" label={t('filters.surveillanceRange')}>
              <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item name="expires" label={t('filters.expiresRange')}>
              <DatePicker.RangePicker allowEmpty={[true, true]} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item label={t('filters.initialFee')}>
              <Space.Compact block>
                <Form.Item name="initialFeeMin" rules={[money]} noStyle><Input placeholder={t('filters.min')} /></Form.Item>
                <Form.Item name="initialFeeMax" rules={[money]} noStyle><Input placeholder={t('filters.max')} /></Form.Item>
              </Space.Compact>
            </Form.Item>
          </Col>
          <Col xs={24} md={12} xl={6}>
            <Form.Item label={t('filters.surveillanceFee')}>
              <Space.Compact block>
                <Form.Item name="surveillanceFeeMin" rules={[money]} noStyle><Input placeholder={t('filters.min')} /></Form.Item>
                <Form.Item name="surveillanceFeeMax" rules={[money]} noStyle><Input placeholder={t('filters.max')} /></Form.Item>
              </Space.Compact>
            </Form.Item>
          </Col>
        </Row>
      ) : null}
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
