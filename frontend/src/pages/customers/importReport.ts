import type { ImportConflict, ImportReport, ImportRowError } from '../../api/customers';
import type { Problem } from '../../api/problem';

/**
 * The report as the screen reads it: every list present, every count a number, whatever the server left out
 * (an older customer-service answers without the newer fields).
 */
export function normalizeReport(raw: Partial<ImportReport> | undefined, dryRun: boolean): ImportReport {
  const r = raw ?? {};
  const n = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : 0);
  const list = <T>(value: T[] | null | undefined): T[] => (Array.isArray(value) ? value : []);
  return {
    dryRun: r.dryRun ?? dryRun,
    committed: r.committed ?? false,
    encoding: r.encoding ?? null,
    rows: n(r.rows),
    newCustomers: n(r.newCustomers),
    updatedCustomers: n(r.updatedCustomers),
    unchangedCustomers: n(r.unchangedCustomers),
    newCertifications: n(r.newCertifications),
    updatedCertifications: n(r.updatedCertifications),
    unchangedCertifications: n(r.unchangedCertifications),
    certifications: n(r.certifications),
    ignoredColumns: list(r.ignoredColumns),
    errors: list(r.errors),
    errorCount: Math.max(n(r.errorCount), list(r.errors).length),
    warnings: list(r.warnings),
    warningCount: Math.max(n(r.warningCount), list(r.warnings).length),
    conflicts: list(r.conflicts).map((c: ImportConflict) => ({ ...c, fields: list(c.fields) })),
    conflictCount: Math.max(n(r.conflictCount), list(r.conflicts).length),
    overwrite: r.overwrite ?? false,
    preview: list(r.preview).map((row) => list(row)),
  };
}

/** A 400 problem's errors ("line 3: 统一社会信用代码") as report rows; a field without a line is line 0. */
export function rowErrorsOf(problem: Problem | undefined): ImportRowError[] {
  return (problem?.errors ?? []).map((fe) => {
    const at = /^line (\d+): (.*)$/.exec(fe.field);
    return { line: at ? Number(at[1]) : 0, column: at ? at[2] : fe.field, message: fe.message };
  });
}

/** The report of a refused file: nothing read, nothing written, only the errors. */
export function refusedReport(dryRun: boolean, errors: ImportRowError[]): ImportReport {
  return { ...normalizeReport(undefined, dryRun), errors, errorCount: errors.length };
}

/** Nothing would change: no new or updated customer or record, no conflicting row. */
export function changesNothing(report: ImportReport): boolean {
  return report.newCustomers === 0 && report.updatedCustomers === 0
    && report.newCertifications === 0 && report.updatedCertifications === 0
    && report.certifications === 0 && report.conflicts.length === 0;
}

/** The file's lines in conflict (one row may conflict on its customer and on its record). */
export function conflictingLines(report: ImportReport): number {
  return new Set(report.conflicts.map((c) => c.line)).size;
}

/** The preview as a table: the header row's cells as titles, each later row as a record of cells. */
export function previewTable(preview: (string | null)[][]): { titles: string[]; rows: { key: number; cells: string[] }[] } {
  const width = preview.reduce((max, row) => Math.max(max, row.length), 0);
  const pad = (row: (string | null)[]) => Array.from({ length: width }, (_, i) => row[i] ?? '');
  const [header = [], ...data] = preview;
  return { titles: pad(header), rows: data.map((row, key) => ({ key, cells: pad(row) })) };
}
