import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from './playwright.config';

test('the demo admin signs in, sees the workbench, switches language and signs out', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();

  await expect(page.getByTestId('welcome')).toHaveText('系统管理员，您好');
  await expect(page.getByTestId('user-scope')).toContainText('呼和浩特市');
  const menu = page.getByTestId('main-menu');
  await expect(menu).toContainText('用户管理');
  await expect(menu).toContainText('审计日志');

  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('welcome')).toHaveText('Hello, 系统管理员');
  await expect(menu).toContainText('Users');
  await expect(menu).toContainText('Audit log');
  // The choice survives a reload.
  await page.reload();
  await expect(page.getByTestId('welcome')).toHaveText('Hello, 系统管理员');
  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('welcome')).toHaveText('系统管理员，您好');
});

test('a wrong password shows the server’s localised message', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('Not-the-password-1');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');
});

test('the menu shows only what the role may use, and a forbidden page says 403', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('hotline');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByTestId('welcome')).toBeVisible();
  await expect(page.getByTestId('main-menu')).not.toContainText('用户管理');
  await page.goto('/users');
  await expect(page.getByText('您没有访问此页面的权限')).toBeVisible();
  await page.goto('/no-such-page');
  await expect(page.getByText('页面不存在')).toBeVisible();
});

test('a street official creates a user in their street, who must change the password first', async ({
  page,
}) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('mz.street');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('main-menu').getByText('用户管理').click();
  const table = page.getByTestId('users-table');
  await expect(table).toContainText('sq.worker');
  await expect(table).not.toContainText('mz.xincheng');

  await page.getByTestId('user-create').click();
  const dialog = page.getByRole('dialog');
  // The form checks with the server's schema and says what the server would say.
  await dialog.getByLabel('用户名').fill('e2');
  await expect(dialog.getByText('用户名为3–32位小写字母、数字或 . _ -，以字母或数字开头')).toBeVisible();
  await dialog.getByLabel('用户名').fill('e2e.worker');
  await dialog.getByLabel('姓名').fill('测试社工');
  const field = (label: string) =>
    dialog.locator('.ant-form-item', { hasText: label }).locator('.ant-select');
  await field('角色').click();
  await page.getByTitle('社区工作者').click();
  await field('所属区划').click();
  await page.locator('.ant-select-tree-title').first().click();
  await dialog.getByLabel('初始密码').fill('First-pass-2026');
  await dialog.getByRole('button', { name: /保\s*存/ }).click();
  await expect(table).toContainText('e2e.worker');
  await expect(table).toContainText('待改密');

  await page.getByTestId('user-menu').hover();
  await page.getByText('退出登录').click();
  await expect(page).toHaveURL(/\/login$/);
  await page.getByLabel('用户名').fill('e2e.worker');
  await page.getByLabel('密码').fill('First-pass-2026');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText('您的密码由管理员设置')).toBeVisible();

  // The same password again is refused with the server's reason; a new one lets the user in.
  await page.getByLabel('当前密码').fill('First-pass-2026');
  await page.getByLabel('新密码', { exact: true }).fill('First-pass-2026');
  await page.getByLabel('确认新密码').fill('First-pass-2026');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page.getByText('新密码不能与当前密码相同')).toBeVisible();
  await page.getByLabel('新密码', { exact: true }).fill('Second-pass-2026');
  await page.getByLabel('确认新密码').fill('Second-pass-2026');
  await page.getByRole('button', { name: /保\s*存/ }).click();
  await expect(page).not.toHaveURL(/\/account$/);
  await expect(page.getByText('您的密码由管理员设置')).toHaveCount(0);
});

test('a page whose code does not arrive offers a reload, and the menu keeps working', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('mz.city');
  await page.getByLabel('密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await expect(page.getByTestId('welcome')).toBeVisible();
  // As when the network drops, or a new release removed the files an open tab still asks for.
  await page.route(/\/assets\/SurvivalDuePage-[^/]*\.js$/, (route) => route.abort());
  const menu = page.getByTestId('main-menu');
  await menu.getByText('生存认证').click();
  await expect(page.getByText('页面未能加载')).toBeVisible();
  await menu.getByText('工作台').click();
  await expect(page.getByTestId('welcome')).toBeVisible();

  await page.unroute(/\/assets\/SurvivalDuePage-[^/]*\.js$/);
  await menu.getByText('生存认证').click();
  await page.getByTestId('reload-page').click();
  await expect(page.getByText('已逾期')).toBeVisible();
  await expect(page.getByText('页面未能加载')).toHaveCount(0);
});
