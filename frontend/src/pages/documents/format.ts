import dayjs from 'dayjs';

export function formatDateTime(instant: string | null | undefined): string {
  return instant ? dayjs(instant).format('YYYY-MM-DD HH:mm') : '';
}
