import { Alert, Button, Card, Col, Form, Input, InputNumber, Radio, Row, Select, Space, Typography, Upload, type FormInstance } from 'antd';
import { DeleteOutlined, MinusCircleOutlined, PaperClipOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Rule } from 'antd/es/form';
import { applicationsApi, ATTACHMENT_KINDS, type ApplicationForm, type AttachmentKind } from '../../api/applications';
import { formatSize } from '../../api/download';
import { checkCreditCode, checkPostalCode, isEmail, isPhone, normalizeCreditCode } from '../customers/validation';
import { requiredAttachments, type ApplicationValues } from './formLogic';

/** The form's settings (schemes with their attachments, provinces, guidance, limits) in the user's language. */
export function useApplicationForm() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['applications', 'form', i18n.language],
    queryFn: applicationsApi.form,
    staleTime: 10 * 60_000,
  });
}

/** The accepted types as people read them: "PDF, DOCX, PNG, JPEG". */
export function typeNames(acceptedTypes: readonly string[]): string {
  const names: Record<string, string> = {
    'application/pdf': 'PDF',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
    'image/png': 'PNG',
    'image/jpeg': 'JPEG',
  };
  return acceptedTypes.map((t) => names[t] ?? t).join(', ');
}

/** Several files of one kind, kept in the form until it is sent: antd's Upload as a form control. */
export function FilesChooser({ value, onChange, kind, accept, label }: {
  value?: File[]; onChange?: (files: File[]) => void; kind: AttachmentKind; accept: string; label: string;
}) {
  const { t } = useTranslation();
  const files = value ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid={`attachments-${kind}`}>
      <Upload
        accept={accept}
        multiple
        showUploadList={false}
        beforeUpload={(chosen) => {
          onChange?.([...(value ?? []), chosen]);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />}>{label}</Button>
      </Upload>
      {files.map((file, i) => (
        <Space key={`${file.name}-${i}`} data-testid={`attachment-file-${kind}`}>
          <PaperClipOutlined />
          <Typography.Text>{file.name} · {formatSize(file.size)}</Typography.Text>
          <Button type="text" size="small" icon={<DeleteOutlined />} aria-label={t('applications.form.removeFile')}
            onClick={() => onChange?.(files.filter((_, j) => j !== i))} />
        </Space>
      ))}
    </Space>
  );
}

/**
 * The fields of form 16-01 (认证申请书), shared by the public page and market's entry on a client's behalf: the
 * same checks as the service where they are cheap (credit code check character, postal code, phone, e-mail), the
 * service's guidance beside each field, the attachments the chosen schemes require marked required.
 */
export function ApplicationFormFields({ form, settings, attachmentsRequired }: {
  form: FormInstance<ApplicationValues>;
  settings: ApplicationForm;
  /** The public form must carry the required attachments; market may attach them later, before submitting. */
  attachmentsRequired: boolean;
}) {
  const { t } = useTranslation();
  const schemes = Form.useWatch('schemes', form);
  const consultancyUsed = Form.useWatch('consultancyUsed', form);
  const required = requiredAttachments(settings, schemes);
  const guide = (field: string) => settings.guidance[field] || undefined;
  const label = (field: string) => t(`applications.fields.${field}`);
  const mandatory = (field: string): Rule => ({ required: true, whitespace: true, message: t('validation.required', { field: label(field) }) });
  const chosen = (field: string): Rule => ({ required: true, message: t('validation.required', { field: label(field) }) });

  const creditCodeRule: Rule = {
    validator(_, value?: string) {
      if (!value) {
        return Promise.resolve();
      }
      const verdict = checkCreditCode(normalizeCreditCode(value));
      if (verdict.ok) {
        return Promise.resolve();
      }
      return Promise.reject(new Error(verdict.reason === 'malformed'
        ? t('validation.creditCodeMalformed')
        : t('applications.form.creditCodeCheck', { expected: verdict.expected })));
    },
  };
  const postalRule: Rule = ({ getFieldValue }) => ({
    validator(_, value?: string) {
      if (!value) {
        return Promise.resolve();
      }
      const verdict = checkPostalCode(value.trim(), getFieldValue('provinceCode'));
      return verdict.ok ? Promise.resolve() : Promise.reject(new Error(verdict.expected
        ? t('validation.postalRegion', { expected: verdict.expected }) : t('validation.postal')));
    },
  });
  const phoneRule: Rule = { validator: (_, v?: string) => (!v || isPhone(v) ? Promise.resolve() : Promise.reject(new Error(t('validation.phone')))) };
  const emailRule: Rule = { validator: (_, v?: string) => (!v || isEmail(v.trim()) ? Promise.resolve() : Promise.reject(new Error(t('validation.email')))) };
  const fileSizeRule: Rule = {
    validator: (_, files?: File[]) => {
      const large = files?.find((f) => f.size > settings.limits.maxAttachmentBytes);
      return large
        ? Promise.reject(new Error(t('applications.form.fileTooLarge', { name: large.name, size: formatSize(settings.limits.maxAttachmentBytes) })))
        : Promise.resolve();
    },
  };
  const accept = ['.pdf', '.docx', '.png', '.jpg', '.jpeg', ...settings.limits.acceptedTypes].join(',');
  const text = (field: string, max: number, rules: Rule[] = [], span = 12) => (
    <Col xs={24} md={span}>
      <Form.Item name={field} label={label(field)} tooltip={guide(field)} rules={[...rules, { max }]}>
        <Input maxLength={max} />
      </Form.Item>
    </Col>
  );
  const area = (field: string, max: number, rules: Rule[] = []) => (
    <Col xs={24}>
      <Form.Item name={field} label={label(field)} tooltip={guide(field)} rules={[...rules, { max }]}>
        <Input.TextArea rows={2} maxLength={max} showCount />
      </Form.Item>
    </Col>
  );

  return (
    <>
      <Card type="inner" size="small" title={t('applications.form.organisation')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          {text('name', 200, [mandatory('name')])}
          <Col xs={24} md={12}>
            <Form.Item name="creditCode" label={label('creditCode')} tooltip={guide('creditCode')}
              rules={[mandatory('creditCode'), creditCodeRule]} normalize={(v: string) => v?.toUpperCase()}>
              <Input maxLength={24} style={{ fontFamily: 'monospace' }} />
            </Form.Item>
          </Col>
          {text('legalRepresentative', 50, [mandatory('legalRepresentative')])}
          <Col xs={24} md={12}>
            <Form.Item name="provinceCode" label={label('provinceCode')} tooltip={guide('provinceCode')} rules={[chosen('provinceCode')]}>
              <Select showSearch optionFilterProp="label" data-testid="province-select"
                options={settings.provinces.map((p) => ({ value: p.code, label: p.name }))} />
            </Form.Item>
          </Col>
          {text('city', 50, [], 12)}
          <Col xs={24} md={12}>
            <Form.Item name="postalCode" label={label('postalCode')} tooltip={guide('postalCode')} dependencies={['provinceCode']}
              rules={[mandatory('postalCode'), postalRule]}>
              <Input maxLength={6} inputMode="numeric" />
            </Form.Item>
          </Col>
          {text('address', 300, [mandatory('address')], 24)}
          {text('contactName', 50, [mandatory('contactName')], 8)}
          <Col xs={24} md={8}>
            <Form.Item name="contactPhone" label={label('contactPhone')} tooltip={guide('contactPhone')} rules={[mandatory('contactPhone'), phoneRule]}>
              <Input maxLength={50} inputMode="tel" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item name="contactEmail" label={label('contactEmail')} tooltip={guide('contactEmail')} rules={[emailRule, { max: 200 }]}>
              <Input maxLength={200} inputMode="email" />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card type="inner" size="small" title={t('applications.form.certification')} style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24}>
            <Form.Item name="schemes" label={label('schemes')} tooltip={guide('schemes')} rules={[chosen('schemes')]}>
              <Select mode="multiple" optionFilterProp="label" data-testid="schemes-select"
                options={settings.schemes.map((s) => ({ value: s.code, label: `${s.code} ${s.name}${s.standard ? ` (${s.standard})` : ''}` }))} />
            </Form.Item>
          </Col>
          {area('scope', 2000, [mandatory('scope')])}
          {area('scopeEn', 2000)}
          <Col xs={12} md={6}>
            <Form.Item name="headCount" label={label('headCount')} tooltip={guide('headCount')} rules={[chosen('headCount')]}>
              <InputNumber min={1} max={1_000_000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item name="shifts" label={label('shifts')} tooltip={guide('shifts')}>
              <InputNumber min={1} max={10} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          {text('language', 50, [], 12)}
          {area('outsourcedProcesses', 2000)}
          {area('existingCertifications', 2000)}
          <Col xs={24} md={12}>
            <Form.Item name="consultancyUsed" label={label('consultancyUsed')} tooltip={guide('consultancyUsed')} rules={[chosen('consultancyUsed')]}>
              <Radio.Group data-testid="consultancy-used">
                <Radio value={false}>{t('common.no')}</Radio>
                <Radio value={true}>{t('common.yes')}</Radio>
              </Radio.Group>
            </Form.Item>
          </Col>
          {consultancyUsed ? text('consultancyName', 200, [mandatory('consultancyName')]) : null}
        </Row>
      </Card>

      <Form.List name="sites">
        {(fields, { add, remove }) => (
          <Card type="inner" size="small" style={{ marginBottom: 16 }}
            title={<Space>{label('sites')}<Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>{guide('sites')}</Typography.Text></Space>}>
            {fields.map((field) => (
              <Row gutter={8} key={field.key} align="top">
                <Col xs={24} md={11}>
                  <Form.Item name={[field.name, 'address']} label={t('applications.site.address')}
                    rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('applications.site.address') }) }, { max: 300 }]}>
                    <Input maxLength={300} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={7}>
                  <Form.Item name={[field.name, 'activity']} label={t('applications.site.activity')} rules={[{ max: 300 }]}>
                    <Input maxLength={300} />
                  </Form.Item>
                </Col>
                <Col xs={20} md={5}>
                  <Form.Item name={[field.name, 'headCount']} label={t('applications.site.headCount')}>
                    <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={4} md={1}>
                  <Form.Item label=" ">
                    <MinusCircleOutlined onClick={() => remove(field.name)} aria-label={t('applications.form.removeSite')} />
                  </Form.Item>
                </Col>
              </Row>
            ))}
            <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} disabled={fields.length >= settings.limits.maxSites}
              data-testid="site-add">
              {t('applications.form.addSite')}
            </Button>
          </Card>
        )}
      </Form.List>

      <Card type="inner" size="small" title={t('applications.form.attachments')} style={{ marginBottom: 16 }}>
        <Alert type="info" showIcon style={{ marginBottom: 16 }} data-testid="upload-limits"
          message={t('applications.form.limits', {
            types: typeNames(settings.limits.acceptedTypes), size: formatSize(settings.limits.maxAttachmentBytes),
            count: settings.limits.maxAttachments, total: formatSize(settings.limits.maxTotalBytes),
          })} />
        {ATTACHMENT_KINDS.filter((kind) => settings.attachmentKinds.includes(kind)).map((kind) => {
          const needed = required.includes(kind);
          return (
            <Form.Item
              key={kind}
              name={['attachments', kind]}
              label={t(`applications.kinds.${kind}`)}
              extra={[guide(`attachments.${kind}`), needed && !attachmentsRequired ? t('applications.form.requiredToSubmit') : null].filter(Boolean).join(' ')}
              required={needed}
              rules={[
                ...(needed && attachmentsRequired
                  ? [{ validator: (_: unknown, files?: File[]) => (files?.length ? Promise.resolve()
                    : Promise.reject(new Error(t('applications.form.attachmentRequired', { kind: t(`applications.kinds.${kind}`) })))) }]
                  : []),
                fileSizeRule,
              ]}
            >
              <FilesChooser kind={kind} accept={accept} label={t('applications.form.chooseFiles')} />
            </Form.Item>
          );
        })}
      </Card>
    </>
  );
}
