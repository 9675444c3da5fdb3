import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { choose, logIn, screen, tinyPdf } from './helpers';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

test.describe.configure({ mode: 'serial' });

test('market publishes a document and the public downloads exactly its bytes; a disguised file is refused', async ({ page, browser }, info) => {
  const stamp = String(Date.now()).slice(-7);
  const title = `收费标准（${stamp}）`;
  const pdf = tinyPdf(`CertCare fees ${stamp}`);

  await logIn(page, 'market', 'market-local');
  await page.getByRole('menuitem', { name: '公开文件' }).click();
  await expect(page).toHaveURL(/\/documents$/);
  await expect(page.getByTestId('documents-table')).toBeVisible();

  // described: kind and Chinese title; a new document is not published and has no version
  await page.getByTestId('document-new').click();
  const form = page.getByTestId('document-form');
  await choose(page, 'kind', '收费标准');
  await form.locator('#titleZh').fill(title);
  await form.locator('#titleEn').fill(`Fee schedule ${stamp}`);
  await page.getByTestId('document-save').click();
  await expect(page).toHaveURL(/\/documents\/\d+$/);
  await expect(page.getByTestId('document-title')).toHaveText(title);
  await expect(page.getByTestId('document-state')).toHaveText('未发布');
  const documentUrl = page.url();
  const id = Number(documentUrl.split('/').pop());

  // a text file named .pdf (and declared application/pdf): refused by its bytes, the reason beside the field
  await page.getByTestId('document-upload').click();
  const upload = page.getByTestId('upload-form');
  await upload.locator('input[type=file]').setInputFiles({
    name: '收费标准.pdf', mimeType: 'application/pdf', buffer: Buffer.from('这不是 PDF，只是改了扩展名的文本文件。\n', 'utf8'),
  });
  await expect(page.getByTestId('upload-file-name')).toContainText('收费标准.pdf');
  await upload.locator('#versionLabel').fill('A/1');
  await upload.locator('#changeNote').fill('首次发布');
  await page.getByTestId('upload-submit').click();
  await expect(upload.locator('#file_help')).toContainText('只接受 PDF 或 Word（DOCX）文件');
  await screen(page, '20-document-upload-refused');

  // the real PDF: it becomes version 1, current
  await upload.locator('input[type=file]').setInputFiles({ name: '收费标准.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByTestId('upload-submit').click();
  await expect(upload).toBeHidden();
  await expect(page.getByTestId('document-current')).toContainText('A/1');
  await expect(page.getByTestId('document-current')).toContainText('收费标准.pdf');
  const versions = page.getByTestId('versions-table');
  await expect(versions.getByRole('row').filter({ hasText: 'A/1' })).toContainText('当前');
  await expect(page.getByText(sha256(pdf))).toBeVisible();
  await screen(page, '21-document-detail');

  // staff download of the version: the same bytes
  const staffDownload = page.waitForEvent('download');
  await page.getByTestId('download-version-1').click();
  expect(readFileSync(await (await staffDownload).path())).toEqual(pdf);

  // published
  await page.getByTestId('document-edit').click();
  await page.getByTestId('document-published').click();
  await page.getByTestId('document-save').click();
  await expect(page.getByTestId('document-state')).toHaveText('已发布');

  // every change in the history: created, the version, published
  await page.getByRole('tab', { name: '变更历史' }).click();
  const history = page.getByTestId('history-table');
  await expect(history.getByRole('row').filter({ hasText: '发布' }).filter({ hasText: '已发布' })).toContainText('未发布');
  await expect(history.getByRole('row').filter({ hasText: '版本号' })).toContainText('A/1');
  await screen(page, '22-document-history');

  // the library lists it as published, with its current version
  await page.getByRole('menuitem', { name: '公开文件' }).click();
  const row = page.getByTestId('documents-table').getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('已发布');
  await expect(row).toContainText('A/1');
  await screen(page, '23-document-library');

  // anyone, without logging in: the public page lists it, and its download is exactly the uploaded bytes
  const anonymous = await browser.newContext({ baseURL: info.project.use.baseURL, locale: 'zh-CN', acceptDownloads: true });
  const visitor = await anonymous.newPage();
  await visitor.goto('/public/documents');
  await expect(visitor.getByTestId('public-documents-title')).toHaveText('公开文件');
  const item = visitor.getByTestId(`public-document-${id}`);
  await expect(item).toContainText(title);
  await expect(item).toContainText('版本 A/1');
  await expect(visitor.getByTestId('user-name')).toHaveCount(0);
  await screen(visitor, '24-public-documents');

  const publicDownload = visitor.waitForEvent('download');
  await visitor.getByTestId(`public-download-${id}`).click();
  const downloaded = await publicDownload;
  expect(downloaded.suggestedFilename()).toBe('收费标准.pdf');
  expect(readFileSync(await downloaded.path())).toEqual(pdf);

  // cache-friendly: the ETag is the SHA-256, and asking again with it answers 304
  const href = await visitor.getByTestId(`public-download-${id}`).getAttribute('href');
  const answer = await anonymous.request.get(href!);
  expect(answer.status()).toBe(200);
  expect(answer.headers()['etag']).toBe(`"${sha256(pdf)}"`);
  expect(answer.headers()['cache-control']).toBe('public, max-age=300');
  const again = await anonymous.request.get(href!, { headers: { 'If-None-Match': `"${sha256(pdf)}"` } });
  expect(again.status()).toBe(304);
  await anonymous.close();
});

test('the leader reads the library but cannot change it', async ({ page }) => {
  await logIn(page, 'leader', 'leader-local', '/documents');
  await expect(page.getByRole('menuitem', { name: '公开文件' })).toBeVisible();
  await expect(page.getByTestId('documents-table')).toBeVisible();
  await expect(page.getByTestId('document-new')).toHaveCount(0);
  // loaded (a row or the empty mark) before counting: a table still loading has no row
  await expect(page.getByTestId('documents-table').locator('tbody tr.ant-table-row, .ant-empty').first()).toBeVisible();
  const first = page.getByTestId('documents-table').locator('tbody tr a').first();
  if (await first.count()) {
    await first.click();
    await expect(page.getByTestId('document-title')).toBeVisible();
    await expect(page.getByTestId('document-upload')).toHaveCount(0);
    await expect(page.getByTestId('document-edit')).toHaveCount(0);
  }
});

test('the department has no document menu and no permission on the library', async ({ page }) => {
  await logIn(page, 'department', 'department-local');
  await expect(page.getByRole('menuitem', { name: '公开文件' })).toHaveCount(0);
  await page.goto('/documents');
  await expect(page.getByTestId('no-permission')).toBeVisible();
});
