import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS: Record<string, string> = {
  VALID: 'green', SUSPENDED: 'orange', WITHDRAWN: 'red', CANCELLED: 'default', EXPIRED: 'default',
};

/** A certificate's status as the public pages show it (the directory bundle's words). */
export function CertificateStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={COLORS[status] ?? 'default'} data-testid="certificate-status">
      {t(`directory.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}
