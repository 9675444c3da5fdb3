import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../api/customers';
import { changesNothing, conflictingLines, normalizeReport, previewTable, refusedReport, rowErrorsOf } from './importReport';

const conflict = (line: number, scheme: string | null = null) => ({
  line, creditCode: '91330100MA27XYZ12X', name: '杭州某某科技有限公司', scheme, fileVersion: 2, currentVersion: 3,
  fields: [{ column: '城市', current: '杭州', file: '宁波' }],
});

describe('the import report', () => {
  it('fills what an older server leaves out', () => {
    const report = normalizeReport({ dryRun: true, committed: false, rows: 3, newCustomers: 1, updatedCustomers: 2, certifications: 3, errors: [] } as Partial<ImportReport>, true);
    expect(report).toMatchObject({
      rows: 3, newCustomers: 1, updatedCustomers: 2, unchangedCustomers: 0, newCertifications: 0, encoding: null,
      ignoredColumns: [], warnings: [], conflicts: [], preview: [], overwrite: false,
    });
    expect(normalizeReport(undefined, false).dryRun).toBe(false);
  });

  it('says when nothing would change', () => {
    const unchanged = normalizeReport({ rows: 2, unchangedCustomers: 1, unchangedCertifications: 2 }, true);
    expect(changesNothing(unchanged)).toBe(true);
    expect(changesNothing({ ...unchanged, updatedCertifications: 1, certifications: 1 })).toBe(false);
    expect(changesNothing({ ...unchanged, newCustomers: 1 })).toBe(false);
    expect(changesNothing({ ...unchanged, conflicts: [conflict(2)] })).toBe(false);
  });

  it('counts conflicting lines, not conflicts', () => {
    const report = normalizeReport({ conflicts: [conflict(2), conflict(2, 'QMS'), conflict(5, 'EMS')] }, true);
    expect(conflictingLines(report)).toBe(2);
  });

  it('reads the 400 problem of a refused file as line, column and reason', () => {
    const errors = rowErrorsOf({ status: 400, errors: [
      { field: 'line 3: 统一社会信用代码', message: '校验码不正确' },
      { field: 'file', message: '缺少必需的列：企业名称' },
    ] });
    expect(errors).toEqual([
      { line: 3, column: '统一社会信用代码', message: '校验码不正确' },
      { line: 0, column: 'file', message: '缺少必需的列：企业名称' },
    ]);
    expect(refusedReport(false, errors)).toMatchObject({ dryRun: false, committed: false, rows: 0, errors });
  });

  it('lays the preview out as titles and rows of the same width', () => {
    expect(previewTable([['企业名称', '城市', '备注'], ['星澜科技', '杭州'], ['云帆', null, '', '多余']])).toEqual({
      titles: ['企业名称', '城市', '备注', ''],
      rows: [{ key: 0, cells: ['星澜科技', '杭州', '', ''] }, { key: 1, cells: ['云帆', '', '', '多余'] }],
    });
    expect(previewTable([])).toEqual({ titles: [], rows: [] });
  });
});
