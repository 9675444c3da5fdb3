import { Badge, type BadgeProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CertificationStatus } from '../../api/customers';

const TONE: Record<CertificationStatus, BadgeProps['status']> = {
  APPLYING: 'default',
  CONTRACTED: 'processing',
  AUDITING: 'processing',
  VALID: 'success',
  SUSPENDED: 'warning',
  WITHDRAWN: 'error',
  CANCELLED: 'error',
  EXPIRED: 'default',
  TERMINATED: 'default',
};

export function StatusBadge({ status }: { status: CertificationStatus }) {
  const { t } = useTranslation();
  return <Badge status={TONE[status]} text={t(`status.${status}`)} />;
}
