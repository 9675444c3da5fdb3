import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Modal, Select, Space, Spin, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { feedbackApi, OUTCOME_CHANNELS, type FeedbackItem, type OutcomeChannel } from '../../api/feedback';
import { ApiError } from '../../api/http';
import { analysisApi } from '../../api/feedbackAnalysis';
import { FormErrors } from '../../components/useFormSubmit';
import { useStepForm } from './useStepForm';
import { formatDateTime } from '../documents/format';
import type { MarkAction } from './actions';
import { normaliseTopics, TOPIC_MAX, TOPICS_PER_ITEM } from './topics';

export type Item = FeedbackItem;

/** The problems of these marks that deserve our own words. */
const MARK_PROBLEMS = ['already-serious', 'outcome-not-due', 'outcome-already-notified', 'outcome-not-notified'] as const;

/**
 * The item's topics (4.6): market edits them as tags — what is typed is shown as the service will keep it (full-width
 * forms made ordinary, spaces collapsed, duplicates merged), with the topics already in use as suggestions; everyone
 * else reads them.
 */
export function TopicsCard({ item, editable }: { item: Item; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const topics = useQuery({ queryKey: ['feedback', 'item-topics', item.id], queryFn: () => analysisApi.itemTopics(item.id) });
  const [search, setSearch] = useState('');
  const suggestions = useQuery({
    queryKey: ['feedback', 'topics', search],
    queryFn: () => analysisApi.topics({ q: search.trim() || undefined, size: 50 }),
    enabled: editable,
    staleTime: 30_000,
  });
  const [draft, setDraft] = useState<string[]>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const current = topics.data?.topics ?? [];
  const editing = draft !== undefined;
  const normalised = useMemo(() => normaliseTopics(draft ?? []), [draft]);

  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      const saved = await analysisApi.setItemTopics(item.id, { topics: normalised.topics, version: item.version });
      queryClient.setQueryData(['feedback', 'item-topics', item.id], saved);
      setDraft(undefined);
      void message.success(t('analysis.topics.saved'));
      void queryClient.invalidateQueries({ queryKey: ['feedback'] });
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'stale' ? t('analysis.topics.stale') : e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card size="small" title={t('analysis.topics.title')} data-testid="item-topics"
      extra={editable && !editing && topics.data
        ? <Button size="small" onClick={() => setDraft(current)} data-testid="topics-edit">{t('common.edit')}</Button>
        : null}>
      {topics.isError ? <Alert type="error" showIcon message={(topics.error as Error).message} /> : null}
      {!topics.data && !topics.isError ? <Spin size="small" /> : null}
      {topics.data && !editing ? (
        current.length
          ? <Space size={[4, 4]} wrap data-testid="topics-view">{current.map((x) => <Tag key={x} color="blue">{x}</Tag>)}</Space>
          : <Typography.Text type="secondary">{t('analysis.topics.none')}</Typography.Text>
      ) : null}
      {editing ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select
            mode="tags"
            style={{ width: '100%' }}
            value={draft}
            onChange={(v: string[]) => setDraft(v)}
            onSearch={setSearch}
            tokenSeparators={[',', '，', ';', '；']}
            placeholder={t('analysis.topics.placeholder')}
            options={(suggestions.data?.items ?? []).map((s) => ({
              value: s.topic,
              label: <span>{s.topic} <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('analysis.topics.usage', { items: s.items, clients: s.clients })}</Typography.Text></span>,
            }))}
            data-testid="topics-input"
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('analysis.topics.help', { max: TOPIC_MAX, count: TOPICS_PER_ITEM })}</Typography.Text>
          {normalised.changed.length ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="topics-normalised">
              {t('analysis.topics.normalised', { list: normalised.changed.map((c) => `“${c.raw}” → “${c.topic}”`).join('，') })}
            </Typography.Text>
          ) : null}
          {normalised.problems.map((p) => (
            <Typography.Text key={p.problem + p.topic} type="danger" style={{ fontSize: 12 }}>
              {t(`analysis.topics.problems.${p.problem}`, { topic: p.topic, max: TOPIC_MAX, count: TOPICS_PER_ITEM })}
            </Typography.Text>
          ))}
          {error ? <Alert type="error" showIcon message={error} /> : null}
          <Space>
            <Button type="primary" size="small" loading={saving} disabled={normalised.problems.length > 0} onClick={() => void save()} data-testid="topics-save">
              {t('common.save')}
            </Button>
            <Button size="small" onClick={() => { setDraft(undefined); setError(undefined); }}>{t('common.cancel')}</Button>
          </Space>
        </Space>
      ) : null}
    </Card>
  );
}

/** The serious mark (重大不满意或投诉事件): who marked it and when, with the reason — or that it was automatic. */
export function SeriousInfo({ item }: { item: Item }) {
  const { t } = useTranslation();
  if (!item.serious) {
    return null;
  }
  const s = item.serious;
  return (
    <Alert type="warning" showIcon data-testid="serious-mark"
      message={<span><Tag color="volcano">{t('analysis.serious.tag')}</Tag>{s.automatic
        ? t('analysis.serious.automatic', { at: formatDateTime(s.markedAt) })
        : t('analysis.serious.marked', { who: s.markedBy, at: formatDateTime(s.markedAt) })}</span>}
      description={s.reason ? <span style={{ whiteSpace: 'pre-wrap' }} data-testid="serious-reason">{s.reason}</span> : undefined}
    />
  );
}

/** The formal notification of the outcome to the complainant: how, on which day, what was said, who recorded it. */
export function OutcomeInfo({ item }: { item: Item }) {
  const { t } = useTranslation();
  const complaint = item.kind === 'COMPLAINT' || item.kind === 'APPEAL';
  if (!item.outcome && !complaint) {
    return null;
  }
  const o = item.outcome;
  return (
    <Descriptions bordered size="small" column={1} title={t('analysis.outcome.title')} data-testid="outcome">
      {o ? (
        <>
          <Descriptions.Item label={t('analysis.outcome.channel')}>{t(`analysis.outcome.channels.${o.channel}`)}</Descriptions.Item>
          <Descriptions.Item label={t('analysis.outcome.notifiedOn')}>{o.notifiedOn}</Descriptions.Item>
          <Descriptions.Item label={t('analysis.outcome.summary')}><span style={{ whiteSpace: 'pre-wrap' }} data-testid="outcome-summary">{o.summary}</span></Descriptions.Item>
          <Descriptions.Item label={t('analysis.outcome.recorded')}>{t('analysis.outcome.recordedBy', { who: o.recordedBy, at: formatDateTime(o.recordedAt) })}</Descriptions.Item>
        </>
      ) : (
        <Descriptions.Item label={t('analysis.outcome.status')}>
          <Typography.Text type="warning" data-testid="outcome-missing">{t('analysis.outcome.missing')}</Typography.Text>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

interface MarkValues { reason?: string; channel?: OutcomeChannel; notifiedOn?: Dayjs; summary?: string }
const TEXT_MAX = 5000;

/** What a mark sends: the version read and its fields (the day as yyyy-MM-dd). */
export function markCall(item: Pick<Item, 'id' | 'version'>, action: MarkAction, v: MarkValues): Promise<Item> {
  if (action === 'markSerious') {
    return feedbackApi.markSerious(item.id, { reason: v.reason?.trim() ?? '', version: item.version });
  }
  return feedbackApi.notifyOutcome(item.id, {
    channel: v.channel!, notifiedOn: v.notifiedOn!.format('YYYY-MM-DD'), summary: v.summary?.trim() ?? '', version: item.version,
  });
}

/** Marking an item serious (with the reason), or recording the outcome notification (channel, day, summary). */
export function MarkModal({ item, action, onClose, onDone, onReload }: {
  item: Item;
  action?: MarkAction;
  onClose: () => void;
  onDone: (next: Item) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<MarkValues>();
  const { submit, saving, formErrors } = useStepForm(form, {
    action,
    call: (v: MarkValues) => markCall(item, action!, v),
    problems: MARK_PROBLEMS,
    messages: 'analysis.problems',
    onDone,
    onReload,
  });
  const required = (label: string) => ({ required: true, whitespace: true, message: t('validation.required', { field: label }) });
  const received = dayjs(item.receivedAt).startOf('day');

  return (
    <Modal
      open={!!action}
      title={action ? t(`analysis.marks.${action}.title`) : ''}
      okText={action ? t(`analysis.marks.${action}.ok`) : ''}
      okButtonProps={{ 'data-testid': 'mark-ok' }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      width={600}
      destroyOnHidden
    >
      <Alert type="info" showIcon style={{ marginBottom: 16 }} message={action ? t(`analysis.marks.${action}.hint`) : ''} />
      <FormErrors errors={formErrors} />
      <Form form={form} layout="vertical" data-testid="mark-form" initialValues={{ notifiedOn: dayjs() }}>
        {action === 'markSerious' ? (
          <Form.Item name="reason" label={t('analysis.serious.reason')} rules={[required(t('analysis.serious.reason')), { max: TEXT_MAX }]}>
            <Input.TextArea rows={4} maxLength={TEXT_MAX} showCount data-testid="mark-reason" />
          </Form.Item>
        ) : null}
        {action === 'notifyOutcome' ? (
          <>
            <Form.Item name="channel" label={t('analysis.outcome.channel')} rules={[{ required: true, message: t('analysis.outcome.chooseChannel') }]}>
              <Select data-testid="mark-channel" placeholder={t('analysis.choose')}
                options={OUTCOME_CHANNELS.map((c) => ({ value: c, label: t(`analysis.outcome.channels.${c}`) }))} />
            </Form.Item>
            <Form.Item name="notifiedOn" label={t('analysis.outcome.notifiedOn')} rules={[{ required: true, message: t('validation.required', { field: t('analysis.outcome.notifiedOn') }) }]}>
              <DatePicker style={{ width: 200 }} data-testid="mark-date"
                disabledDate={(d) => d.isAfter(dayjs(), 'day') || d.isBefore(received, 'day')} />
            </Form.Item>
            <Form.Item name="summary" label={t('analysis.outcome.summary')} rules={[required(t('analysis.outcome.summary')), { max: TEXT_MAX }]}>
              <Input.TextArea rows={4} maxLength={TEXT_MAX} showCount data-testid="mark-summary" />
            </Form.Item>
          </>
        ) : null}
      </Form>
    </Modal>
  );
}

/** The due times the scheduler escalated to the leader (which, when), from the item's *EscalatedAt fields. */
export function escalations(item: Pick<FeedbackItem, 'acknowledgeEscalatedAt' | 'firstResponseEscalatedAt' | 'resolutionEscalatedAt'>):
  { key: 'acknowledge' | 'firstResponse' | 'resolution'; at: string }[] {
  const out: { key: 'acknowledge' | 'firstResponse' | 'resolution'; at: string }[] = [];
  if (item.acknowledgeEscalatedAt) out.push({ key: 'acknowledge', at: item.acknowledgeEscalatedAt });
  if (item.firstResponseEscalatedAt) out.push({ key: 'firstResponse', at: item.firstResponseEscalatedAt });
  if (item.resolutionEscalatedAt) out.push({ key: 'resolution', at: item.resolutionEscalatedAt });
  return out;
}
