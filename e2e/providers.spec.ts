import { expect, test, type Page } from '@playwright/test';
import { checkCharacter } from '@yiyang/domain';
import { signIn } from './session';

async function pickDate(page: Page, label: string, date: string) {
  const input = page.locator('.ant-modal:visible').getByLabel(label);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

const first17 = '15010219850315002';
const ID_NUMBER = first17 + checkCharacter(first17);

test('a provider manager adds a caregiver with a certificate; the public directory shows the provider', async ({
  page,
}) => {
  await signIn(page, 'fw.manager');
  await page.getByTestId('main-menu').getByText('服务机构').click();
  const providerName = (await page.getByTestId('provider-name').textContent())!.trim();
  expect(providerName).toContain('颐养院');

  await page.getByRole('tab', { name: '从业人员' }).click();
  await page.getByTestId('add-staff').click();
  const dialog = page.locator('.ant-modal:visible');
  await dialog.getByLabel('姓名').fill('测试护理员');
  await dialog.getByLabel('身份证号').fill(ID_NUMBER);
  await pickDate(page, '入职日期', '2025-03-01');
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  const row = page.getByTestId('staff-table').getByRole('row', { name: /测试护理员/ });
  await expect(row).toContainText(`1501**********${ID_NUMBER.slice(14)}`);
  await expect(row).not.toContainText(ID_NUMBER);

  await row.getByTestId('add-certificate').click();
  // The level field appears once the form knows the kind: retry the pick until the select shows it.
  const modal = page.locator('.ant-modal:visible');
  await expect(async () => {
    await modal.getByLabel('等级').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '四级/中级工' })
      .click({ timeout: 2000 });
    await expect(modal.getByTitle('四级/中级工')).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await page.locator('.ant-modal:visible').getByLabel('证书编号').fill('NMG-YL-000123');
  await pickDate(page, '发证日期', '2025-06-01');
  await page
    .locator('.ant-modal:visible')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(row).toContainText('养老护理员职业技能等级证书 · 四级/中级工');

  await page.getByTestId('user-menu').hover();
  await page.getByText('退出登录').click();
  await expect(page).toHaveURL(/\/login$/);
  await page.getByTestId('directory-link').click();
  await page.getByTestId('directory-search').fill(providerName);
  await page.getByRole('button', { name: /查\s*询/ }).click();
  await page.getByTestId('directory-table').getByRole('link', { name: providerName }).click();
  await expect(page.getByTestId('directory-provider-name')).toHaveText(providerName);
  await expect(page.getByText('服务项目与价格')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('测试护理员');
});
