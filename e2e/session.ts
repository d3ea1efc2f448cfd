import { expect, type APIRequestContext, type Page, type PlaywrightWorkerArgs } from '@playwright/test';
import { DEMO_PASSWORD } from './playwright.config';

/** Signs in through the login page as a demo account and waits for the workbench. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByTestId('welcome')).toBeVisible();
}

/** An API client signed in as a demo account, for the data a flow needs before the browser acts. */
export async function signedInApi(
  playwright: PlaywrightWorkerArgs['playwright'],
  baseURL: string | undefined,
  username: string,
): Promise<APIRequestContext> {
  const api = await playwright.request.newContext({ baseURL });
  const login = await api.post('/api/v1/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.ok()).toBe(true);
  return api;
}
