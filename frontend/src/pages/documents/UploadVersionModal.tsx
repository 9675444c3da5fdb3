import { useEffect, useState } from 'react';
import { Button, DatePicker, Form, Input, Modal, Progress, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatSize, uploadVersion, type DocumentDetail, type UploadProgress } from '../../api/documents';
import { FormErrors, useFormSubmit } from '../../components/useFormSubmit';

/** The service's default limit (certcare.documents.max-bytes); the service checks whatever it is configured to. */
const SHOWN_LIMIT = 20 * 1024 * 1024;

interface FormValues {
  file?: File;
  versionLabel?: string;
  effectiveOn?: Dayjs | null;
  changeNote?: string;
}

/** One file, kept in the form (not sent until the form is): antd's Upload as a form control. */
function FileChooser({ value, onChange, label }: { value?: File; onChange?: (file: File) => void; label: string }) {
  return (
    <Space direction="vertical">
      <Upload
        accept=".pdf,.docx,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(chosen) => {
          onChange?.(chosen);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} data-testid="upload-choose">{label}</Button>
      </Upload>
      {value ? <Typography.Text data-testid="upload-file-name">{value.name} · {formatSize(value.size)}</Typography.Text> : null}
    </Space>
  );
}

/** Uploads a new version of a document; the service checks the file's type from its bytes and answers field by field. */
export function UploadVersionModal({ documentId, open, onClose, onSaved }: {
  documentId: number;
  open: boolean;
  onClose: () => void;
  onSaved: (saved: DocumentDetail) => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const [progress, setProgress] = useState<UploadProgress>();
  const { submit, saving, formErrors, clearErrors } = useFormSubmit(form, {
    write: (v: FormValues) => uploadVersion(documentId, v.file as File, {
      versionLabel: (v.versionLabel ?? '').trim(),
      effectiveOn: v.effectiveOn ? v.effectiveOn.format('YYYY-MM-DD') : '',
      changeNote: v.changeNote?.trim() || undefined,
    }, setProgress).finally(() => setProgress(undefined)),
    onSaved,
  });

  useEffect(() => {
    if (open) {
      clearErrors();
      form.resetFields();
      form.setFieldsValue({ effectiveOn: dayjs() });
    }
  }, [open, form, clearErrors]);

  return (
    <Modal
      open={open}
      title={t('documents.uploadTitle')}
      okText={t('documents.upload')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'upload-submit' }}
      destroyOnHidden
    >
      <FormErrors errors={formErrors} />
      <Form form={form} layout="vertical" data-testid="upload-form">
        <Form.Item
          name="file"
          label={t('documents.file')}
          extra={t('documents.fileHint', { size: formatSize(SHOWN_LIMIT) })}
          rules={[{ required: true, message: t('documents.fileRequired') }]}
        >
          <FileChooser label={t('documents.chooseFile')} />
        </Form.Item>
        <Form.Item name="versionLabel" label={t('documents.versionLabel')}
          rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('documents.versionLabel') }) }]}>
          <Input maxLength={50} placeholder="A/1" />
        </Form.Item>
        <Form.Item name="effectiveOn" label={t('documents.effectiveOn')}
          rules={[{ required: true, message: t('validation.required', { field: t('documents.effectiveOn') }) }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="changeNote" label={t('documents.changeNote')}>
          <Input.TextArea maxLength={2000} rows={3} />
        </Form.Item>
      </Form>
      {progress ? (
        progress.phase === 'uploading'
          ? <Progress percent={progress.percent} size="small" status="active" format={() => t('documents.uploading', { percent: progress.percent })} />
          : <Typography.Text type="secondary">{t('documents.processing')}</Typography.Text>
      ) : null}
    </Modal>
  );
}
