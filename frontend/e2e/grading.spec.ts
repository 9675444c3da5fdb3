import { expect, test, type APIRequestContext } from '@playwright/test';
import dayjs from 'dayjs';
import { choose, freshCreditCode, logIn, screen } from './helpers';

test.describe.configure({ mode: 'serial' });

async function marketHeaders(request: APIRequestContext) {
  const token = await request.post('http://localhost:8180/realms/certification/protocol/openid-connect/token', {
    form: { client_id: 'certcare-cli', grant_type: 'password', username: 'market', password: 'market-local' },
  });
  expect(token.ok()).toBeTruthy();
  return { Authorization: `Bearer ${(await token.json()).access_token}` };
}

test('an auditor records the audit team\'s on-site feedback and the client is graded; market overrides with a reason', async ({ page, browser, request }) => {
  const stamp = String(Date.now()).slice(-7);
  const created = await request.post('/api/customers', {
    headers: await marketHeaders(request),
    data: {
      name: `温州分级${stamp}电器有限公司`, creditCode: freshCreditCode(), provinceCode: '330000', city: '温州',
      contacts: [{ name: '陈静', phone: '13800137777', primary: true }], professionalCodes: [],
    },
  });
  expect(created.status()).toBe(201);
  const customer = await created.json();

  await logIn(page, 'auditor', 'auditor-local', `/customers/${customer.id}?tab=grade`);
  await expect(page.getByTestId('grade-panel')).toBeVisible();
  await expect(page.getByTestId('grade-tag').first()).toHaveText('未分级');
  await expect(page.getByTestId('grade-override')).toHaveCount(0);
  await page.getByTestId('onsite-feedback-add').click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('#auditedOn').fill(dayjs().subtract(3, 'day').format('YYYY-MM-DD'));
  await dialog.locator('#auditedOn').press('Enter');
  for (const [field, score] of [['managementCommitment', '5'], ['documentation', '4'], ['implementation', '4'], ['correctiveAction', '3']]) {
    await dialog.locator(`#${field}`).fill(score);
  }
  await dialog.locator('#minorNonconformities').fill('1');
  await page.getByTestId('onsite-feedback-save').click();
  // 5, 4, 4, 3 weighted 0.25/0.25/0.30/0.20 = 81.0, one minor −2 → 79.0 → B
  await expect(page.getByTestId('grade-tag').first()).toHaveText(/^B/);
  await expect(page.getByTestId('grade-inputs')).toContainText('79');
  await screen(page, '44-grade-auditor');

  // market, in a browser of its own
  const market = await (await browser.newContext()).newPage();
  await logIn(market, 'market', 'market-local', `/customers/${customer.id}?tab=grade`);
  await market.getByTestId('grade-override').click();
  const override = market.getByRole('dialog');
  await choose(market, 'grade', 'A');
  await override.locator('#reason').fill('年度审核组一致评价优秀，管理层复核');
  await market.getByTestId('grade-override-save').click();
  await expect(market.getByTestId('grade-tag').first()).toHaveText(/^A/);
  await expect(market.getByTestId('grade-panel')).toContainText('年度审核组一致评价优秀');
  await screen(market, '45-grade-override');
  await market.context().close();
});
