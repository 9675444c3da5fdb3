import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { customersApi, type ReferenceLists } from '../../api/customers';

/** Provinces, schemes and professional codes in the user's language (they rarely change: cached). */
export function useReference() {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: ['customers', 'reference', i18n.language],
    queryFn: customersApi.reference,
    staleTime: Infinity,
  });
}

export function nameOf(list: ReferenceLists['provinces'] | undefined, code: string | null | undefined): string {
  if (!code) {
    return '';
  }
  return list?.find((item) => item.code === code)?.name ?? code;
}
