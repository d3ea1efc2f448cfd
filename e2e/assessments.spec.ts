import { expect, test, type Page } from '@playwright/test';
import { ASSESSMENT_ITEMS } from '@yiyang/domain';
import { signIn } from './session';

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());

async function pick(page: Page, testId: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible').getByText(option).first().click();
}

test('an assessor fills in a full GB/T 42195 assessment, sees the level live, and a reviewer approves it', async ({
  page,
}) => {
  await signIn(page, 'pg.assessor');
  await page.getByTestId('main-menu').getByText('待评估名单').click();
  await page.getByText('从未评估').click();
  const firstElder = page.locator('.ant-table-row').first().locator('a').first();
  const elderName = (await firstElder.textContent())!.trim();
  await firstElder.click();
  await expect(page.getByTestId('elder-name')).toHaveText(elderName);

  await page.getByRole('tab', { name: '能力评估' }).click();
  await page.getByTestId('new-assessment').click();
  await pick(page, 'new-assessment-agency', '呼和浩特市老年人能力评估中心（演示）');
  await pick(page, 'new-assessment-assessor2', /评估员 周丽/);
  await page.getByRole('button', { name: /确\s*定|OK/ }).click();

  await expect(page.getByTestId('assessment-status')).toHaveText('草稿');
  await page.getByTestId('assessed-on').click();
  await page.getByTestId('assessed-on').fill(today);
  await page.keyboard.press('Enter');
  await page.getByTestId('place').fill('老人家中');
  await page.getByTestId('informant-name').fill('王小明');
  await page.getByTestId('informant-relation').fill('儿子');

  // Every item one step below its maximum: 90 − 26 = 64, moderate (GB/T 42195 worked example).
  for (const [i, item] of ASSESSMENT_ITEMS.entries()) {
    await page
      .getByTestId(`item-${item.code}`)
      .getByText(new RegExp(`^${item.max - 1} 分`))
      .click();
    if (i === 12) await expect(page.getByTestId('score-panel')).toContainText('已评 13/26 项');
  }
  await expect(page.getByTestId('score-total')).toHaveText('64');
  await expect(page.getByTestId('final-level')).toContainText('2 · 中度失能');

  await page.getByTestId('submit-assessment').click();
  await expect(page.getByTestId('assessment-status')).toHaveText('待审核');
  const url = page.url();

  await page.getByTestId('user-menu').hover();
  await page.getByText('退出登录').click();
  await signIn(page, 'pg.reviewer');
  await page.goto(url);
  await page.getByTestId('approve-assessment').click();
  await expect(page.getByTestId('assessment-status')).toHaveText('已通过');

  await page.getByRole('link', { name: '评估报告' }).click();
  await expect(page.getByTestId('assessment-report')).toContainText(elderName);
  await expect(page.getByTestId('report-total')).toHaveText('64 / 90');
  await expect(page.getByTestId('report-final-level')).toContainText('2 · 中度失能');
});
