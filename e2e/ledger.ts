import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';

/** A small 台账 in the template's layout for one community: a good row, and one with a wrong check character. */
export async function ledger(community: string): Promise<string> {
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
  // Written from a finished buffer: exceljs's writeFile can resolve before the file is complete.
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
  return file;
}

function checkChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return '10X98765432'[sum % 11]!;
}
