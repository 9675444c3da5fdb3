import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from '../../api/applications';

const COLOR: Record<ApplicationStatus, string> = {
  DRAFT: 'default',
  SUBMITTED: 'blue',
  UNDER_REVIEW: 'processing',
  NEEDS_INFO: 'orange',
  ACCEPTED: 'green',
  REJECTED: 'red',
  WITHDRAWN: 'default',
};

/** An application's status as a coloured tag. */
export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLOR[status]} data-testid="application-status">{t(`applications.status.${status}`)}</Tag>;
}
