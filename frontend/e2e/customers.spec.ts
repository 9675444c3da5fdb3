import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import dayjs from 'dayjs';
import { choose, freshCreditCode, logIn, screen } from './helpers';

test.describe.configure({ mode: 'serial' });

test('the market department registers, finds, edits, exports and imports a customer in Chinese', async ({ page }, info) => {
  const stamp = String(Date.now()).slice(-7);
  const name = `浙江星澜${stamp}科技有限公司`;
  const creditCode = freshCreditCode();

  await logIn(page, 'market', 'market-local');
  // the market department's home is the overview (its charts are checked once this customer is in)
  await expect(page).toHaveURL(/\/customers\/overview$/);
  await expect(page.getByText('各省份客户数')).toBeVisible();

  // a bad credit code: the message stands beside the field, nothing is sent
  await page.getByRole('menuitem', { name: '客户信息' }).click();
  await expect(page).toHaveURL(/\/customers$/);
  await page.getByRole('button', { name: '新建客户' }).click();
  await page.locator('#name').fill(name);
  await page.locator('#creditCode').fill('91350100M000100Y44');
  await page.locator('#creditCode').blur();
  await expect(page.locator('#creditCode_help')).toContainText('校验码不正确（前 17 位对应的校验码为 3）');
  await screen(page, '02-create-bad-credit-code');

  // then a right one, and the rest of the form
  await page.locator('#creditCode').fill(creditCode);
  await expect(page.locator('#creditCode_help')).toHaveCount(0);
  await choose(page, 'provinceCode', /浙江/, '浙江');
  await page.locator('#city').fill('宁波');
  await page.locator('#postalCode').fill('315000');
  await page.locator('#contacts_0_name').fill('张伟');
  await page.locator('#contacts_0_phone').fill('13900001111');
  await page.getByTestId('customer-save').click();
  await expect(page).toHaveURL(/\/customers\/\d+$/);
  await expect(page.getByTestId('customer-title')).toHaveText(name);
  const customerUrl = page.url();

  // found by a Chinese substring of its name, the filter kept in the URL
  await page.getByRole('menuitem', { name: '客户信息' }).click();
  await page.locator('#q').fill(`星澜${stamp}科技`);
  await page.getByTestId('filters-search').click();
  await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(`星澜${stamp}科技`)}`));
  await expect(page.getByRole('link', { name })).toBeVisible();
  await expect(page.getByText('共 1 条')).toBeVisible();
  await screen(page, '03-list-found-by-substring');
  const listUrl = page.url();

  // its detail
  await page.getByRole('link', { name }).click();
  await expect(page).toHaveURL(customerUrl);
  await expect(page.getByText('浙江省')).toBeVisible();
  await screen(page, '04-detail');

  // edited: the change shows in the history, old → new
  await page.getByTestId('customer-edit').click();
  await expect(page.locator('#city')).toHaveValue('宁波');
  await page.locator('#city').fill('杭州');
  await page.locator('#postalCode').fill('310000');
  await screen(page, '05-edit');
  await page.getByTestId('customer-save').click();
  await expect(page).toHaveURL(customerUrl);
  await page.getByRole('tab', { name: '变更历史' }).click();
  const history = page.getByTestId('history-table');
  await expect(history.getByRole('row').filter({ hasText: '城市' }).filter({ hasText: '杭州' })).toContainText('宁波');
  await expect(history.getByRole('row').filter({ hasText: '联系人' })).toContainText('张伟 · 13900001111（主要联系人）');
  await expect(history.getByRole('row').filter({ hasText: '省份' })).toContainText('浙江省');
  await screen(page, '06-history');

  // a valid certificate expiring in 40 days: fee as an exact decimal, status badge, computed surveillance plan
  const decided = dayjs().subtract(2, 'year').add(30, 'day');
  const expires = dayjs().add(40, 'day');
  await page.getByRole('tab', { name: /认证记录/ }).click();
  await page.getByRole('button', { name: '新增认证记录' }).click();
  const modal = page.getByTestId('certification-form');
  await choose(page, 'scheme', 'QMS 质量管理体系');
  await choose(page, 'status', '有效');
  await modal.locator('#contractNo').fill(`HT-${stamp}`);
  await modal.locator('#certificateNo').fill(`ZS-${stamp}`);
  await modal.locator('#initialAuditFee').fill('12000.5');
  await modal.locator('#surveillanceFee').fill('6000.00');
  for (const [field, day] of [['decisionOn', decided], ['issuedOn', decided], ['expiresOn', expires]] as const) {
    await modal.locator(`#${field}`).click();
    await modal.locator(`#${field}`).fill(day.format('YYYY-MM-DD'));
    await modal.locator(`#${field}`).press('Enter');
    await expect(modal.locator(`#${field}`)).toHaveValue(day.format('YYYY-MM-DD'));
  }
  await expect(page.locator('.ant-picker-dropdown:visible')).toHaveCount(0);
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await expect(modal).toBeHidden();
  const record = page.locator('.ant-tabs-tabpane-active .ant-table').getByRole('row').filter({ hasText: `HT-${stamp}` });
  await expect(record).toContainText('12,000.50');
  await expect(record).toContainText('有效');
  await expect(record).toContainText(expires.format('YYYY-MM-DD'));
  await expect(record).toContainText(decided.add(1, 'year').subtract(1, 'day').format('YYYY-MM-DD'));
  await screen(page, '06b-certifications');

  // the overview now has something in every chart, and this certificate among those expiring
  await page.getByRole('menuitem', { name: '客户概览' }).click();
  await expect(page.locator('canvas')).toHaveCount(4);
  await page.waitForTimeout(1500); // the charts' entry animation, for the picture only
  await screen(page, '01-overview');

  // exported: the filtered list as CSV, Chinese headers, this customer in the first row
  await page.goto(listUrl);
  await expect(page.getByRole('link', { name })).toBeVisible();
  await page.getByTestId('export-button').hover();
  const download = page.waitForEvent('download');
  await page.getByText('导出 CSV').click();
  const file = await (await download).path();
  const csv = readFileSync(file, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const [header, firstRow] = csv.slice(1).split(/\r?\n/);
  expect(header).toContain('企业名称');
  expect(header).toContain('统一社会信用代码');
  expect(firstRow).toContain(name);
  expect(firstRow).toContain(creditCode);
  expect(firstRow).toContain('杭州');

  // imported back with a broken credit code: the dry run names line, column and reason; nothing written
  const broken = info.outputPath('broken.csv');
  writeFileSync(broken, '\ufeff' + [header, firstRow.replace(creditCode, creditCode.slice(0, 17) + (creditCode.endsWith('0') ? '1' : '0'))].join('\r\n') + '\r\n');
  await page.getByRole('menuitem', { name: '导入台账' }).click();
  await page.locator('input[type=file]').setInputFiles(broken);
  await page.getByTestId('import-dry-run').click();
  const errors = page.getByTestId('import-errors');
  await expect(errors.getByRole('row').filter({ hasText: '统一社会信用代码' }).first()).toContainText('2');
  await expect(page.getByTestId('import-commit')).toBeDisabled();
  await screen(page, '07-import-dry-run');

  // the unchanged export passes the dry run with nothing to change, read as UTF-8 with its Chinese intact;
  // committing it neither duplicates nor updates the customer
  const good = info.outputPath('good.csv');
  writeFileSync(good, csv);
  await page.locator('input[type=file]').setInputFiles(good);
  await page.getByTestId('import-dry-run').click();
  await expect(page.getByTestId('import-nothing')).toContainText('无需变更：每一行都与 CertCare 中的数据一致');
  await expect(page.getByTestId('import-summary')).toContainText('UTF-8');
  await page.getByText('文件读取结果（请核对文字是否显示正常）').click();
  await expect(page.getByTestId('import-preview')).toContainText(name);
  await screen(page, '07b-import-nothing-to-change');
  await page.getByTestId('import-commit').click();
  await expect(page.getByText(/导入完成：新客户 0 家，更新 0 家/)).toBeVisible();

  // the customer edited after the export: the old file is a conflict naming the field, skipped by default
  await page.goto(customerUrl);
  await page.getByTestId('customer-edit').click();
  await page.locator('#city').fill('温州');
  await page.getByTestId('customer-save').click();
  await expect(page).toHaveURL(customerUrl);
  await page.getByRole('menuitem', { name: '导入台账' }).click();
  await page.locator('input[type=file]').setInputFiles(good);
  await page.getByTestId('import-dry-run').click();
  const conflicts = page.getByTestId('import-conflicts');
  await expect(conflicts).toContainText('城市');
  await expect(conflicts).toContainText('温州 → 杭州');
  await expect(page.getByTestId('import-commit')).toContainText('跳过 1 行冲突');
  await screen(page, '07c-import-conflict');
  await page.getByTestId('import-commit').click();
  await expect(page.getByText('已跳过 1 行冲突')).toBeVisible();
  await page.goto(customerUrl);
  await expect(page.getByText('温州')).toBeVisible();

  // in English: antd and our own labels
  await page.getByTestId('language-switch').hover();
  await page.getByText('English', { exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Customers' })).toBeVisible();
  await page.getByRole('menuitem', { name: 'Customers' }).click();
  await expect(page.getByRole('columnheader', { name: 'Company name' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Search' })).toBeVisible();
  await screen(page, '08-list-english');
});

test('a save over someone else\'s change is refused and offers to reload, naming what changed', async ({ page, request }) => {
  // someone else: the same market role through the API, with a token of the command-line client
  const tokenResponse = await request.post('http://localhost:8180/realms/certification/protocol/openid-connect/token', {
    form: { client_id: 'certcare-cli', grant_type: 'password', username: 'market', password: 'market-local' },
  });
  expect(tokenResponse.ok()).toBeTruthy();
  const headers = { Authorization: `Bearer ${(await tokenResponse.json()).access_token}` };
  const created = await request.post('/api/customers', {
    headers,
    data: {
      name: `温州并发${String(Date.now()).slice(-7)}有限公司`, creditCode: freshCreditCode(), provinceCode: '330000',
      city: '温州', contacts: [{ name: '王芳', phone: '13800138000', primary: true }], professionalCodes: [],
    },
  });
  expect(created.status()).toBe(201);
  const customer = await created.json();

  await logIn(page, 'market', 'market-local', `/customers/${customer.id}/edit`);
  await expect(page.locator('#city')).toHaveValue('温州');
  await page.locator('#address').fill('鹿城区人民路 1 号');

  const changed = await request.put(`/api/customers/${customer.id}`, {
    headers,
    data: { ...customer, city: '湖州', remarks: '电话回访', version: customer.version },
  });
  expect(changed.status()).toBe(200);

  await page.getByTestId('customer-save').click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('记录已被他人修改');
  await expect(dialog).toContainText('已变化的内容：城市、备注');
  await screen(page, '10-stale-save');
  await dialog.locator('.ant-btn-primary').click();
  await expect(page.locator('#city')).toHaveValue('湖州');
  await expect(page.locator('#remarks')).toHaveValue('电话回访');
});

test('the leader reads customers but has no editing actions', async ({ page }) => {
  await logIn(page, 'leader', 'leader-local', '/customers');
  await expect(page.getByRole('menuitem', { name: '客户信息' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '导入台账' })).toHaveCount(0);
  await expect(page.getByTestId('export-button')).toBeVisible();
  await expect(page.getByRole('button', { name: '新建客户' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: '编辑' })).toHaveCount(0);
  await page.goto('/customers/new');
  await expect(page.getByTestId('no-permission')).toBeVisible();
});

test('the department sees no customer menu and no permission on the customer URL', async ({ page }) => {
  await logIn(page, 'department', 'department-local');
  // a department's home is its feedback items (issue #19), not the customer screens
  await expect(page.getByTestId('feedback-list-title')).toHaveText('本部门的反馈事项');
  await expect(page.getByRole('menuitem', { name: '客户信息' })).toHaveCount(0);
  await page.goto('/customers');
  await expect(page.getByTestId('no-permission')).toContainText('无权访问');
  await screen(page, '09-department-no-permission');

  // logging out ends the Keycloak session: back in the app, which needs a login, Keycloak asks for the
  // password again instead of signing the user straight back in
  await page.getByTestId('user-name').hover();
  await page.getByText('退出登录').click();
  await expect(page.locator('#username')).toBeVisible();
  await expect(page).toHaveURL(/\/realms\/certification\/protocol\/openid-connect\/auth/);
});
