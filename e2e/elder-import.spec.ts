import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD } from './playwright.config';

/** A small 台账 in the template's layout for one community: a good row, and one with a wrong check character. */
async function ledger(community: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('老年人信息');
  sheet.addRow([
    '身份证号',
    '姓名',
    '户籍地区划代码',
    '居住社区区划代码',
    '详细地址',
    '居住情况',
    '人员类别',
  ]);
  sheet.addRow([
    '15010219440808123' + checkChar('15010219440808123'),
    '导入测试',
    '150102',
    community,
    '云中路9号',
    '独居',
    '空巢',
  ]);
  sheet.addRow(['150102194408081241', '错误测试', '150102', community, '云中路9号', '独居', '']);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'yiyang-e2e-')), '台账.xlsx');
  await workbook.xlsx.writeFile(file);
  return file;
}

function checkChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return '10X98765432'[sum % 11]!;
}

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
