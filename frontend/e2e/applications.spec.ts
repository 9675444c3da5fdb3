import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { choose, freshCreditCode, logIn, screen, tinyPdf } from './helpers';

test.describe.configure({ mode: 'serial' });

test('an applicant applies online, answers the review\'s question; market accepts, draws up, sends and signs the contract; the client is CONTRACTED', async ({ page, browser }, info) => {
  test.setTimeout(180_000);
  const stamp = String(Date.now()).slice(-7);
  const name = `宁波澄远${stamp}精密机械有限公司`;
  const creditCode = freshCreditCode();
  const licence = tinyPdf(`Business licence ${stamp}`);

  // ---- the applicant, without logging in, fills form 16-01 with the business licence as a PDF
  const anonymous = await browser.newContext({ baseURL: info.project.use.baseURL, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const applicant = await anonymous.newPage();
  await applicant.goto('/public/apply');
  await expect(applicant.getByTestId('public-apply-title')).toHaveText('认证申请');
  await expect(applicant.getByTestId('user-name')).toHaveCount(0);
  const form = applicant.getByTestId('application-form');
  await expect(form).toBeVisible();
  await expect(applicant.getByTestId('upload-limits')).toContainText('每个不超过');

  // a wrong check character is caught before anything is sent
  await form.locator('#creditCode').fill(creditCode.slice(0, 17) + (creditCode.endsWith('0') ? '1' : '0'));
  await form.locator('#creditCode').blur();
  await expect(form.locator('#creditCode_help')).toContainText(`前 17 位对应的校验码为 ${creditCode[17]}`);
  await form.locator('#creditCode').fill(creditCode);
  await expect(form.locator('#creditCode_help')).toHaveCount(0);

  await form.locator('#name').fill(name);
  await form.locator('#legalRepresentative').fill('陈志远');
  await choose(applicant, 'provinceCode', /浙江/, '浙江');
  await form.locator('#city').fill('宁波');
  await form.locator('#postalCode').fill('315000');
  await form.locator('#address').fill('浙江省宁波市北仑区新碶街道明州路 88 号');
  await form.locator('#contactName').fill('李静');
  await form.locator('#contactPhone').fill('13957400001');
  await form.locator('#contactEmail').fill(`li.jing.${stamp}@example.cn`);
  await choose(applicant, 'schemes', /QMS/, 'QMS');
  await applicant.keyboard.press('Escape');
  await form.locator('#scope').fill('精密机械零部件的设计、生产和销售');
  await form.locator('#scopeEn').fill('Design, production and sale of precision machined parts');
  await form.locator('#headCount').fill('120');
  await form.locator('#shifts').fill('2');
  await form.locator('#outsourcedProcesses').fill('热处理、表面处理');
  await applicant.getByRole('radio', { name: '否' }).check();
  await applicant.getByTestId('site-add').click();
  await form.locator('#sites_0_address').fill('宁波市北仑区小港街道红联路 6 号');
  await form.locator('#sites_0_activity').fill('机加工、装配');
  await form.locator('#sites_0_headCount').fill('45');
  // the licence is required for every scheme: submitting without it names the field
  await applicant.getByTestId('application-submit').click();
  await expect(form.locator('.ant-form-item').filter({ hasText: '营业执照' }).locator('.ant-form-item-explain-error'))
    .toContainText('所选认证领域须上传营业执照');
  await applicant.getByTestId('attachments-BUSINESS_LICENCE').locator('input[type=file]')
    .setInputFiles({ name: '营业执照.pdf', mimeType: 'application/pdf', buffer: licence });
  await expect(applicant.getByTestId('attachment-file-BUSINESS_LICENCE')).toContainText('营业执照.pdf');
  await screen(applicant, '30-public-apply');

  await applicant.getByTestId('application-submit').click();
  await expect(applicant.getByTestId('submitted')).toBeVisible();
  await expect(applicant.getByTestId('submitted')).toContainText('查询密码只显示这一次');
  const reference = (await applicant.getByTestId('submitted-reference').innerText()).trim();
  const secret = (await applicant.getByTestId('submitted-secret').innerText()).trim();
  expect(reference).toMatch(/^\S+-\d{4}-\d+$/);
  expect(secret.length).toBeGreaterThanOrEqual(16);
  await screen(applicant, '31-public-apply-submitted');

  // ---- market finds it in the inbox, starts the review and asks for information
  await logIn(page, 'market', 'market-local');
  await page.getByRole('menuitem', { name: '申请' }).click();
  await expect(page).toHaveURL(/\/applications$/);
  await page.locator('#applications-q').fill(reference);
  await page.locator('#applications-q').press('Enter');
  await expect(page).toHaveURL(new RegExp(`q=${reference}`));
  const row = page.getByTestId('applications-table').getByRole('row').filter({ hasText: reference });
  await expect(row).toContainText(name);
  await expect(row).toContainText('已提交');
  await screen(page, '32-applications-inbox');
  await row.getByRole('link', { name: reference }).click();
  await expect(page.getByTestId('application-title')).toHaveText(name);
  await expect(page.getByTestId('application-status')).toHaveText('已提交');
  const applicationUrl = page.url();
  await page.getByRole('tab', { name: /附件/ }).click();
  await expect(page.getByTestId('attachments-table')).toContainText('营业执照.pdf');
  const attachment = page.waitForEvent('download');
  await page.getByTestId('attachments-table').getByText('下载').first().click();
  expect(readFileSync(await (await attachment).path())).toEqual(licence);

  await page.getByTestId('step-start-review').click();
  await page.getByTestId('transition-ok').click();
  await expect(page.getByTestId('application-status')).toHaveText('评审中');
  const question = '请补充小港厂区的班次安排，并说明热处理外包方的资质。';
  await page.getByTestId('step-request-info').click();
  await page.getByTestId('transition-ok').click();
  await expect(page.getByTestId('transition-form')).toContainText('请填写需要补充的内容');
  await page.locator('#question').fill(question);
  await page.getByTestId('transition-ok').click();
  await expect(page.getByTestId('application-status')).toHaveText('待补充资料');
  await screen(page, '33-application-needs-info');

  // ---- the applicant opens the status page with reference and secret and answers, with a file
  await applicant.goto('/public/applications');
  await applicant.locator('#reference').fill(reference);
  await applicant.locator('#secret').fill(secret);
  await applicant.getByTestId('lookup-submit').click();
  const status = applicant.getByTestId('public-status');
  await expect(status.getByTestId('application-status')).toHaveText('待补充资料');
  await expect(status.getByTestId('thread')).toContainText(question);
  const answer = '小港厂区两班制（8:00–16:00、16:00–24:00）；热处理外包方的资质证书见附件。';
  await applicant.locator('#text').fill(answer);
  await applicant.getByTestId('answer-form').locator('input[type=file]')
    .setInputFiles({ name: '热处理资质.pdf', mimeType: 'application/pdf', buffer: tinyPdf(`Heat treatment ${stamp}`) });
  await screen(applicant, '34-public-status-answer');
  await applicant.getByTestId('answer-submit').click();
  await expect(status.getByTestId('application-status')).toHaveText('评审中');
  await expect(status.getByTestId('thread')).toContainText(answer);
  await expect(status.getByTestId('thread')).toContainText('热处理资质.pdf');

  // ---- market sees the answer, fills in the checklist and accepts
  await page.goto(applicationUrl);
  await expect(page.getByTestId('application-status')).toHaveText('评审中');
  await page.getByRole('tab', { name: /往来消息/ }).click();
  await expect(page.getByTestId('thread')).toContainText(answer);
  await page.getByRole('tab', { name: '申请评审' }).click();
  const review = page.getByTestId('review-form');
  await expect(page.getByTestId('review-open')).toBeVisible();
  for (const item of ['informationSufficient', 'scopeWithinAccreditation', 'competenceAvailable', 'sitesCovered', 'languageCovered',
    'safetyConsidered', 'impartialityNoConflict']) {
    await review.locator(`#${item}`).getByText('是', { exact: true }).click();
  }
  await review.locator('#auditDays').fill('3.5');
  await review.locator('#impartialityNote').fill('申请方未接受咨询；与本机构人员无利益关系。');
  await page.getByTestId('review-save').click();
  await expect(page.getByTestId('review-complete')).toBeVisible();
  await screen(page, '35-application-review');
  await page.getByTestId('step-accept').click();
  await page.locator('#reasons').fill('资料齐全，范围在认可范围内，予以受理。');
  await page.getByTestId('transition-ok').click();
  await expect(page.getByTestId('application-status')).toHaveText('已受理');
  const form1601 = page.waitForEvent('download');
  await page.getByTestId('application-pdf').click();
  expect(readFileSync(await (await form1601).path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');

  await page.getByRole('tab', { name: '变更历史' }).click();
  await expect(page.getByTestId('history-table').getByRole('row').filter({ hasText: '已受理' })).toContainText('评审中');

  // ---- the contract: drawn up from the application, fees, sent, signed
  await page.getByTestId('draw-up-contract').click();
  await expect(page).toHaveURL(/\/contracts\/\d+$/);
  await expect(page.getByTestId('contract-status')).toHaveText('草稿');
  await expect(page.getByTestId('contract-name')).toHaveText(name);
  const number = (await page.getByTestId('contract-number').innerText()).trim();
  const contractForm = page.getByTestId('contract-form');
  await expect(contractForm.locator('#creditCode')).toHaveValue(creditCode);
  await contractForm.locator('#initialAuditFee').fill('18000');
  await contractForm.locator('#surveillanceFee').fill('9000.50');
  await contractForm.locator('#paymentTerms').fill('合同签订后 10 个工作日内支付初次审核费；监督审核费于每次监督审核前支付。');
  await page.getByTestId('contract-save').click();
  await expect(page.getByText('合同条款已保存')).toBeVisible();
  await screen(page, '36-contract-draft');
  await page.getByTestId('contract-send').click();
  await page.getByTestId('send-confirm').click();
  await expect(page.getByTestId('contract-status')).toHaveText('已发出');
  await page.getByTestId('contract-sign').click();
  await page.getByTestId('sign-ok').click();
  await expect(page.getByTestId('contract-status')).toHaveText('已签订');
  await expect(page.getByTestId('contract-signed-on')).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  await screen(page, '37-contract-signed');
  const form1602 = page.waitForEvent('download');
  await page.getByTestId('contract-pdf').click();
  expect(readFileSync(await (await form1602).path()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  await page.getByRole('menuitem', { name: '合同' }).click();
  await expect(page.getByTestId('contracts-table').getByRole('row').filter({ hasText: number })).toContainText('已签订');

  // ---- customer-service heard ContractSigned (through Kafka): the client, its certification CONTRACTED
  await page.getByRole('menuitem', { name: '客户信息' }).click();
  await page.locator('#q').fill(`澄远${stamp}`);
  await page.getByTestId('filters-search').click();
  // reloaded until it shows; each look after a reload may take 10 s (the app, the login and the list again, on a busy machine)
  const customer = page.getByRole('row').filter({ hasText: name });
  let reload = false;
  await expect(async () => {
    if (reload) {
      await page.reload();
    }
    reload = true;
    await expect(customer).toContainText('已签合同', { timeout: 10_000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByRole('row').filter({ hasText: name })).toContainText(creditCode);
  await screen(page, '38-customer-contracted');

  // ---- the applicant sees the decision
  await applicant.getByTestId('lookup-submit').click();
  await expect(status.getByTestId('application-status')).toHaveText('已受理');
  await expect(status.getByTestId('decision-reasons')).toContainText('予以受理');
  await anonymous.close();
});

test('the leader reads applications and contracts without actions; the department has neither menu', async ({ page }) => {
  await logIn(page, 'leader', 'leader-local', '/applications');
  await expect(page.getByRole('menuitem', { name: '申请' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: '合同' })).toBeVisible();
  await expect(page.getByTestId('applications-table')).toBeVisible();
  await expect(page.getByTestId('application-new')).toHaveCount(0);
  await page.goto('/applications/new');
  await expect(page.getByTestId('no-permission')).toBeVisible();
});

test('the department sees no application or contract menu and no permission on their URLs', async ({ page }) => {
  await logIn(page, 'department', 'department-local');
  await expect(page.getByRole('menuitem', { name: '申请' })).toHaveCount(0);
  await expect(page.getByRole('menuitem', { name: '合同' })).toHaveCount(0);
  await page.goto('/applications');
  await expect(page.getByTestId('no-permission')).toBeVisible();
  await page.goto('/contracts');
  await expect(page.getByTestId('no-permission')).toBeVisible();
});
