import { useEffect } from 'react';
import { Alert, Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { DOCUMENT_KINDS, documentsApi, type DocumentDetail, type DocumentInput, type DocumentKind } from '../../api/documents';
import { FormErrors, useFormSubmit } from '../../components/useFormSubmit';

interface FormValues {
  kind?: DocumentKind;
  titleZh?: string;
  titleEn?: string;
  published?: boolean;
}

/** Creates a document (no document given) or changes its kind, titles and publication. */
export function DocumentFormModal({ open, document, onClose, onSaved, onReload }: {
  open: boolean;
  document?: DocumentDetail;
  onClose: () => void;
  onSaved: (saved: DocumentDetail) => void;
  onReload?: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const { submit, saving, formErrors, clearErrors } = useFormSubmit(form, {
    write: (v: FormValues) => {
      const blank = (s?: string) => (s && s.trim() ? s.trim() : null);
      const input: DocumentInput = {
        kind: v.kind as DocumentKind, titleZh: blank(v.titleZh) ?? '', titleEn: blank(v.titleEn),
        published: Boolean(v.published), version: document?.version,
      };
      return document ? documentsApi.update(document.id, input) : documentsApi.create(input);
    },
    onSaved: (saved) => onSaved(saved as DocumentDetail),
    onReload,
  });

  useEffect(() => {
    if (open) {
      clearErrors();
      form.resetFields();
      form.setFieldsValue(document
        ? { kind: document.kind, titleZh: document.titleZh, titleEn: document.titleEn ?? undefined, published: document.published }
        : { kind: undefined, titleZh: undefined, titleEn: undefined, published: false });
    }
  }, [open, document, form, clearErrors]);

  return (
    <Modal
      open={open}
      title={document ? t('documents.editTitle') : t('documents.createTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'document-save' }}
      destroyOnHidden
    >
      <FormErrors errors={formErrors} />
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} data-testid="document-form">
        <Form.Item name="kind" label={t('documents.kind')} rules={[{ required: true, message: t('validation.required', { field: t('documents.kind') }) }]}>
          <Select data-testid="document-kind" options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`documents.kinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="titleZh" label={t('documents.titleZh')} rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('documents.titleZh') }) }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="titleEn" label={t('documents.titleEn')}>
          <Input maxLength={200} />
        </Form.Item>
        {document ? (
          <>
            <Form.Item name="published" label={t('documents.published')} valuePropName="checked">
              <Switch data-testid="document-published" />
            </Form.Item>
            <Alert type="info" showIcon message={t('documents.publishHint')} />
          </>
        ) : null}
      </Form>
    </Modal>
  );
}
