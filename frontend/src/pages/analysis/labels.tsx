import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CommonIssueTracking, ForwardingState } from '../../api/feedbackAnalysis';

/** A common issue's tracking, or a forwarding's state, as a tag; overdue ones red. */
export function TrackingTag({ value, overdue }: { value: CommonIssueTracking | ForwardingState; overdue?: boolean }) {
  const { t } = useTranslation();
  const color = value === 'ANSWERED' ? 'green' : value === 'OPEN' ? 'processing' : 'default';
  return (
    <>
      <Tag color={color} data-testid="tracking-tag">{t(`analysis.tracking.${value}`)}</Tag>
      {overdue ? <Tag color="red" data-testid="overdue-tag">{t('analysis.tracking.overdue')}</Tag> : null}
    </>
  );
}

/** The row of an overdue issue or forwarding: red as the feedback inbox's (feedback.css). */
export function overdueRow(row: { overdue: boolean }): object {
  return row.overdue ? { className: 'feedback-row-overdue', 'data-overdue': 'true' } : {};
}
