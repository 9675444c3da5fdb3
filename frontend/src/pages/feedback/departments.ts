import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { feedbackApi } from '../../api/feedback';

/**
 * The departments items are assigned to and common issues forwarded to: feedback-service's reference list
 * (GET /api/feedback/departments, code with its Chinese and English names). Only when that call fails do the screens
 * fall back to these codes, named in the message files (feedback.departments.<code>); a code the service sends that
 * neither knows is shown as it is.
 */
export const FALLBACK_DEPARTMENTS = [
  'market', 'audit-scheduling', 'technical-committee', 'complaints-group', 'audit-team', 'certification-decision', 'finance',
  'management-representative',
] as const;

/** The recipient code the leader answers for (certcare.feedback.common-issues.management-representative). */
export const MANAGEMENT_REPRESENTATIVE = 'management-representative';

export interface DepartmentOption { value: string; label: string }

/** The departments in the user's language, from the service (cached for the session) or the fallback list. */
export function useDepartments(): { options: DepartmentOption[]; name: (code: string | null | undefined) => string; fromService: boolean } {
  const { t, i18n } = useTranslation();
  const list = useQuery({
    queryKey: ['feedback', 'departments'],
    queryFn: () => feedbackApi.departments(),
    staleTime: Infinity,
    retry: 1,
  });
  const en = i18n.language === 'en';
  const served = list.data && list.data.length ? list.data : undefined;
  const options: DepartmentOption[] = served
    ? served.map((d) => ({ value: d.code, label: (en ? d.nameEn : d.nameZh) || d.name || d.code }))
    : FALLBACK_DEPARTMENTS.map((code) => ({ value: code, label: t(`feedback.departments.${code}`, { defaultValue: code }) }));
  const byCode = new Map(options.map((o) => [o.value, o.label]));
  const name = (code: string | null | undefined) => (code ? byCode.get(code) ?? t(`feedback.departments.${code}`, { defaultValue: code }) : '');
  return { options, name, fromService: !!served };
}
