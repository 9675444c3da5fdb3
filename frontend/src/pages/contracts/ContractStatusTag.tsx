import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContractStatus } from '../../api/contracts';

const COLOR: Record<ContractStatus, string> = { DRAFT: 'default', SENT: 'blue', SIGNED: 'green', TERMINATED: 'red' };

/** A contract's status as a coloured tag. */
export function ContractStatusTag({ status }: { status: ContractStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLOR[status]} data-testid="contract-status">{t(`contracts.status.${status}`)}</Tag>;
}
