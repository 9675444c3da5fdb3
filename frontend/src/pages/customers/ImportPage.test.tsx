import { beforeEach, describe, expect, it, vi } from 'vitest';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { App as AntApp } from 'antd';
// the messages load with the screen, as App.tsx loads them
import { withMessages } from '../../i18n';
import type { ImportReport } from '../../api/customers';
import { ApiError } from '../../api/http';

const upload = vi.hoisted(() => vi.fn());
vi.mock('./uploadLedger', () => ({ uploadLedger: upload }));

const { default: ImportPage } = await withMessages('import', import('./ImportPage'));

const base: ImportReport = {
  dryRun: true, committed: false, encoding: 'GB18030', rows: 3,
  newCustomers: 1, updatedCustomers: 1, unchangedCustomers: 1,
  newCertifications: 1, updatedCertifications: 1, unchangedCertifications: 1, certifications: 2,
  ignoredColumns: [], errors: [], errorCount: 0, warnings: [], warningCount: 0, conflicts: [], conflictCount: 0,
  overwrite: false,
  preview: [['企业名称', '城市'], ['浙江星澜科技有限公司', '杭州']],
};

const conflict = {
  line: 3, creditCode: '91330100MA27XYZ12X', name: '温州并发有限公司', scheme: null, fileVersion: 1, currentVersion: 2,
  fields: [{ column: '城市', current: '湖州', file: '温州' }],
};

async function choose() {
  const user = userEvent.setup();
  const view = render(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter><AntApp><ImportPage /></AntApp></MemoryRouter>
    </QueryClientProvider>,
  );
  await user.upload(view.container.querySelector('input[type=file]') as HTMLInputElement,
    new File(['企业名称,城市\n'], 'ledger.csv', { type: 'text/csv' }));
  return user;
}

const commit = () => screen.getByTestId('import-commit');

// the first test clicks through the whole dry run and two commits: ~4 s alone, more on a busy machine
describe('the import page', { timeout: 20_000 }, () => {
  beforeEach(() => upload.mockReset());

  it('shows what the dry run found and commits skipping the conflicts, or overwriting them after a new check', async () => {
    upload.mockResolvedValueOnce({
      ...base, conflicts: [conflict], ignoredColumns: ['备用列'],
      warnings: [{ line: 2, column: '专业代码', message: '专业代码 99.01.01 不在已加载的代码表中' }],
    });
    const user = await choose();
    await user.click(screen.getByTestId('import-dry-run'));

    expect(await screen.findByText(/检查通过：共 3 行，新客户 1 家，更新 1 家/)).toBeInTheDocument();
    const summary = screen.getByTestId('import-summary');
    expect(within(summary).getByText('GB18030')).toBeInTheDocument();
    expect(within(summary).getByText('未变化客户')).toBeInTheDocument();
    expect(screen.getByTestId('import-ignored')).toHaveTextContent('以下列的内容未读取（与台账列名不对应的列，以及由系统计算的“等级”）：备用列');
    expect(screen.getByTestId('import-warnings')).toHaveTextContent('专业代码 99.01.01 不在已加载的代码表中');
    const conflicts = screen.getByTestId('import-conflicts');
    expect(conflicts).toHaveTextContent('温州并发有限公司');
    expect(conflicts).toHaveTextContent('城市：湖州 → 温州');
    expect(conflicts).toHaveTextContent('1 / 2');
    expect(screen.getByText('提交时将跳过这些行，保留 CertCare 中的当前数据。')).toBeInTheDocument();
    expect(screen.getByTestId('import-preview')).toHaveTextContent('文件读取结果');
    expect(upload).toHaveBeenLastCalledWith(expect.any(File), true, 'skip', expect.any(Function));
    expect(commit()).toBeEnabled();
    expect(commit()).toHaveTextContent('提交导入（跳过 1 行冲突）');

    // another choice: the dry run must be run again before the commit
    await user.click(screen.getByTestId('import-overwrite'));
    expect(commit()).toBeDisabled();
    expect(screen.getByText('覆盖选项已更改，请重新检查后再提交。')).toBeInTheDocument();

    upload.mockResolvedValueOnce({ ...base, conflicts: [conflict], overwrite: true });
    await user.click(screen.getByTestId('import-dry-run'));
    await waitFor(() => expect(commit()).toBeEnabled());
    expect(upload).toHaveBeenLastCalledWith(expect.any(File), true, 'overwrite', expect.any(Function));
    expect(commit()).toHaveTextContent('提交导入（覆盖 1 行冲突）');

    upload.mockResolvedValueOnce({ ...base, dryRun: false, committed: true, conflicts: [conflict], overwrite: true });
    await user.click(commit());
    expect(await screen.findByText('导入完成：新客户 1 家，更新 1 家，写入认证记录 2 条')).toBeInTheDocument();
    expect(screen.getByText(/已用文件中的数据覆盖 1 行冲突/)).toBeInTheDocument();
    expect(upload).toHaveBeenLastCalledWith(expect.any(File), false, 'overwrite', expect.any(Function));
  });

  it('says when nothing would change', async () => {
    upload.mockResolvedValueOnce({
      ...base, newCustomers: 0, updatedCustomers: 0, newCertifications: 0, updatedCertifications: 0, certifications: 0,
    });
    const user = await choose();
    await user.click(screen.getByTestId('import-dry-run'));
    expect(await screen.findByText('无需变更：每一行都与 CertCare 中的数据一致')).toBeInTheDocument();
  });

  it('shows a refused commit with the hint to check again, and requires that check', async () => {
    upload.mockResolvedValueOnce(base);
    const user = await choose();
    await user.click(screen.getByTestId('import-dry-run'));
    await waitFor(() => expect(commit()).toBeEnabled());

    upload.mockRejectedValueOnce(new ApiError(409, { status: 409, title: '记录已被他人修改', detail: '客户已被他人修改' }));
    await user.click(commit());
    const failure = await screen.findByTestId('import-failure');
    expect(failure).toHaveTextContent('客户已被他人修改');
    expect(failure).toHaveTextContent('请重新检查（试运行）');
    expect(commit()).toBeDisabled();
  });

  it('names the limit of a file too large', async () => {
    upload.mockRejectedValueOnce(new ApiError(413, { status: 413, title: '文件过大', detail: '文件的行数超过上限 200000，请拆分成较小的文件后再导入。' }));
    const user = await choose();
    await user.click(screen.getByTestId('import-dry-run'));
    expect(await screen.findByTestId('import-failure')).toHaveTextContent('文件的行数超过上限 200000');
    expect(commit()).toBeDisabled();
  });

  it('lists the rows of a 400 problem and keeps the commit closed', async () => {
    upload.mockRejectedValueOnce(new ApiError(400, { status: 400, errors: [{ field: 'line 2: 统一社会信用代码', message: '校验码不正确' }] }));
    const user = await choose();
    await user.click(screen.getByTestId('import-dry-run'));
    const errors = await screen.findByTestId('import-errors');
    expect(errors).toHaveTextContent('统一社会信用代码');
    expect(errors).toHaveTextContent('校验码不正确');
    expect(commit()).toBeDisabled();
  });
});
