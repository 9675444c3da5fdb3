import type { components, paths } from './generated/customer-service';
import { downloadFile } from './download';
import { typedClient, type Json } from './typed';

/** customer-service's national reporting (认证机构信息管理系统): the month's records, the deadline, the workbook. */
type Schemas = components['schemas'];

export type NationalReport = Json<Schemas['NationalReport']>;
export type ReportSummary = Json<Schemas['NationalReportSummary']>;
export const REPORT_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

const api = typedClient<paths>();

export const reportingApi = {
  list: (period: string, status?: ReportStatus) =>
    api.get('/api/customers/national-reports', { query: { period, status } }),
  summary: () => api.get('/api/customers/national-reports/summary'),
  markSent: (period: string) => api.post('/api/customers/national-reports/batches/{period}/sent', { path: { period } }),
  resend: (id: number) => api.post('/api/customers/national-reports/{id}/resend', { path: { id } }),
};

/** Saves the month's upload workbook. */
export function downloadBatch(period: string): Promise<void> {
  return downloadFile(`/api/customers/national-reports/batches/${encodeURIComponent(period)}`, `national-report-${period}.xlsx`);
}
