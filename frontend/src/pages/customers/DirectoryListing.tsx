import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Space, Typography } from 'antd';
import { EyeInvisibleOutlined, EyeOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { directoryApi } from '../../api/directory';
import { ApiError } from '../../api/http';
import { formatDateTime } from './format';

/**
 * Whether the customer shows in the public directory, and — for market — leaving it out with a reason
 * (17021-1 8.1.2's exception) or listing it again. The change is in the customer's history.
 */
export function DirectoryListing({ customerId, editable, onChanged }: { customerId: number; editable: boolean; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const state = useQuery({ queryKey: ['customers', customerId, 'directory'], queryFn: () => directoryApi.restriction(customerId) });
  const done = () => {
    void message.success(t('detail.directory.saved'));
    void queryClient.invalidateQueries({ queryKey: ['customers', customerId, 'directory'] });
    onChanged();
  };
  const failed = (e: unknown) => void message.error(e instanceof ApiError ? e.message : String(e));
  const restrict = useMutation({
    mutationFn: (reason: string) => directoryApi.restrict(customerId, reason),
    onSuccess: () => { setAsking(false); done(); },
    onError: failed,
  });
  const lift = useMutation({ mutationFn: () => directoryApi.lift(customerId), onSuccess: done, onError: failed });

  if (!state.data) {
    return null;
  }
  const r = state.data;
  return (
    <>
      <Alert
        style={{ marginTop: 16 }}
        data-testid="directory-listing"
        type={r.restricted ? 'warning' : 'info'}
        showIcon
        icon={r.restricted ? <EyeInvisibleOutlined /> : <EyeOutlined />}
        message={<Space><Typography.Text strong>{t('detail.directory.title')}</Typography.Text>
          <span data-testid="directory-listing-state">{r.restricted ? t('detail.directory.restricted') : t('detail.directory.listed')}</span></Space>}
        description={r.restricted ? (
          <Space direction="vertical" size={0}>
            <span>{t('detail.directory.reason', { reason: r.reason })}</span>
            <Typography.Text type="secondary">{t('detail.directory.by', { by: r.restrictedBy, at: formatDateTime(r.restrictedAt ?? '') })}</Typography.Text>
          </Space>
        ) : undefined}
        action={editable ? (r.restricted ? (
          <Popconfirm title={t('detail.directory.liftConfirm')} onConfirm={() => lift.mutate()}>
            <Button size="small" loading={lift.isPending} data-testid="directory-lift">{t('detail.directory.lift')}</Button>
          </Popconfirm>
        ) : (
          <Button size="small" onClick={() => { form.resetFields(); setAsking(true); }} data-testid="directory-restrict">
            {t('detail.directory.restrict')}
          </Button>
        )) : undefined}
      />
      <Modal
        open={asking}
        title={t('detail.directory.restrictTitle')}
        onCancel={() => setAsking(false)}
        onOk={() => void form.validateFields().then((v) => restrict.mutate(v.reason.trim()))}
        confirmLoading={restrict.isPending}
        okButtonProps={{ 'data-testid': 'directory-restrict-save' }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('detail.directory.restrictHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t('detail.directory.reasonLabel')}
            rules={[{ required: true, whitespace: true, message: t('detail.directory.reasonRequired') }, { max: 500 }]}>
            <Input.TextArea rows={3} maxLength={500} showCount data-testid="directory-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
