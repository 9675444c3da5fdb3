import { expect, type Page } from '@playwright/test';
import { CREDIT_CODE_CHARSET, creditCodeCheckCharacter } from '../src/pages/customers/validation';

export const SCREENS = 'test-results/screens';

/** Logs in on Keycloak's own page, as a user does, and waits to be back in the app. */
export async function logIn(page: Page, username: string, password: string, path = '/'): Promise<void> {
  await page.goto(path);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/realms/'));
  await expect(page.getByTestId('user-name')).toBeVisible();
  // as playwright.config.ts asks: the app then opens dialogs and lists without animation (no click lost in one)
  expect(await page.evaluate(() => window.matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
}

export async function screen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
}

/** A valid one-page PDF showing `text` (ASCII), with a correct cross-reference table. */
export function tinyPdf(text: string): Buffer {
  const stream = `BT /F1 18 Tf 40 100 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'ascii');
}

/** A credit code nobody has registered yet, with the right check character. */
export function freshCreditCode(): string {
  let first17 = '913301';
  while (first17.length < 17) {
    first17 += CREDIT_CODE_CHARSET[Math.floor(Math.random() * CREDIT_CODE_CHARSET.length)];
  }
  return first17 + creditCodeCheckCharacter(first17);
}

/**
 * Picks an option in the Ant Design select whose input has id `id` and waits until the select shows it: `option` is
 * the option's whole text, or a pattern. With `typed`, that is typed into the select's search first and the option is
 * picked once the list (often fetched for what was typed) shows it; Enter on a list still loading picks nothing.
 * A click on an option during the list's opening animation or while the list is replaced can be lost (seen in CI: the
 * list stayed open over the dialog's OK button for the rest of the test), so the pick is retried until the choice is
 * shown; an option already chosen is not clicked again (in a multiple select that would take it away).
 */
export async function choose(page: Page, id: string, option: string | RegExp, typed?: string): Promise<void> {
  const name = typeof option === 'string' ? new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : option;
  const select = page.locator('.ant-select').filter({ has: page.locator(`#${id}`) });
  const chosen = select.locator('.ant-select-selection-item').filter({ hasText: name });
  await expect(async () => {
    if ((await chosen.count()) > 0) return;
    // this select's own list (a list of another select may still be closing)
    const list = page.locator('.ant-select-dropdown:visible').filter({ has: page.locator(`#${id}_list`) });
    // (the search field takes typing only while the list is open)
    if ((await list.count()) === 0) await select.locator('.ant-select-selector').click({ timeout: 3_000 });
    if (typed !== undefined) await page.locator(`#${id}`).fill(typed, { timeout: 3_000 });
    await list.locator('.ant-select-item-option').filter({ hasText: name }).first().click({ timeout: 5_000 });
    await expect(chosen).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
}
