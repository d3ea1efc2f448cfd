import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { signedInApi, signIn } from './session';
import { ledger } from './ledger';

test('the admin follows an elder import on 后台任务, on a desktop and on a phone', async ({
  page,
  playwright,
  baseURL,
}, testInfo) => {
  // A community worker imports a ledger through the API: the import is a background job.
  const worker = await signedInApi(playwright, baseURL, 'sq.worker');
  const me = (await (await worker.get('/api/v1/auth/me')).json()) as { regionCode: string };
  const file = await ledger(me.regionCode);
  const started = await worker.post('/api/v1/elders/imports', {
    multipart: {
      file: { name: '台账.xlsx', mimeType: 'application/octet-stream', buffer: readFileSync(file) },
    },
  });
  expect(started.status(), await started.text()).toBe(202);
  await worker.dispose();

  await signIn(page, 'admin');
  await page.getByTestId('main-menu').getByText('后台任务').click();
  await expect(page).toHaveURL(/\/jobs$/);
  const table = page.getByTestId('jobs-table');
  const row = table.locator('tr', { hasText: '导入老年人信息' }).first();
  // Shown in words, never the state code; the page polls until the job has finished.
  await expect(row.getByTestId('job-state')).toHaveText('已完成', { timeout: 20_000 });
  await expect(row.locator('.ant-progress')).toContainText('2/2');
  await expect(row).not.toContainText('completed');
  await page.screenshot({ path: testInfo.outputPath('jobs-desktop.png'), fullPage: true });

  // The filter is in the URL: it survives a reload.
  await page.getByTestId('jobs-state-filter').click();
  await page.getByTitle('失败（已停止重试）').click();
  await expect(page).toHaveURL(/\/jobs\?state=failed$/);
  await page.reload();
  await expect(page.getByTestId('jobs-table')).toContainText('没有处于该状态的任务');
  await expect(page.getByTestId('jobs-state-filter')).toContainText('失败（已停止重试）');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/jobs');
  const card = page.getByTestId('jobs-list').locator('.ant-list-item', { hasText: '导入老年人信息' }).first();
  await expect(card.getByTestId('job-state')).toHaveText('已完成');
  await expect(card).toContainText('2/2');
  // The body is no wider than the screen: nothing to scroll sideways but the page's own tables.
  const overflow = await page.evaluate<number>(
    'document.body.scrollWidth - document.documentElement.clientWidth',
  );
  await page.screenshot({ path: testInfo.outputPath('jobs-phone.png'), fullPage: true });
  expect(overflow).toBeLessThanOrEqual(0);
});
