import type { ReactNode } from 'react';
import { Button } from 'antd';
import { CloseCircleFilled, ExclamationCircleFilled, QuestionCircleFilled, StopFilled } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/http';

/** A whole-page state: icon, title, explanation, action (like antd's Result, without its illustrations and Typography, which the shell would otherwise load). */
export function StatusPage({ icon, title, subTitle, extra, testId }: {
  icon: ReactNode; title: ReactNode; subTitle?: ReactNode; extra?: ReactNode; testId?: string;
}) {
  return (
    <div data-testid={testId} style={{ textAlign: 'center', padding: '64px 24px' }}>
      <div style={{ fontSize: 64, lineHeight: 1, marginBottom: 24 }}>{icon}</div>
      <h3 style={{ fontSize: 24, fontWeight: 600, margin: '0 0 8px' }}>{title}</h3>
      {subTitle ? <div style={{ color: 'rgba(0, 0, 0, 0.45)' }}>{subTitle}</div> : null}
      {extra ? <div style={{ marginTop: 24 }}>{extra}</div> : null}
    </div>
  );
}

export function NoPermission() {
  const { t } = useTranslation();
  return (
    <StatusPage
      testId="no-permission"
      icon={<StopFilled style={{ color: '#faad14' }} />}
      title={t('errors.noPermission.title')}
      subTitle={t('errors.noPermission.subtitle')}
      extra={<Link to="/"><Button type="primary">{t('errors.backHome')}</Button></Link>}
    />
  );
}

export function NotFound() {
  const { t } = useTranslation();
  return (
    <StatusPage
      testId="not-found"
      icon={<QuestionCircleFilled style={{ color: '#1677ff' }} />}
      title={t('errors.notFound.title')}
      subTitle={t('errors.notFound.subtitle')}
      extra={<Link to="/"><Button type="primary">{t('errors.backHome')}</Button></Link>}
    />
  );
}

/** A failed load: its own page for 403 and 404, otherwise the reason and a retry. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  if (error instanceof ApiError && error.status === 403) {
    return <NoPermission />;
  }
  if (error instanceof ApiError && error.status === 404) {
    return <NotFound />;
  }
  const network = error instanceof ApiError && error.isNetwork;
  const requestId = error instanceof ApiError ? error.problem?.requestId : undefined;
  return (
    <StatusPage
      testId="error-state"
      icon={network ? <ExclamationCircleFilled style={{ color: '#faad14' }} /> : <CloseCircleFilled style={{ color: '#ff4d4f' }} />}
      title={network ? t('errors.network') : t('errors.generic')}
      subTitle={
        <>
          {network ? t('errors.networkHint') : error instanceof Error ? error.message : String(error)}
          {requestId ? <div>{t('errors.requestId', { id: requestId })}</div> : null}
        </>
      }
      extra={onRetry ? <Button type="primary" onClick={onRetry}>{t('common.retry')}</Button> : null}
    />
  );
}
