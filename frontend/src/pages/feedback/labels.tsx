import { Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDepartments } from './departments';
import type { FeedbackClass, FeedbackItem, FeedbackStatus } from '../../api/feedback';

const COLOR: Record<FeedbackStatus, string> = {
  RECEIVED: 'blue',
  TRIAGED: 'cyan',
  ESCALATED: 'orange',
  DECIDED: 'purple',
  IN_HANDLING: 'processing',
  RESOLVED: 'green',
  CLOSED: 'default',
};

/** An item's status as a coloured tag. */
export function FeedbackStatusTag({ status }: { status: FeedbackStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLOR[status]} data-testid="feedback-status">{t(`feedback.status.${status}`)}</Tag>;
}

/** The red "overdue" tag (the inbox rows and the detail's title). */
export function OverdueTag() {
  const { t } = useTranslation();
  return <Tag color="red" data-testid="overdue-tag">{t('feedback.overdue')}</Tag>;
}

/** A class a/b/c as a short tag, its rule on hover. */
export function ClassTag({ value }: { value: FeedbackClass }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`feedback.classRules.${value}`)}>
      <Tag color={value === 'A_UNREASONABLE' ? 'default' : value === 'B_WITHIN_AUTHORITY' ? 'geekblue' : 'volcano'} data-testid="feedback-class">
        {t(`feedback.classShort.${value}`)}
      </Tag>
    </Tooltip>
  );
}

/** Names a department code as feedback-service's departments list does (departments.ts), or shows the code sent. */
export function useDepartmentName(): (code: string | null | undefined) => string {
  return useDepartments().name;
}

/** The customer as the item names it: the registered client's name, or the prospect's. */
export function customerOf(item: Pick<FeedbackItem, 'customerName' | 'prospectName' | 'customerId'>): string {
  return item.customerName ?? item.prospectName ?? (item.customerId ? `#${item.customerId}` : '');
}
