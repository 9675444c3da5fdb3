import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Form, Input, List, Modal, Select, Space, Spin, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/http';
import { HistoryTable } from '../../components/HistoryTable';
import { analysisApi, type CommonIssueForwarding, type CommonIssueForwardingHistoryEntry } from '../../api/feedbackAnalysis';
import { useRoles } from '../../auth/useRoles';
import { ErrorState, NotFound } from '../../components/ErrorPages';
import { FormErrors, useFormSubmit } from '../../components/useFormSubmit';
import { withAppContext } from '../../components/withAppContext';
import { formatDateTime } from '../documents/format';
import { useDepartments } from '../feedback/departments';
import { answerModes, NOTE_MAX, type AnswerMode } from './forward';
import { TrackingTag } from './labels';

const PROBLEMS = ['already-answered', 'not-a-recipient'] as const;

/** A forwarding of a common issue (/feedback/forwardings/:id): what was asked of whom, due when, and each recipient's answer. */
function ForwardingDetail() {
  const id = Number(useParams().id);
  const { t } = useTranslation();
  const { roles } = useRoles();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const departments = useDepartments();
  const valid = Number.isInteger(id) && id > 0;
  const loaded = useQuery({ queryKey: ['feedback', 'forwarding', id], queryFn: () => analysisApi.forwarding(id), enabled: valid });
  const [mode, setMode] = useState<AnswerMode>();

  if (!valid) return <NotFound />;
  if (loaded.isError) return <ErrorState error={loaded.error} onRetry={() => void loaded.refetch()} />;
  if (!loaded.data) return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  const f = loaded.data;
  const modes = answerModes(f, roles);

  return (
    <Card
      title={
        <Space wrap>
          <span>{t('analysis.forwarding.title')}</span>
          <Tag color="blue" style={{ fontSize: 14 }} data-testid="forwarding-topic">{f.topic}</Tag>
          <span data-testid="forwarding-state"><TrackingTag value={f.state} overdue={f.overdue} /></span>
        </Space>
      }
      extra={
        <Space wrap>
          {modes.map((m) => (
            <Button key={m} type="primary" onClick={() => setMode(m)} data-testid={`answer-${m}`}>{t(`analysis.answer.${m}`)}</Button>
          ))}
          {roles.includes('market') || roles.includes('leader') ? <Link to="/feedback/common-issues?tab=forwardings">{t('analysis.forwarding.back')}</Link> : null}
        </Space>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('analysis.forwarding.forwardedBy')}>{f.forwardedBy} · {formatDateTime(f.forwardedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('analysis.forwardings.dueAt')}>
            {f.overdue ? <Typography.Text type="danger" strong data-testid="forwarding-due">{formatDateTime(f.dueAt)}</Typography.Text>
              : <span data-testid="forwarding-due">{formatDateTime(f.dueAt)}</span>}
          </Descriptions.Item>
          <Descriptions.Item label={t('analysis.forwarding.figures')}>{t('analysis.forwarding.figuresValue', { clients: f.clients, items: f.items })}</Descriptions.Item>
          <Descriptions.Item label={t('analysis.forwarding.answeredAt')}>{f.answeredAt ? formatDateTime(f.answeredAt) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('analysis.forward.note')} span={2}>
            {f.note ? <span style={{ whiteSpace: 'pre-wrap' }} data-testid="forwarding-note">{f.note}</span> : <Typography.Text type="secondary">—</Typography.Text>}
          </Descriptions.Item>
        </Descriptions>
        <Card size="small" title={t('analysis.forwarding.answers')}>
          <List
            data-testid="forwarding-recipients"
            dataSource={f.recipients}
            renderItem={(r) => (
              <List.Item data-testid={`recipient-${r.department}`} data-answered={r.answered ? 'true' : 'false'}>
                <List.Item.Meta
                  title={<Space>{departments.name(r.department)}{r.answered ? <Tag color="green">{t('analysis.tracking.ANSWERED')}</Tag> : <Tag color={f.overdue ? 'red' : 'processing'}>{t('analysis.forwarding.awaiting')}</Tag>}</Space>}
                  description={r.answered ? (
                    <Space direction="vertical" size={0}>
                      <span style={{ whiteSpace: 'pre-wrap', color: 'rgba(0,0,0,0.88)' }} data-testid="recipient-answer">{r.answer}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('analysis.forwarding.answeredBy', { who: r.answeredBy, at: formatDateTime(r.answeredAt) })}</Typography.Text>
                    </Space>
                  ) : null}
                />
              </List.Item>
            )}
          />
        </Card>
        <Card size="small" title={t('analysis.forwarding.history')}>
          <ForwardingHistory forwarding={f} />
        </Card>
      </Space>
      <AnswerModal forwarding={f} mode={mode} onClose={() => setMode(undefined)}
        onDone={(next) => {
          setMode(undefined);
          void message.success(t('analysis.answer.done'));
          queryClient.setQueryData(['feedback', 'forwarding', id], next);
          void queryClient.invalidateQueries({ queryKey: ['feedback'] });
        }} />
    </Card>
  );
}

/** The forwarding's history (created, each answer, the state), recipients and states as people read them. */
function ForwardingHistory({ forwarding }: { forwarding: CommonIssueForwarding }) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const names = (v: string) => v.replace(/[a-z0-9-]+/g, (code) => (departments.options.some((d) => d.value === code) ? departments.name(code) : code));
  return (
    <HistoryTable<CommonIssueForwardingHistoryEntry & { entity: string; entityId: number }>
      queryKey={['feedback', 'forwarding', forwarding.id, forwarding.version]}
      load={async (page, size) => {
        const answer = await analysisApi.forwardingHistory(forwarding.id, page, size);
        return { ...answer, items: (answer.items ?? []).map((e) => ({ ...e, entity: 'issue-forwarding', entityId: forwarding.id })) };
      }}
      emptyText={t('analysis.forwarding.noHistory')}
      fieldLabel={(e) => (e.field.startsWith('answer.')
        ? t('analysis.forwarding.answerOf', { recipient: departments.name(e.field.slice('answer.'.length)) })
        : t(`analysis.forwarding.fields.${e.field}`, { defaultValue: e.field }))}
      value={(v, e) => {
        switch (e.field) {
          case 'state': return t(`analysis.tracking.${v}`, { defaultValue: v });
          case 'recipients': return names(v);
          case 'dueAt': return formatDateTime(v);
          default: return <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span>;
        }
      }}
    />
  );
}

function AnswerModal({ forwarding, mode, onClose, onDone }: {
  forwarding: CommonIssueForwarding;
  mode?: AnswerMode;
  onClose: () => void;
  onDone: (next: CommonIssueForwarding) => void;
}) {
  const { t } = useTranslation();
  const departments = useDepartments();
  const [form] = Form.useForm<{ answer?: string; department?: string }>();
  const { submit, saving, formErrors, clearErrors } = useFormSubmit(form, {
    write: async (v: { answer?: string; department?: string }) => {
      try {
        return await analysisApi.answer(forwarding.id, { answer: v.answer?.trim() ?? '', ...(mode === 'onBehalf' ? { department: v.department } : {}) });
      } catch (e) {
        if (e instanceof ApiError && (PROBLEMS as readonly string[]).includes(e.code ?? '')) {
          throw new ApiError(e.status, e.problem, t(`analysis.problems.${e.code}`));
        }
        throw e;
      }
    },
    onSaved: onDone,
  });
  useEffect(() => {
    if (mode) {
      clearErrors();
      form.resetFields();
    }
  }, [mode, form, clearErrors]);
  const open = forwarding.recipients.filter((r) => !r.answered).map((r) => ({ value: r.department, label: departments.name(r.department) }));

  return (
    <Modal open={!!mode} title={mode ? t(`analysis.answer.${mode}`) : ''} okText={t('analysis.answer.ok')} cancelText={t('common.cancel')}
      okButtonProps={{ 'data-testid': 'answer-ok' }} confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} width={600} destroyOnHidden>
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={mode ? t(`analysis.answer.hint.${mode}`) : ''} />
      <FormErrors errors={formErrors} />
      <Form form={form} layout="vertical" data-testid="answer-form">
        {mode === 'onBehalf' ? (
          <Form.Item name="department" label={t('analysis.answer.recipient')} rules={[{ required: true, message: t('analysis.answer.chooseRecipient') }]}>
            <Select options={open} data-testid="answer-department" placeholder={t('analysis.choose')} />
          </Form.Item>
        ) : null}
        <Form.Item name="answer" label={t('analysis.answer.answer')}
          rules={[{ required: true, whitespace: true, message: t('validation.required', { field: t('analysis.answer.answer') }) }, { max: NOTE_MAX }]}>
          <Input.TextArea rows={5} maxLength={NOTE_MAX} showCount data-testid="answer-text" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default withAppContext(ForwardingDetail);
