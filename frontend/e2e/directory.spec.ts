import { expect, test, type APIRequestContext } from '@playwright/test';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { freshCreditCode, logIn, screen } from './helpers';

test.describe.configure({ mode: 'serial' });

async function marketHeaders(request: APIRequestContext) {
  const token = await request.post('http://localhost:8180/realms/certification/protocol/openid-connect/token', {
    form: { client_id: 'certcare-cli', grant_type: 'password', username: 'market', password: 'market-local' },
  });
  expect(token.ok()).toBeTruthy();
  return { Authorization: `Bearer ${(await token.json()).access_token}` };
}

test('anyone finds a certified organisation in the directory and verifies its certificate; market leaves it out', async ({ page, browser, request }) => {
  const stamp = String(Date.now()).slice(-7);
  const name = `宁波名录${stamp}精工有限公司`;
  const number = `E2E-QMS-${stamp}`;
  const headers = await marketHeaders(request);
  const created = await request.post('/api/customers', {
    headers,
    data: {
      name, creditCode: freshCreditCode(), provinceCode: '330000', city: '宁波',
      contacts: [{ name: '李娜', phone: '13800135555', primary: true }], professionalCodes: [],
    },
  });
  expect(created.status()).toBe(201);
  const customer = await created.json();
  const certified = await request.post(`/api/customers/${customer.id}/certifications`, {
    headers,
    data: {
      scheme: 'QMS', contractNo: `HT-E2E-${stamp}`, scope: '精密零件的加工', scopeEn: 'Machining of precision parts',
      applicationAcceptedOn: '2026-01-10', auditDates: { stage1: '2026-02-01', stage2: '2026-02-20' },
      certificateNo: number, decisionOn: '2026-03-01', issuedOn: '2026-03-01', expiresOn: '2029-02-28', status: 'VALID',
    },
  });
  expect(certified.status()).toBe(201);

  // a visitor, no login, on a phone-sized screen: the directory finds it by two words typed apart
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'zh-CN' });
  const visitor = await phone.newPage();
  await visitor.goto('/public/directory');
  await expect(visitor.getByTestId('public-directory-title')).toHaveText('获证组织名录');
  await visitor.getByTestId('directory-search').fill(`名录${stamp} 精工`);
  await visitor.getByTestId('directory-search').press('Enter');
  const entry = visitor.getByTestId(`directory-entry-${number}`);
  await expect(entry).toContainText(name);
  await expect(entry).toContainText('有效');
  await expect(entry).not.toContainText('13800135555');
  await screen(visitor, '40-public-directory-phone');

  // the certificate number opens the check, as the QR code on the certificate does
  await visitor.getByTestId(`directory-verify-${number}`).click();
  await expect(visitor).toHaveURL(new RegExp(`/verify/${number}$`));
  await expect(visitor.getByTestId('verify-headline')).toHaveText('证书有效');
  await expect(visitor.getByTestId('verify-holder')).toHaveText(name);
  await expect(visitor.getByTestId('verify-qr')).toBeVisible();
  // visible is not loaded: wait for the PNG itself
  await expect.poll(() => visitor.getByTestId('verify-qr').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await screen(visitor, '41-verify-phone');

  // the QR code printed on the certificate, decoded as a phone's camera would, opens this same check
  const qr = await request.get(`/api/public/certificates/${encodeURIComponent(number)}/qr?format=png`);
  expect(qr.status()).toBe(200);
  const png = PNG.sync.read(await qr.body());
  const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(decoded?.data).toMatch(new RegExp(`^https?://[^/]+/verify/${number}$`));
  const scanned = await phone.newPage();
  await scanned.goto(decoded!.data);
  await expect(scanned.getByTestId('verify-headline')).toHaveText('证书有效');
  await expect(scanned.getByTestId('verify-holder')).toHaveText(name);
  await scanned.close();

  // a number that is none of ours: said plainly, not an error page
  await visitor.getByTestId('verify-input').fill(`NOPE-${stamp}`);
  await visitor.getByTestId('verify-input').press('Enter');
  await expect(visitor.getByTestId('verify-not-found')).toContainText(`NOPE-${stamp}`);

  // market leaves the client out of the directory, with the reason (17021-1 8.1.2)
  await logIn(page, 'market', 'market-local', `/customers/${customer.id}`);
  await expect(page.getByTestId('directory-listing-state')).toHaveText('在公开名录中列出');
  await page.getByTestId('directory-restrict').click();
  await page.getByTestId('directory-restrict-save').click();
  await expect(page.getByText('请填写原因')).toBeVisible();
  await page.getByTestId('directory-reason').fill('客户书面申请不公开');
  await page.getByTestId('directory-restrict-save').click();
  await expect(page.getByTestId('directory-listing-state')).toHaveText('不在公开名录中列出');
  await expect(page.getByTestId('directory-listing')).toContainText('客户书面申请不公开');
  await screen(page, '42-directory-restricted');

  // gone from the directory, still verifiable by number
  await visitor.goto(`/public/directory?q=${encodeURIComponent(`名录${stamp}`)}`);
  await expect(visitor.getByText('没有符合条件的证书')).toBeVisible();
  await visitor.goto(`/verify/${number}`);
  await expect(visitor.getByTestId('verify-headline')).toHaveText('证书有效');

  // the certificate was recorded VALID (data entry): no national report; a suspension is one, listed for upload
  const record = (await (await request.get(`/api/customers/${customer.id}/certifications`, { headers })).json())[0];
  const suspended = await request.post(`/api/customers/${customer.id}/certifications/${record.id}/transitions`, {
    headers, data: { to: 'SUSPENDED', reason: '监督审核逾期', version: record.version },
  });
  expect(suspended.status()).toBe(200);
  await page.goto('/reporting');
  await expect(page.getByTestId('reporting-title')).toHaveText('国家平台上报');
  const row = page.getByTestId('reporting-table').locator('tr', { hasText: number });
  await expect(row).toContainText('证书暂停');
  await expect(row).toContainText('待上报');
  await screen(page, '43-national-reporting');
  const workbook = page.waitForEvent('download');
  await page.getByTestId('reporting-download').click();
  expect((await workbook).suggestedFilename()).toMatch(/^national-report-\d{4}-\d{2}\.xlsx$/);

  // market downloads the directory for the website
  await page.goto('/customers');
  await page.getByTestId('export-button').hover();
  const download = page.waitForEvent('download');
  await page.getByText('公开名录（CSV，用于网站）').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^directory-\d{8}\.csv$/);
  await phone.close();
});
