import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMUNITY_A1, createTestApp, type TestContext } from '../../../test/test-app';
import {
  appendSheetRows,
  goodRow,
  idNumber,
  importFile,
  multipart,
  readSheet,
  xlsx,
} from '../../../test/elder-import-files';
import { COLUMNS } from './elder-sheet';
import { queryRows } from '../../platform/db/database';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('worker', 'community_worker', COMMUNITY_A1);
});
afterAll(() => t.close());

const upload = (buffer: Buffer, filename: string) =>
  t.call('worker', { method: 'POST', url: '/api/v1/elders/imports', ...multipart(buffer, filename) });
const run = (buffer: Buffer, filename = '台账.xlsx') => importFile(t, 'worker', buffer, filename);
const errorsOf = (job: { json(): { errors: { row: number; field: string; code: string }[] } }) =>
  job.json().errors.map((e) => [e.row, e.field, e.code]);

/** A PL/pgSQL trigger that raises, to stand for any unexpected database failure. */
async function refuseInserts(table: string, when = 'true') {
  await t.database.db.execute(
    sql.raw(`create or replace function test_refuse() returns trigger language plpgsql as $$
      begin raise exception 'internal detail: relation % refused', tg_table_name; end $$`),
  );
  await t.database.db.execute(
    sql.raw(`create trigger test_refuse before insert on ${table}
      for each row when (${when}) execute function test_refuse()`),
  );
  return () => t.database.db.execute(sql.raw(`drop trigger test_refuse on ${table}`));
}

describe('a failed import job', () => {
  it('shows a localised message, never the SQL or the database error', async () => {
    const restore = await refuseInserts('elders');
    try {
      const job = await run(await xlsx([goodRow(101)]));
      expect(job.json().status).toBe('failed');
      expect(job.json().failure).toMatch(/^导入因系统错误中断/);
      expect(job.json().failure).not.toMatch(/insert|query|select|internal|relation|elders/i);
      const en = await t.call('worker', {
        method: 'GET',
        url: `/api/v1/elders/imports/${job.json().id}`,
        headers: { 'accept-language': 'en' },
      });
      expect(en.json().failure).toMatch(/^The import stopped on a system error/);
      const list = await t.call('worker', { method: 'GET', url: '/api/v1/elders/imports' });
      expect(JSON.stringify(list.json())).not.toMatch(/insert into|internal detail/i);
    } finally {
      await restore();
    }
  });
});

describe('identity numbers and phones that Excel turned into numbers', () => {
  it('refuses a numeric identity-number or phone cell, saying to format the column as text', async () => {
    // 150102195304188377 typed into a General cell is kept as 150102195304188000.
    const job = await run(
      await xlsx([
        goodRow(111, { idNumber: Number('150102195304188377') }),
        goodRow(113, { phone: 13800001111 }),
        goodRow(115, { contactName: '李明', contactRelation: '儿子', contactPhone: 13900002222 }),
        goodRow(117, { phone: '13800001111' }),
      ]),
    );
    expect(job.json()).toMatchObject({ status: 'done', imported: 1, failed: 3 });
    expect(errorsOf(job)).toEqual([
      [2, '身份证号', 'ELDER_IMPORT_ROW_NUMERIC_CELL'],
      [3, '联系电话', 'ELDER_IMPORT_ROW_NUMERIC_CELL'],
      [4, '联系人电话', 'ELDER_IMPORT_ROW_NUMERIC_CELL'],
    ]);
    expect(job.json().errors[0].message).toContain('文本');
  });

  it('gives the same message for a CSV holding 1.50102E+17', async () => {
    const header = COLUMNS.map((c) => c.header).join(',');
    const line = ['1.50102E+17', '陈秀英', '', '150102', COMMUNITY_A1, '团结路5号', '', '', '独居'].join(',');
    const job = await run(Buffer.from(`${header}\n${line}\n`), '台账.csv');
    expect(errorsOf(job)).toEqual([[2, '身份证号', 'ELDER_IMPORT_ROW_NUMERIC_CELL']]);
  });

  it('gives a template whose identity and phone columns are formatted as text', async () => {
    const res = await t.call('worker', { method: 'GET', url: '/api/v1/elders/import-template' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as never);
    const sheet = workbook.worksheets[0]!;
    const format = (key: string) => sheet.getColumn(COLUMNS.findIndex((c) => c.key === key) + 1).numFmt;
    expect([format('idNumber'), format('phone'), format('contactPhone')]).toEqual(['@', '@', '@']);
  });
});

describe('hostile files', () => {
  it('refuses a 0-byte .xlsx at once', async () => {
    const started = performance.now();
    const res = await upload(Buffer.alloc(0), 'empty.xlsx');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('ELDER_IMPORT_EMPTY');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses at once a small .xlsx that inflates to millions of blank rows', async () => {
    const bomb = appendSheetRows(await xlsx([goodRow(121)]), 3_000_000, () => '<row/>');
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = performance.now();
    const res = await upload(bomb, 'bomb.xlsx');
    expect(res.json().error.code).toBe('ELDER_IMPORT_EXPANDS_TOO_MUCH');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('lists 10,000 rows in the error workbook and counts the rest', async () => {
    const rows = Array.from({ length: 10_050 }, (_, i) => goodRow(0, { idNumber: `bad${i}`, name: '' }));
    const job = await run(await xlsx(rows));
    expect(job.json()).toMatchObject({ status: 'done', imported: 0, failed: 10_050 });
    expect(job.json().errors).toHaveLength(1000);
    const workbook = await t.call('worker', {
      method: 'GET',
      url: `/api/v1/elders/imports/${job.json().id}/errors.xlsx`,
    });
    const sheet = await readSheet(workbook.rawPayload);
    expect(sheet).toHaveLength(1 + 10_000 + 1);
    expect(sheet.at(-1)!.at(-1)).toContain('另有 50 行');
  }, 60_000);
});

describe('cell values as people write them', () => {
  it('reports Excel error values as row errors, not as [object Object]', async () => {
    const job = await run(
      await xlsx([
        goodRow(131, { name: { error: '#N/A' } }),
        goodRow(133, { address: { formula: 'A1/0', result: { error: '#REF!' } } }),
      ]),
    );
    expect(job.json()).toMatchObject({ imported: 0, failed: 2 });
    expect(errorsOf(job)).toEqual([
      [2, '姓名', 'ELDER_IMPORT_ROW_EXCEL_ERROR'],
      [3, '详细地址', 'ELDER_IMPORT_ROW_FORMULA'],
    ]);
    expect(job.json().errors[0].message).toContain('#N/A');
  });

  it('makes a NUL or control character a row error and imports the other rows', async () => {
    // Excel writes a control character in a cell as an _xHHHH_ escape.
    const job = await run(
      await xlsx([
        goodRow(141),
        goodRow(143, { name: '王_x0000_秀兰' }),
        goodRow(145, { address: '团结路_x0007_5号' }),
        goodRow(147, { address: '团结路_x000D_\n5号' }),
      ]),
    );
    expect(job.json()).toMatchObject({ status: 'done', imported: 2, failed: 2 });
    expect(errorsOf(job)).toEqual([
      [3, '姓名', 'ELDER_IMPORT_ROW_CONTROL_CHARACTER'],
      [4, '详细地址', 'ELDER_IMPORT_ROW_CONTROL_CHARACTER'],
    ]);
    // The error workbook opens: the invisible character is not written into its XML.
    const workbook = await t.call('worker', {
      method: 'GET',
      url: `/api/v1/elders/imports/${job.json().id}/errors.xlsx`,
    });
    expect((await readSheet(workbook.rawPayload)).length).toBe(3);
  });

  it('makes a NUL in a CSV line a row error and imports the other rows', async () => {
    const header = COLUMNS.map((c) => c.header).join(',');
    const line = (seq: number, name: string) =>
      [idNumber('19480101', seq), name, '', '150102', COMMUNITY_A1, '团结路5号', '', '', '独居'].join(',');
    const csv = [header, line(181, '陈秀英'), line(183, '陈\u0000秀英'), line(185, '赵桂兰')].join('\n');
    const job = await run(Buffer.from(csv), '台账.csv');
    expect(job.json()).toMatchObject({ status: 'done', imported: 2, failed: 1 });
    expect(errorsOf(job)).toEqual([[3, '姓名', 'ELDER_IMPORT_ROW_CONTROL_CHARACTER']]);
  });

  it('applies the create contract’s length limits', async () => {
    const job = await run(
      await xlsx([
        goodRow(151, { contactName: '李'.repeat(51), contactRelation: '儿子', contactPhone: '13900002222' }),
        goodRow(153, { contactName: '李明', contactRelation: '关'.repeat(21), contactPhone: '13900002222' }),
        goodRow(155, { notes: '注'.repeat(1001) }),
      ]),
    );
    expect(job.json()).toMatchObject({ imported: 0, failed: 3 });
    expect(errorsOf(job)).toEqual([
      [2, '联系人姓名', 'ELDER_IMPORT_ROW_INVALID'],
      [3, '联系人关系', 'ELDER_IMPORT_ROW_INVALID'],
      [4, '备注', 'ELDER_IMPORT_ROW_INVALID'],
    ]);
  });

  it('reads a sheet with a merged title row, another sheet name and common header synonyms', async () => {
    const headers = COLUMNS.map((c) =>
      c.key === 'idNumber'
        ? '身份证号码'
        : c.key === 'phone'
          ? '手机号码'
          : c.key === 'name'
            ? '姓名*'
            : c.header,
    );
    const file = await xlsx([goodRow(161, { phone: '13800003333' })], {
      sheetName: 'Sheet1',
      headers,
      above: (sheet) => {
        sheet.addRow(['新城区老年人信息登记表']);
        sheet.mergeCells('A1:O1');
      },
    });
    const job = await run(file);
    expect(job.json()).toMatchObject({ status: 'done', imported: 1, failed: 0 });
    const list = await t.call('worker', {
      method: 'GET',
      url: `/api/v1/elders?q=${idNumber('19480101', 161)}`,
    });
    expect(list.json().items[0]).toMatchObject({ name: '导入161', phone: '138****3333' });
  });
});

describe('the error workbook', () => {
  it('masks identity numbers and phones, is not cached, and is audited before it is sent', async () => {
    const id = idNumber('19480101', 171);
    const job = await run(
      await xlsx([goodRow(171, { phone: '13800004444', livingArrangement: '别墅', contactName: '李明' })]),
    );
    const url = `/api/v1/elders/imports/${job.json().id}/errors.xlsx`;
    const res = await t.call('worker', { method: 'GET', url });
    expect(res.headers['cache-control']).toBe('no-store');
    const [, row] = await readSheet(res.rawPayload);
    expect(row).toContain('1501**********' + id.slice(-4));
    expect(row).toContain('138****4444');
    expect(row!.join()).not.toContain(id);
    expect(row!.join()).not.toContain('13800004444');
    const audit = await t.call('worker', {
      method: 'GET',
      url: '/api/v1/audit?action=elder.import_errors_download',
    });
    expect(audit.statusCode === 403 || audit.json().items.length === 1).toBe(true);
    const [entry] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log
        where action = 'elder.import_errors_download' and entity_id = ${job.json().id}`,
    );
    expect(entry!.n).toBe(1);

    // When the audit entry cannot be written, nothing is handed out.
    const restore = await refuseInserts('audit_log', "new.action = 'elder.import_errors_download'");
    try {
      const refused = await t.call('worker', { method: 'GET', url });
      expect(refused.statusCode).toBe(500);
      expect(refused.rawPayload.subarray(0, 2).toString()).not.toBe('PK');
    } finally {
      await restore();
    }
  });
});

describe('the elder export', () => {
  it('is not cached and sends nothing when its audit entry cannot be written', async () => {
    const res = await t.call('worker', { method: 'GET', url: '/api/v1/elders/export' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const restore = await refuseInserts('audit_log', "new.action = 'elders.export'");
    try {
      const refused = await t.call('worker', { method: 'GET', url: '/api/v1/elders/export' });
      expect(refused.statusCode).toBe(500);
      expect(refused.rawPayload.subarray(0, 2).toString()).not.toBe('PK');
    } finally {
      await restore();
    }
  });
});
