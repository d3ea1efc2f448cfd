import { expect, test } from '@playwright/test';
import { signedInApi, signIn } from './session';

test('a street official sees their to-dos on 工作台 and in the bell, and opens the list filtered', async ({
  page,
  playwright,
  baseURL,
}, testInfo) => {
  // A community worker asks for a change that the street official must decide.
  const worker = await signedInApi(playwright, baseURL, 'sq.worker');
  const me = (await (await worker.get('/api/v1/auth/me')).json()) as { regionCode: string };
  const elders = (await (await worker.get('/api/v1/elders?limit=20')).json()) as {
    items: { id: string; name: string; status: string }[];
  };
  let elderName: string | undefined;
  for (const elder of elders.items.filter((e) => e.status === 'active')) {
    const proposed = await worker.post(`/api/v1/elders/${elder.id}/change-requests`, {
      data: { changes: { hukouRegionCode: me.regionCode }, reason: '户籍迁入本社区' },
    });
    if (proposed.status() === 201) {
      elderName = elder.name;
      break;
    }
  }
  expect(elderName).toBeDefined();
  await worker.dispose();

  await signIn(page, 'mz.street');
  await expect(page.getByTestId('welcome')).toHaveText('街道民政 张伟，您好');
  // The role in words, never its code; no permission strings on the page.
  await expect(page.getByTestId('who')).toContainText('民政');
  await expect(page.locator('body')).not.toContainText('elders:approve');

  const card = page.getByTestId('todo-elder_change_requests.pending');
  await expect(card).toContainText('待审核的老人信息变更');
  const count = Number(await card.getByTestId('todo-count').textContent());
  expect(count).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('bell-count')).toContainText(/\d/);
  await page.screenshot({ path: testInfo.outputPath('workbench-desktop.png'), fullPage: true });

  await page.getByTestId('bell').click();
  await expect(page.getByTestId('bell-list')).toBeVisible();
  await expect(page.getByTestId('bell-list')).toContainText('待审核的老人信息变更');
  await page.waitForTimeout(500);
  await page.screenshot({ path: testInfo.outputPath('workbench-bell.png') });
  await page.keyboard.press('Escape');

  await card.getByRole('button').click();
  await expect(page).toHaveURL(/\/elder-changes\?status=pending$/);
  await expect(page.locator('body')).toContainText(elderName!);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await expect(page.getByTestId('todo-elder_change_requests.pending')).toBeVisible();
  const overflow = await page.evaluate<number>(
    'document.body.scrollWidth - document.documentElement.clientWidth',
  );
  await page.screenshot({ path: testInfo.outputPath('workbench-phone.png'), fullPage: true });
  expect(overflow).toBeLessThanOrEqual(0);
  // From the bell on a phone, straight to the list.
  await page.getByTestId('bell').click();
  const entry = page.getByTestId('bell-list').getByText('待审核的老人信息变更');
  await expect(entry).toBeVisible();
  // Only for the picture: the popover's opening animation settles.
  await page.waitForTimeout(500);
  await page.screenshot({ path: testInfo.outputPath('workbench-phone-bell.png') });
  await entry.click();
  await expect(page).toHaveURL(/\/elder-changes\?status=pending$/);
});
