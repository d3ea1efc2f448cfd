import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from './playwright.config';
import { ledger } from './ledger';

test('a community worker imports a ledger: good rows in, bad rows reported with reasons', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('sq.worker');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByTestId('welcome')).toBeVisible();
  // The worker's own community, which the ledger's rows are registered in.
  const me = await page.evaluate(() =>
    fetch('/api/v1/auth/me').then((r) => r.json() as Promise<{ regionCode: string }>),
  );
  const file = await ledger(me.regionCode);

  await page.getByTestId('main-menu').getByText('老年人档案').click();
  await page.getByRole('button', { name: '批量导入' }).click();
  await page.locator('input[type=file]').setInputFiles(file);
  const result = page.getByTestId('import-result');
  await expect(result).toContainText('已导入', { timeout: 20_000 });
  await expect(result.locator('.ant-progress-status-success')).toBeVisible({ timeout: 20_000 });
  await expect(result.locator('.ant-statistic').nth(1)).toContainText('1');
  await expect(result.locator('.ant-statistic').nth(3)).toContainText('1');
  await expect(result).toContainText('校验码不正确');
  await expect(result.getByRole('link', { name: /下载错误明细/ })).toBeVisible();
});
