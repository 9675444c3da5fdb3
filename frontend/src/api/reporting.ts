import type { components, paths } from './generated/customer-service';
import { downloadFile } from './download';
import { typedClient, type Json } from './typed';

/** customer-service's national reporting (认证机构信息管理系统): the month's records, the deadline, the workbook. */
type Schemas = components['schemas'];

export type NationalReport = Json<Schemas['NationalReport']>;
export type ReportSummary = Json<Schemas['NationalReportSummary']>;
export const REPORT_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export type ReportPage = Json<Schemas['ListPageReport']> & { items: NationalReport[]; total: number };
export const REPORT_PAGE_SIZE = 50;

const api = typedClient<paths>();

export const reportingApi = {
  /** One page (from 1) of the month's records, oldest first, with the month's total. */
  list: (period: string, status?: ReportStatus, page = 1, size = REPORT_PAGE_SIZE) =>
    api.get('/api/customers/national-reports', { query: { period, status, page, size } }) as Promise<ReportPage>,
  summary: () => api.get('/api/customers/national-reports/summary'),
  markSent: (period: string) => api.post('/api/customers/national-reports/batches/{period}/sent', { path: { period } }),
  resend: (id: number) => api.post('/api/customers/national-reports/{id}/resend', { path: { id } }),
};

/** Saves the month's upload workbook. */
export function downloadBatch(period: string): Promise<void> {
  return downloadFile(`/api/customers/national-reports/batches/${encodeURIComponent(period)}`, `national-report-${period}.xlsx`);
}
