import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { appendSheetRows, goodRow, xlsx } from '../../../test/elder-import-files';
import { countImportRows, importRows } from './elder-import-read';
import { COLUMNS, SHEET_NAME } from './elder-sheet';

describe('importRows', () => {
  it('reads Chinese text across stream chunk boundaries without corrupting a character', async () => {
    // exceljs's streaming reader decoded each chunk on its own and split multi-byte characters
    // (exceljs issue 2084); patches/exceljs+4.4.0.patch fixes it. Thousands of rows of Chinese text
    // cross many chunk boundaries.
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(SHEET_NAME);
    sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key }));
    const address = (i: number) =>
      `内蒙古自治区呼和浩特市新城区海拉尔东路街道幸福社区${i}号楼${(i % 9) + 1}单元`;
    for (let i = 0; i < 8000; i++)
      sheet.addRow({ name: `王秀兰${i}`, address: address(i), livingArrangement: '与子女同住' });
    const rows = [];
    for await (const row of importRows(Buffer.from(await workbook.xlsx.writeBuffer()), 'a.xlsx'))
      rows.push(row);
    expect(rows).toHaveLength(8000);
    const corrupted = rows.filter(
      (r, i) => r.values.address !== address(i) || r.values.livingArrangement !== '与子女同住',
    );
    expect(corrupted).toEqual([]);
  });
});

describe('bounded reading', () => {
  const limits = { maxRows: 10_000 };

  it('counts blank rows of an .xlsx toward the row limit', async () => {
    const file = appendSheetRows(
      await xlsx([goodRow(1)]),
      20_000,
      (r) => `<row r="${r}"><c r="A${r}" s="0"/></row>`,
    );
    await expect(countImportRows(file, 'a.xlsx', limits)).rejects.toMatchObject({
      code: 'ELDER_IMPORT_TOO_MANY_ROWS',
    });
    expect(await countImportRows(file, 'a.xlsx')).toBe(1);
  });

  it('counts blank lines of a CSV toward the row limit', async () => {
    const header = COLUMNS.map((c) => c.header).join(',');
    const csv = Buffer.from(`${header}\nx,y\n${',,,\n\n'.repeat(10_000)}`);
    await expect(countImportRows(csv, 'a.csv', limits)).rejects.toMatchObject({
      code: 'ELDER_IMPORT_TOO_MANY_ROWS',
    });
  });
});
