import { expect, type Page } from '@playwright/test';

export const SCREENS = 'test-results/screens';

/** Logs in on Keycloak's own page, as a user does, and waits to be back in the app. */
export async function logIn(page: Page, username: string, password: string, path = '/'): Promise<void> {
  await page.goto(path);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/realms/'));
  await expect(page.getByTestId('user-name')).toBeVisible();
}

export async function screen(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
}
