import { expect, test } from '@playwright/test';
import { signIn } from './session';

const ID_NUMBER = '150102194503121576';

test('a community worker registers an elder through the form, finds them in the list and opens the record', async ({
  page,
}) => {
  await signIn(page, 'sq.worker');
  await page.getByTestId('main-menu').getByText('老年人档案').click();
  await page.getByTestId('elder-create').click();

  const field = (label: string) => page.locator('.ant-form-item', { hasText: label });
  await field('身份证号').locator('input').fill('15010219450312157X');
  await expect(page.getByTestId('id-hint')).toHaveText('校验码不正确');
  await field('身份证号').locator('input').fill(ID_NUMBER);
  await expect(page.getByTestId('id-hint')).toContainText('出生日期 1945-03-12，男');

  await field('姓名').first().locator('input').fill('测试老人');
  await field('电话').first().locator('input').fill('13812345678');
  await field('户籍地').locator('.ant-select').click();
  await page.locator('.ant-select-dropdown').last().locator('.ant-select-tree-title').first().click();
  await field('居住社区').locator('.ant-select').click();
  await page.locator('.ant-select-dropdown').last().locator('.ant-select-tree-title').first().click();
  await field('详细地址').locator('input').fill('新华大街1号');
  await page.getByTestId('elder-save').click();

  await expect(page.getByTestId('elder-name')).toHaveText('测试老人');
  await expect(page.getByTestId('elder-profile')).toContainText('1501**********1576');
  await expect(page.getByTestId('elder-profile')).toContainText('138****5678');

  await page.getByTestId('main-menu').getByText('老年人档案').click();
  await page.getByTestId('elder-search').fill('测试老人');
  await page.getByRole('button', { name: /查\s*询/ }).click();
  const row = page.getByTestId('elders-table').getByRole('row', { name: /测试老人/ });
  await expect(row).toContainText('1501**********1576');
  await row.click();
  await expect(page.getByTestId('elder-name')).toHaveText('测试老人');
  await page.getByRole('tab', { name: '变更历史' }).click();
  await expect(page.getByText('v1 ·')).toBeVisible();
});

test('an official reveals the identity number, and the reveal is in the audit log', async ({ page }) => {
  await signIn(page, 'mz.street');
  await page.getByTestId('main-menu').getByText('老年人档案').click();
  await page.getByTestId('elder-search').fill(ID_NUMBER);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await page
    .getByTestId('elders-table')
    .getByRole('row', { name: /测试老人/ })
    .click();
  await page.getByRole('button', { name: /查看明文/ }).click();
  await expect(page.getByText(ID_NUMBER)).toBeVisible();
  await page.getByTestId('main-menu').getByText('审计日志').click();
  await expect(page.getByTestId('audit-table')).toContainText('查看明文');
});
