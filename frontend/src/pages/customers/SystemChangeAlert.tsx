import { useState } from 'react';
import { Alert, Button, Form, Input, List, Modal, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { customersApi, type SystemChange } from '../../api/customers';
import { useRoles } from '../../auth/useRoles';
import { FormErrors, useFormSubmit } from '../../components/useFormSubmit';
import { formatDateTime } from './format';

/** The longest note the service takes (AcknowledgeInput.NOTE_MAX). */
export const NOTE_MAX = 500;

/** Only the market department confirms a change was evaluated (the service answers 403 to anyone else). */
export function canAcknowledge(roles: readonly string[]): boolean {
  return roles.includes('market');
}

/** Oldest report first, as the service lists them; ties by id, so the order never jumps between reloads. */
export function oldestFirst(changes: readonly SystemChange[]): SystemChange[] {
  return [...changes].sort((a, b) => a.reportedAt.localeCompare(b.reportedAt) || a.id - b.id);
}

/**
 * The customer reported changes of its management system (ISO/IEC 17021-1 8.5) that the market department has
 * not yet confirmed as evaluated: a banner above the customer, each change with its feedback reference, when it was
 * reported and the service's summary; market acknowledges each one (with an optional note on the evaluation).
 */
export function SystemChangeAlert({ customerId, changes, onChanged }: {
  customerId: number; changes: readonly SystemChange[]; onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { roles } = useRoles();
  const [acknowledging, setAcknowledging] = useState<SystemChange>();
  if (!changes.length) {
    return null;
  }
  const market = canAcknowledge(roles);
  return (
    <>
      <Alert
        type="warning" showIcon style={{ marginBottom: 16 }} data-testid="system-change-alert"
        message={t('customer.systemChange.banner', { count: changes.length })}
        description={(
          <List<SystemChange>
            size="small" split={false} dataSource={oldestFirst(changes)} rowKey="id"
            renderItem={(c) => (
              <List.Item
                data-testid={`system-change-${c.id}`}
                actions={market ? [
                  <Button key="ack" size="small" onClick={() => setAcknowledging(c)} data-testid={`system-change-ack-${c.id}`}>
                    {t('customer.systemChange.acknowledge')}
                  </Button>,
                ] : []}
              >
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>
                    {t('customer.systemChange.reported', { reference: c.reference, at: formatDateTime(c.reportedAt) })}
                  </Typography.Text>
                  <Typography.Text type="secondary">{c.summary}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )}
      />
      {acknowledging ? (
        <AcknowledgeModal customerId={customerId} change={acknowledging}
          onClose={() => { setAcknowledging(undefined); onChanged(); }} />
      ) : null}
    </>
  );
}

function AcknowledgeModal({ customerId, change, onClose }: { customerId: number; change: SystemChange; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note?: string }>();
  const { submit, saving, formErrors } = useFormSubmit(form, {
    write: (v) => customersApi.acknowledgeSystemChange(customerId, change.id, v.note?.trim() || null),
    onSaved: onClose,
    onReload: onClose,
  });
  return (
    <Modal open title={t('customer.systemChange.acknowledgeTitle', { reference: change.reference })}
      okText={t('customer.systemChange.acknowledge')} confirmLoading={saving}
      onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <FormErrors errors={formErrors} />
      <Typography.Paragraph>{t('customer.systemChange.acknowledgeHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="note" label={t('customer.systemChange.note')} rules={[{ max: NOTE_MAX }]}>
          <Input.TextArea rows={3} maxLength={NOTE_MAX} showCount data-testid="system-change-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
