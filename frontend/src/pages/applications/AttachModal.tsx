import { useEffect, useState } from 'react';
import { Form, Modal, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { attachFiles, ATTACHMENT_KINDS, type ApplicationDetail, type FilesByKind, type UploadProgress } from '../../api/applications';
import { formatSize } from '../../api/download';
import { FormErrors, useFormSubmit } from '../../components/useFormSubmit';
import { FilesChooser, typeNames, useApplicationForm } from './ApplicationFormFields';

/** Staff attach files to an application, by kind (e.g. the business licence of one entered on a client's behalf). */
export function AttachModal({ application, open, onClose, onDone }: {
  application: ApplicationDetail; open: boolean; onClose: () => void; onDone: (next: ApplicationDetail) => void;
}) {
  const { t } = useTranslation();
  const settings = useApplicationForm();
  const [form] = Form.useForm<{ attachments?: FilesByKind }>();
  const [progress, setProgress] = useState<UploadProgress>();
  const { submit, saving, formErrors, clearErrors } = useFormSubmit(form, {
    write: (v: { attachments?: FilesByKind }) => attachFiles(application.id, v.attachments ?? {}, setProgress)
      .finally(() => setProgress(undefined)),
    onSaved: onDone,
  });
  useEffect(() => {
    if (open) {
      clearErrors();
      form.resetFields();
    }
  }, [open, form, clearErrors]);
  const limits = settings.data?.limits;

  return (
    <Modal open={open} title={t('applications.detail.attachTitle')} okText={t('applications.detail.attach')} cancelText={t('common.cancel')}
      confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} okButtonProps={{ 'data-testid': 'attach-ok' }} destroyOnHidden>
      {limits ? (
        <Typography.Paragraph type="secondary">
          {t('applications.form.limits', {
            types: typeNames(limits.acceptedTypes), size: formatSize(limits.maxAttachmentBytes),
            count: limits.maxAttachments, total: formatSize(limits.maxTotalBytes),
          })}
        </Typography.Paragraph>
      ) : null}
      <FormErrors errors={formErrors} />
      <Form form={form} layout="vertical" data-testid="attach-form">
        {ATTACHMENT_KINDS.map((kind) => (
          <Form.Item key={kind} name={['attachments', kind]} label={t(`applications.kinds.${kind}`)}
            required={application.requiredAttachments.includes(kind)}>
            <FilesChooser kind={kind} accept=".pdf,.docx,.png,.jpg,.jpeg" label={t('applications.form.chooseFiles')} />
          </Form.Item>
        ))}
      </Form>
      {progress?.phase === 'uploading' ? <Progress percent={progress.percent} size="small" status="active" /> : null}
    </Modal>
  );
}
