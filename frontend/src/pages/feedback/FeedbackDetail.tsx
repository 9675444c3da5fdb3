import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Row, Space, Spin, Tabs, Tag, Timeline, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { feedbackApi, type FeedbackHistoryEntry, type FeedbackItem } from '../../api/feedback';
import { attachmentsApi } from '../../api/feedbackAttachments';
import { useRoles } from '../../auth/useRoles';
import { ErrorState, NotFound } from '../../components/ErrorPages';
import { HistoryTable } from '../../components/HistoryTable';
import { withAppContext } from '../../components/withAppContext';
import { formatDateTime } from '../documents/format';
import { actionsFor, marksFor, type FeedbackAction, type MarkAction } from './actions';
import { AttachmentsCard } from './AttachmentsCard';
import { useDepartments } from './departments';
import { escalations, MarkModal, OutcomeInfo, SeriousInfo, TopicsCard, type Item } from './ItemExtras';
import { dueStates } from './due';
import { ClassTag, customerOf, FeedbackStatusTag, OverdueTag, useDepartmentName } from './labels';
import { StepModal } from './StepModal';

const TABS = ['info', 'history'] as const;

/**
 * One feedback item (/feedback/:id): what the customer said, who recorded it, its class and handling, the three due
 * times (overdue ones red), a timeline of its steps, the field-level history, and the steps the user's roles and the
 * item's status allow. An item the user may not see is the service's 404: the not-found page.
 */
function FeedbackDetail() {
  const id = Number(useParams().id);
  const { t } = useTranslation();
  const { roles, can } = useRoles();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? params.get('tab')! : 'info';
  const valid = Number.isInteger(id) && id > 0;
  const loaded = useQuery({ queryKey: ['feedback', 'item', id], queryFn: () => feedbackApi.get(id), enabled: valid });
  const [action, setAction] = useState<FeedbackAction>();
  const [mark, setMark] = useState<MarkAction>();
  const departments = useDepartments();

  if (!valid) {
    return <NotFound />;
  }
  if (loaded.isError) {
    return <ErrorState error={loaded.error} onRetry={() => void loaded.refetch()} />;
  }
  if (!loaded.data) {
    return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  }
  const f = loaded.data as Item;
  const reload = () => void queryClient.invalidateQueries({ queryKey: ['feedback'] });
  const actions = actionsFor(f, roles);
  const marks = marksFor(f, roles);

  return (
    <Card
      title={
        <Space wrap>
          <span data-testid="feedback-reference">{f.reference}</span>
          <FeedbackStatusTag status={f.status} />
          {f.class ? <ClassTag value={f.class} /> : null}
          {f.overdue ? <OverdueTag /> : null}
          {f.overdueEscalated ? <Tag color="orange" data-testid="escalated-tag">{t('analysis.escalation.tag')}</Tag> : null}
          {f.serious ? <Tag color="volcano" data-testid="serious-tag">{t('analysis.serious.tag')}</Tag> : null}
          <Typography.Text type="secondary" data-testid="feedback-customer">{customerOf(f)}</Typography.Text>
        </Space>
      }
      extra={
        <Space wrap>
          {actions.map((a) => (
            <Button key={a} type="primary" onClick={() => setAction(a)} data-testid={`action-${a}`}>{t(`feedback.actions.${a}`)}</Button>
          ))}
          {marks.map((m) => (
            <Button key={m} type={m === 'notifyOutcome' ? 'primary' : 'default'} danger={m === 'markSerious'} onClick={() => setMark(m)} data-testid={`action-${m}`}>
              {t(`analysis.marks.${m}.button`)}
            </Button>
          ))}
        </Space>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'info' ? {} : { tab: key }, { replace: true })}
        items={[
          {
            key: 'info', label: t('feedback.detail.tabs.info'),
            children: (
              <Row gutter={[24, 16]}>
                <Col xs={24} xl={16}><Info item={f} /></Col>
                <Col xs={24} xl={8}>
                  <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                    <TopicsCard item={f} editable={can('feedback:topics')} />
                    <AttachmentsCard item={f} />
                    <Card size="small" title={t('feedback.detail.tabs.timeline')}><Steps item={f} /></Card>
                  </Space>
                </Col>
              </Row>
            ),
          },
          {
            key: 'history', label: t('feedback.detail.tabs.history'),
            children: <History item={f} />,
          },
        ]}
      />
      <StepModal item={f} action={action} departments={departments.fromService ? departments.options : undefined}
        onClose={() => { setAction(undefined); reload(); }}
        onReload={() => { setAction(undefined); reload(); }}
        onDone={(next) => {
          setAction(undefined);
          void message.success(t('feedback.moved', { status: t(`feedback.status.${next.status}`) }));
          queryClient.setQueryData(['feedback', 'item', id], next);
          reload();
        }} />
      <MarkModal item={f} action={mark}
        onClose={() => setMark(undefined)}
        onReload={() => { setMark(undefined); reload(); }}
        onDone={(next) => {
          setMark(undefined);
          void message.success(t(`analysis.marks.${mark}.done`));
          queryClient.setQueryData(['feedback', 'item', id], next);
          reload();
        }} />
    </Card>
  );
}

function Info({ item: f }: { item: Item }) {
  const { t } = useTranslation();
  const departmentName = useDepartmentName();
  const l = (field: string) => t(`feedback.fields.${field}`);
  const text = (value: string | null | undefined, testId?: string) => (value
    ? <span style={{ whiteSpace: 'pre-wrap' }} data-testid={testId}>{value}</span>
    : <Typography.Text type="secondary">—</Typography.Text>);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <SeriousInfo item={f} />
      <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 2, xxl: 2 }} styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={l('customer')}>
          {customerOf(f)} {f.customerId ? null : <Tag>{t('feedback.prospect')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={l('kind')}>
          <span data-testid="feedback-kind">{t(`feedback.kinds.${f.kind}`)}</span>
        </Descriptions.Item>
        <Descriptions.Item label={l('channel')}>{t(`feedback.channels.${f.channel}`)}</Descriptions.Item>
        <Descriptions.Item label={l('receivedAt')}>{formatDateTime(f.receivedAt)}</Descriptions.Item>
        <Descriptions.Item label={l('department')}>{departmentName(f.department)}</Descriptions.Item>
        <Descriptions.Item label={l('recordedBy')}>{f.recordedBy}</Descriptions.Item>
        <Descriptions.Item label={l('words')} span={2}>{text(f.words, 'feedback-words')}</Descriptions.Item>
        <Descriptions.Item label={l('class')}>
          {f.class ? <Space direction="vertical" size={0}>
            <span>{t(`feedback.classes.${f.class}`)}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t(`feedback.classRules.${f.class}`)}</Typography.Text>
          </Space> : text(undefined)}
        </Descriptions.Item>
        <Descriptions.Item label={l('assignedDepartment')}>
          <span data-testid="feedback-assigned">{departmentName(f.assignedDepartment) || '—'}</span>
        </Descriptions.Item>
        {f.explanation || f.class === 'A_UNREASONABLE'
          ? <Descriptions.Item label={l('explanation')} span={2}>{text(f.explanation, 'feedback-explanation')}</Descriptions.Item>
          : null}
        {f.leaderDecision || f.class === 'C_BEYOND_AUTHORITY'
          ? <Descriptions.Item label={l('leaderDecision')} span={2}>{text(f.leaderDecision, 'feedback-decision')}</Descriptions.Item>
          : null}
        <Descriptions.Item label={l('resolution')} span={2}>{text(f.resolution, 'feedback-resolution')}</Descriptions.Item>
      </Descriptions>
      <DueTimes item={f} />
      <OutcomeInfo item={f} />
    </Space>
  );
}

/** The three due times: met ones with when, overdue ones red. */
function DueTimes({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const escalated = new Map(escalations(item).map((e) => [e.key, e.at]));
  return (
    <Descriptions bordered size="small" layout="vertical" title={t('feedback.due.title')} column={{ xs: 1, sm: 1, md: 3, lg: 3, xl: 3, xxl: 3 }} data-testid="due-times">
      {dueStates(item).map((d) => (
        <Descriptions.Item key={d.key} label={t(`feedback.due.${d.key}`)}>
          <Space direction="vertical" size={0} data-testid={`due-${d.key}`} data-overdue={d.overdue ? 'true' : undefined}>
            {d.overdue
              ? <Typography.Text type="danger" strong>{formatDateTime(d.dueAt)} <Tag color="red">{t('feedback.due.overdue')}</Tag></Typography.Text>
              : <span>{formatDateTime(d.dueAt)}</span>}
            {d.metAt
              ? <Typography.Text type="success" style={{ fontSize: 12 }}>{t('feedback.due.met', { at: formatDateTime(d.metAt) })}</Typography.Text>
              : null}
            {escalated.has(d.key)
              ? <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid={`escalated-${d.key}`}>{t('analysis.escalation.due', { at: formatDateTime(escalated.get(d.key)) })}</Typography.Text>
              : null}
          </Space>
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** The item's steps as a timeline: who did what when, then what it waits for. */
function Steps({ item: f }: { item: Item }) {
  const { t } = useTranslation();
  const departmentName = useDepartmentName();
  const attachments = useQuery({ queryKey: ['feedback', 'item-attachments', f.id], queryFn: () => attachmentsApi.list(f.id) });
  const at = (when: string | null | undefined) => <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(when)}</Typography.Text>;
  const entries: { key: string; when?: string | null; text: string; color?: string }[] = [
    { key: 'received', when: f.receivedAt, text: t('feedback.detail.steps.received', { who: f.recordedBy, department: departmentName(f.department) }) },
  ];
  if (f.acknowledgedAt) entries.push({ key: 'acknowledged', when: f.acknowledgedAt, text: t('feedback.detail.steps.acknowledged') });
  if (f.triagedAt && f.class) {
    entries.push({ key: 'triaged', when: f.triagedAt, text: t('feedback.detail.steps.triaged', { who: f.triagedBy, class: t(`feedback.classShort.${f.class}`) }) });
    if (f.class === 'B_WITHIN_AUTHORITY' && f.assignedDepartment) {
      entries.push({ key: 'assigned', when: f.triagedAt, text: t('feedback.detail.steps.assigned', { department: departmentName(f.assignedDepartment) }) });
    }
  }
  if (f.escalatedAt) entries.push({ key: 'escalated', when: f.escalatedAt, text: t('feedback.detail.steps.escalated'), color: 'orange' });
  for (const e of escalations(f)) {
    entries.push({ key: `overdue-${e.key}`, when: e.at, text: t('analysis.escalation.step', { due: t(`feedback.due.${e.key}`) }), color: 'orange' });
  }
  if (f.serious) {
    entries.push({ key: 'serious', when: f.serious.markedAt, color: 'red',
      text: f.serious.automatic ? t('analysis.serious.stepAutomatic') : t('analysis.serious.step', { who: f.serious.markedBy }) });
  }
  if (f.decidedAt) entries.push({ key: 'decided', when: f.decidedAt, text: t('feedback.detail.steps.decided', { who: f.decidedBy, department: departmentName(f.assignedDepartment) }) });
  if (f.resolvedAt) entries.push({ key: 'resolved', when: f.resolvedAt, text: t('feedback.detail.steps.resolved', { who: f.resolvedBy }), color: 'green' });
  if (f.outcome) entries.push({ key: 'outcome', when: f.outcome.recordedAt, text: t('analysis.outcome.step', { who: f.outcome.recordedBy, channel: t(`analysis.outcome.channels.${f.outcome.channel}`) }), color: 'green' });
  for (const a of attachments.data ?? []) {
    entries.push({ key: `attachment-${a.id}`, when: a.uploadedAt, text: t('analysis.attachments.step', { who: a.uploadedBy, name: a.fileName }), color: 'gray' });
  }
  entries.sort((a, b) => Date.parse(a.when ?? '') - Date.parse(b.when ?? ''));
  if (f.closedAt) entries.push({ key: 'closed', when: f.closedAt, text: t('feedback.detail.steps.closed', { who: f.closedBy }), color: 'gray' });
  const waiting = f.status === 'CLOSED' ? '' : t(`feedback.detail.waiting.${f.status}`, { department: departmentName(f.assignedDepartment) });
  return (
    <Timeline
      data-testid="feedback-timeline"
      items={[
        ...entries.map((e) => ({ key: e.key, color: e.color ?? 'blue', children: <Space direction="vertical" size={0}><span>{e.text}</span>{at(e.when)}</Space> })),
        ...(waiting ? [{ key: 'waiting', color: f.overdue ? 'red' : 'gray', children: <Typography.Text type={f.overdue ? 'danger' : 'secondary'}>{waiting}</Typography.Text> }] : []),
      ]}
    />
  );
}

/** The service's field-level history (who, when, which field, old → new), values as people read them. */
function History({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const departmentName = useDepartmentName();
  return (
    <HistoryTable<FeedbackHistoryEntry & { entity: string; entityId: number }>
      queryKey={['feedback', 'item', item.id, item.version]}
      load={async (page, size) => {
        const answer = await feedbackApi.history(item.id, page, size);
        // one aggregate: the entries name no entity, which the table's rows key on
        return { ...answer, items: (answer.items ?? []).map((e) => ({ ...e, entity: 'feedback', entityId: item.id })) };
      }}
      emptyText={t('feedback.detail.noHistory')}
      fieldLabel={(e) => t(`feedback.fields.${e.field}`, { defaultValue: t(`analysis.fields.${e.field}`, { defaultValue: e.field }) })}
      value={(v, e) => {
        switch (e.field) {
          case 'status': return t(`feedback.status.${v}`, { defaultValue: v });
          case 'class': return t(`feedback.classShort.${v}`, { defaultValue: v });
          case 'kind': return t(`feedback.kinds.${v}`, { defaultValue: v });
          case 'channel': return t(`feedback.channels.${v}`, { defaultValue: v });
          case 'outcomeChannel': return t(`analysis.outcome.channels.${v}`, { defaultValue: v });
          case 'seriousAutomatic': return v === 'true' ? t('analysis.yes') : v === 'false' ? t('analysis.no') : v;
          case 'department':
          case 'assignedDepartment': return departmentName(v);
          default:
            return /^\d{4}-\d{2}-\d{2}T/.test(v) ? formatDateTime(v) : <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span>;
        }
      }}
    />
  );
}

export default withAppContext(FeedbackDetail);
