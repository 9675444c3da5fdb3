import { Button, Card, Col, Descriptions, Input, Result, Row, Space, Spin, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { directoryApi, qrCodeUrl, verifyPath, type CertificateCheck } from '../../api/directory';
import { ApiError } from '../../api/http';
import { ErrorState } from '../../components/ErrorPages';
import { PublicPage } from './PublicPage';
import { CertificateStatusTag } from './CertificateStatusTag';

const RESULT: Record<string, 'success' | 'warning' | 'error' | 'info'> = {
  VALID: 'success', SUSPENDED: 'warning', WITHDRAWN: 'error', CANCELLED: 'error', EXPIRED: 'error',
};

/**
 * The public certificate check (4.10.2): what the QR code on a certificate opens (/verify/{number}), and a box to
 * type another number. An unknown number says so plainly; it is not an error page.
 */
export default function VerifyCertificate() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const number = useParams().number?.trim() ?? '';
  const check = useQuery({
    queryKey: ['public', 'certificate', number],
    queryFn: () => directoryApi.check(number),
    enabled: number !== '',
  });
  const notFound = check.error instanceof ApiError && check.error.status === 404;

  return (
    <PublicPage title={t('directory.verify.title')} subtitle={t('directory.verify.subtitle')} testId="verify-title" width={760}>
      <Input.Search
        key={number}
        defaultValue={number}
        placeholder={t('directory.verify.number')}
        enterButton={t('directory.verify.check')}
        size="large"
        maxLength={60}
        onSearch={(value) => value.trim() && navigate(verifyPath(value.trim()))}
        data-testid="verify-input"
        style={{ marginBottom: 16 }}
      />
      {number === '' ? null : notFound ? (
        <Result status="warning" title={<span data-testid="verify-not-found">{t('directory.verify.notFound', { number })}</span>}
          subTitle={t('directory.verify.notFoundHint')} />
      ) : check.isError ? (
        <ErrorState error={check.error} onRetry={() => void check.refetch()} />
      ) : !check.data ? (
        <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />
      ) : (
        <Checked certificate={check.data} />
      )}
    </PublicPage>
  );
}

function Checked({ certificate: c }: { certificate: CertificateCheck }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  return (
    <Card data-testid="verify-result">
      <Result
        style={{ padding: '8px 0 16px' }}
        status={RESULT[c.status] ?? 'info'}
        title={<span data-testid="verify-headline">{t(`directory.verify.headline.${c.status}`, { defaultValue: c.status })}</span>}
        subTitle={t(`directory.verify.explain.${c.status}`, { defaultValue: '' })}
      />
      <Row gutter={[24, 16]}>
        <Col xs={24} md={16}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('directory.certificateNo')}>
              <Typography.Text copyable data-testid="verify-number">{c.certificateNo}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('directory.verify.holder')}><span data-testid="verify-holder">{c.clientName}</span></Descriptions.Item>
            <Descriptions.Item label={t('directory.scheme')}>{c.scheme}</Descriptions.Item>
            <Descriptions.Item label={t('directory.scope')}>{english && c.scopeEn ? c.scopeEn : c.scope}</Descriptions.Item>
            <Descriptions.Item label={t('directory.issuedOn')}>{c.issuedOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('directory.expiresOn')}>{c.expiresOn ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('directory.verify.status')}>
              <CertificateStatusTag status={c.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('directory.verify.checkedOn')}>{c.checkedOn}</Descriptions.Item>
          </Descriptions>
        </Col>
        <Col xs={24} md={8} style={{ textAlign: 'center' }}>
          <Space direction="vertical" align="center">
            <img src={qrCodeUrl(c.certificateNo)} alt={t('directory.verify.qr')} width={160} height={160} data-testid="verify-qr" />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('directory.verify.qrHint')}</Typography.Text>
            <Button size="small" icon={<DownloadOutlined />} href={qrCodeUrl(c.certificateNo, 'png')} download>
              {t('directory.verify.qrDownload')}
            </Button>
          </Space>
        </Col>
      </Row>
    </Card>
  );
}
