import type { ImportReport, OnConflict } from '../../api/customers';
import { uploadWithProgress, type UploadProgress } from '../../api/upload';

export type { UploadProgress };

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function contentTypeOf(fileName: string): string {
  return fileName.toLowerCase().endsWith('.xlsx') ? XLSX : 'text/csv';
}

/**
 * Sends the file as the request body (XMLHttpRequest: fetch cannot report upload progress). onConflict says
 * what the server does with rows for customers or records changed since the export: skip them or overwrite.
 */
export function uploadLedger(
  file: File,
  dryRun: boolean,
  onConflict: OnConflict,
  onProgress: (p: UploadProgress) => void,
): Promise<ImportReport> {
  return uploadWithProgress<ImportReport>('/api/customers/import', { dryRun, onConflict }, file, contentTypeOf(file.name), onProgress);
}
