import { useState } from 'react';
import { App, Button, Card, Descriptions, Empty, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { surveysApi, type TemplateDimension, type TemplateQuestion, type TemplateVersionInfo, type TemplateView } from '../../api/surveys';
import { useRoles } from '../../auth/useRoles';
import { ErrorState } from '../../components/ErrorPages';
import { withAppContext } from '../../components/withAppContext';
import { formatDateTime } from '../documents/format';
import { NewVersionModal } from './NewVersionModal';
import { localText } from './questions';
import { dimensionWeights } from './templates';

/**
 * The questionnaires (16-03 and its variants): the current version, every version (a version a campaign used is never
 * changed), and one version's dimensions and questions with their weights, in Chinese and English. Market makes a new
 * version from a copy; the others read. ?code= and ?version= choose what is shown.
 */
function TemplatesPage() {
  const { t, i18n } = useTranslation();
  const { can } = useRoles();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [copying, setCopying] = useState<TemplateView>();
  const list = useQuery({ queryKey: ['surveys', 'templates'], queryFn: surveysApi.templates });
  const code = params.get('code') ?? list.data?.[0]?.code ?? undefined;
  const detail = useQuery({ queryKey: ['surveys', 'templates', code], queryFn: () => surveysApi.template(code!), enabled: !!code });
  const asked = Number(params.get('version'));
  const version = Number.isInteger(asked) && asked > 0 ? asked : detail.data?.currentVersion ?? undefined;
  const isCurrent = !!detail.data && version === detail.data.currentVersion;
  const other = useQuery({
    queryKey: ['surveys', 'templates', code, 'versions', version],
    queryFn: () => surveysApi.templateVersion(code!, version!),
    enabled: !!code && !!version && !!detail.data && !isCurrent,
  });
  const shown = isCurrent ? detail.data?.current ?? undefined : other.data;
  const go = (next: { code?: string; version?: number }) => {
    const out = new URLSearchParams();
    if (next.code) out.set('code', next.code);
    if (next.version) out.set('version', String(next.version));
    setParams(out);
  };

  const failed = list.error ?? detail.error ?? other.error;
  if (failed) {
    return <ErrorState error={failed} onRetry={() => void queryClient.invalidateQueries({ queryKey: ['surveys', 'templates'] })} />;
  }
  if (list.data && list.data.length === 0) {
    return <Card title={t('surveys.templates.title')}><Empty description={t('surveys.templates.empty')} /></Card>;
  }
  if (!detail.data) {
    return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  }
  const d = detail.data;

  return (
    <Card
      title={
        <Space wrap>
          <span data-testid="template-title">{t('surveys.templates.title')}</span>
          {(list.data?.length ?? 0) > 1 ? (
            <Select value={code} style={{ minWidth: 260 }} onChange={(c) => go({ code: c })} data-testid="template-select"
              options={(list.data ?? []).map((s) => ({ value: s.code ?? '', label: `${s.code} ${localText(s.title, i18n.language)}` }))} />
          ) : null}
        </Space>
      }
      extra={can('surveys:manage') && shown ? (
        <Button type="primary" icon={<CopyOutlined />} onClick={() => setCopying(shown)} data-testid="template-new-version">
          {t('surveys.templates.newVersion')}
        </Button>
      ) : null}
    >
      <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2, lg: 3, xl: 3, xxl: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('surveys.templates.code')}>{d.code}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.templates.formNumber')}>{d.formNumber}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.templates.currentVersion')}><span data-testid="template-current">{d.currentVersion}</span></Descriptions.Item>
        <Descriptions.Item label={t('surveys.templates.titleZh')}>{d.title?.zh}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.templates.titleEn')}>{d.title?.en}</Descriptions.Item>
        <Descriptions.Item label={t('surveys.templates.versions')}>{d.versions?.length ?? 0}</Descriptions.Item>
      </Descriptions>

      <Typography.Title level={5}>{t('surveys.templates.versionList')}</Typography.Title>
      <Table<TemplateVersionInfo>
        data-testid="template-versions"
        rowKey="version"
        size="small"
        pagination={false}
        dataSource={d.versions ?? []}
        style={{ marginBottom: 24 }}
        rowClassName={(v) => (v.version === version ? 'ant-table-row-selected' : '')}
        columns={[
          {
            title: t('surveys.templates.version'), key: 'version', width: 140,
            render: (_, v) => (
              <Space>
                <Typography.Link onClick={() => go({ code, version: v.version ?? undefined })} data-testid={`template-version-${v.version}`}>
                  {t('surveys.templates.versionN', { version: v.version })}
                </Typography.Link>
                {v.version === d.currentVersion ? <Tag color="blue">{t('surveys.templates.current')}</Tag> : null}
              </Space>
            ),
          },
          { title: t('surveys.templates.createdAt'), key: 'created', width: 220, render: (_, v) => `${formatDateTime(v.createdAt)} ${v.createdBy ?? ''}` },
          {
            title: t('surveys.templates.usedAt'), key: 'used',
            render: (_, v) => v.usedAt ? formatDateTime(v.usedAt) : <Typography.Text type="secondary">{t('surveys.templates.notUsed')}</Typography.Text>,
          },
        ]}
      />

      {!shown ? <Spin style={{ display: 'block', margin: '40px auto' }} /> : <VersionContent view={shown} />}
      <NewVersionModal
        code={code ?? ''}
        from={copying}
        onClose={() => setCopying(undefined)}
        onCreated={(created) => {
          setCopying(undefined);
          void message.success(t('surveys.templates.created', { version: created.version }));
          void queryClient.invalidateQueries({ queryKey: ['surveys', 'templates'] });
          go({ code, version: created.version ?? undefined });
        }}
      />
    </Card>
  );
}

/** One version: its dimensions (with their items' weights) and its questions, in Chinese and English. */
function VersionContent({ view }: { view: TemplateView }) {
  const { t } = useTranslation();
  const weights = dimensionWeights(view);
  return (
    <div data-testid="template-version-content">
      <Typography.Title level={5}>
        {t('surveys.templates.versionN', { version: view.version })}
        {view.title ? <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}> · {view.title.zh}{view.title.en ? ` / ${view.title.en}` : ''}</Typography.Text> : null}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {view.usedAt ? t('surveys.templates.usedHint', { date: formatDateTime(view.usedAt) }) : t('surveys.templates.unusedHint')}
      </Typography.Paragraph>
      <Table<TemplateDimension>
        data-testid="template-dimensions"
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={view.dimensions ?? []}
        style={{ marginBottom: 24 }}
        scroll={{ x: 700 }}
        columns={[
          { title: t('surveys.templates.dimension'), dataIndex: 'code', width: 160 },
          { title: t('surveys.templates.zh'), key: 'zh', render: (_, x) => x.title.zh },
          { title: t('surveys.templates.en'), key: 'en', render: (_, x) => x.title.en },
          { title: t('surveys.templates.questionCount'), key: 'count', width: 90, align: 'right', render: (_, x) => weights[x.code]?.questions ?? 0 },
          { title: t('surveys.templates.weightSum'), key: 'weight', width: 100, align: 'right', render: (_, x) => weights[x.code]?.weight ?? 0 },
        ]}
      />
      <Table<TemplateQuestion>
        data-testid="template-questions"
        rowKey="code"
        size="small"
        pagination={false}
        dataSource={view.questions ?? []}
        scroll={{ x: 1100 }}
        columns={[
          { title: t('surveys.templates.code'), dataIndex: 'code', width: 70 },
          { title: t('surveys.templates.type'), key: 'type', width: 120, render: (_, q) => t(`surveys.types.${q.type}`) },
          { title: t('surveys.templates.dimension'), key: 'dimension', width: 140, render: (_, q) => q.dimension ?? '—' },
          { title: t('surveys.templates.weight'), key: 'weight', width: 70, align: 'right', render: (_, q) => q.weight ?? '—' },
          { title: t('surveys.templates.required'), key: 'required', width: 70, render: (_, q) => (q.required ? t('common.yes') : t('common.no')) },
          { title: t('surveys.templates.zh'), key: 'zh', width: 280, render: (_, q) => q.text.zh },
          { title: t('surveys.templates.en'), key: 'en', width: 280, render: (_, q) => q.text.en },
          {
            title: t('surveys.templates.options'), key: 'options', width: 260,
            render: (_, q) => (q.options ?? []).map((o) => <div key={o.code}><Typography.Text code>{o.code}</Typography.Text> {o.text.zh}{o.text.en ? ` / ${o.text.en}` : ''}</div>),
          },
        ]}
      />
    </div>
  );
}

export default withAppContext(TemplatesPage);
