import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMUNITY_A1, createTestApp, STREET_A, type TestContext } from '../../../test/test-app';
import {
  goodRow,
  idNumber as id,
  importFile as importAs,
  multipart,
  readSheet,
  xlsx,
  type Row,
} from '../../../test/elder-import-files';
import { COLUMNS } from './elder-sheet';

const COMMUNITY_B1 = '150102002001';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('worker', 'community_worker', COMMUNITY_A1);
  await t.createUser('street', 'civil_affairs', STREET_A);
});
afterAll(() => t.close());

const good = goodRow;
const importFile = (as: string, buffer: Buffer, filename: string) => importAs(t, as, buffer, filename);

const count = async () =>
  (await t.call('street', { method: 'GET', url: '/api/v1/elders?limit=200' })).json().items.length;

/** Three good rows and five bad ones: the file every import test sends. */
const rows: Row[] = [
  good(11),
  good(13, { address: '=HYPERLINK("http://evil","点我")' }),
  good(15, {
    categories: '持残疾证',
    disabilityGrade: '2',
    contactName: '李明',
    contactRelation: '儿子',
    contactPhone: '13900002222',
  }),
  good(17, { idNumber: id('19480101', 17).slice(0, 17) + (id('19480101', 17).endsWith('0') ? '1' : '0') }),
  good(19, { idNumber: id('19900101', 19) }),
  good(21, { regionCode: COMMUNITY_B1 }),
  good(23, { idNumber: id('19480101', 11) }),
  good(25, { categories: '富裕', livingArrangement: '别墅' }),
];

/** One elder, 陈秀英, in a CSV file saved by Excel on Chinese Windows (GB18030). */
function chenXiuyingCsv(): Buffer {
  const header = COLUMNS.map((c) => c.header).join(',');
  const line = [
    id('19470707', 31),
    '陈秀英',
    '',
    '150102',
    COMMUNITY_A1,
    '团结路5号',
    '',
    '',
    '与子女同住',
    '',
    '',
    '',
    '',
    '',
    '',
  ].join(',');
  return gb18030(`${header}\n${line}\n`);
}

describe('Excel import', () => {
  it('gives a template with the Chinese headers', async () => {
    const res = await t.call('worker', { method: 'GET', url: '/api/v1/elders/import-template' });
    expect(res.statusCode).toBe(200);
    expect((await readSheet(res.rawPayload))[0]).toEqual(COLUMNS.map((c) => c.header));
  });

  it('imports every valid row and reports every bad one with its reason', async () => {
    const job = await importFile('worker', await xlsx(rows), '台账.xlsx');
    expect(job.json()).toMatchObject({ status: 'done', total: 8, imported: 3, skipped: 0, failed: 5 });
    const errors: { row: number; field: string; message: string }[] = job.json().errors;
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [5, '身份证号'],
      [6, '身份证号'],
      [7, '居住社区区划代码'],
      [8, '身份证号'],
      [9, '居住情况'],
      [9, '人员类别'],
    ]);
    expect(errors[0]!.message).toBe('校验码不正确');
    expect(errors[3]!.message).toBe('与第 2 行身份证号重复');
    const workbook = await t.call('worker', {
      method: 'GET',
      url: `/api/v1/elders/imports/${job.json().id}/errors.xlsx`,
    });
    const bad = await readSheet(workbook.rawPayload);
    expect(bad).toHaveLength(6);
    expect(bad[3]![bad[3]!.length - 1]).toContain('不在您的管辖范围内');
  });

  it('imports nothing twice when the same file comes again', async () => {
    await importFile('worker', await xlsx(rows), '台账.xlsx');
    const job = await importFile('worker', await xlsx(rows), '台账.xlsx');
    expect(job.json()).toMatchObject({ imported: 0, skipped: 3, failed: 5 });
    expect(await count()).toBe(3);
  });

  it('reads CSV in GB18030 as saved by Excel on Chinese Windows', async () => {
    const bytes = chenXiuyingCsv();
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const job = await importFile('worker', bytes, '台账.csv');
    expect(job.json()).toMatchObject({ status: 'done', imported: 1, failed: 0 });
  });

  it('refuses a wrong file type, missing columns or a broken file, writing nothing', async () => {
    const before = await count();
    const txt = await t.call('worker', {
      method: 'POST',
      url: '/api/v1/elders/imports',
      ...multipart(Buffer.from('hello'), 'x.txt'),
    });
    expect(txt.json().error.code).toBe('ELDER_IMPORT_FILE_TYPE');
    const sheet = await t.call('worker', {
      method: 'POST',
      url: '/api/v1/elders/imports',
      ...multipart(await xlsx([good(41)], { headers: ['姓名', '电话'] }), 'a.xlsx'),
    });
    expect(sheet.json().error).toMatchObject({ code: 'ELDER_IMPORT_HEADERS_MISSING' });
    expect(sheet.json().error.details.headers).toContain('身份证号');
    const csv = await t.call('worker', {
      method: 'POST',
      url: '/api/v1/elders/imports',
      ...multipart(Buffer.from('姓名,电话\n张三,13800000000\n'), 'a.csv'),
    });
    expect(csv.json().error.code).toBe('ELDER_IMPORT_HEADERS_MISSING');
    expect(csv.json().error.details.headers).toContain('身份证号');
    const broken = await t.call('worker', {
      method: 'POST',
      url: '/api/v1/elders/imports',
      ...multipart(Buffer.from('PK not a zip'), 'a.xlsx'),
    });
    expect(broken.json().error.code).toBe('ELDER_IMPORT_UNREADABLE');
    expect(await count()).toBe(before);
  });
});

describe('Excel export', () => {
  // The four people of the import tests (importing skips those already there).
  beforeAll(async () => {
    await importFile('worker', await xlsx(rows), '台账.xlsx');
    await importFile('worker', chenXiuyingCsv(), '台账.csv');
  });

  it('exports masked, neutralises formulas, and audits', async () => {
    const res = await t.call('worker', { method: 'GET', url: '/api/v1/elders/export' });
    expect(res.statusCode).toBe(200);
    const rows = await readSheet(res.rawPayload);
    expect(rows.length).toBe(1 + 4);
    expect(rows.slice(1).every((r) => /^1501\*{10}/.test(r[0]!))).toBe(true);
    expect(rows.flat()).toContain('\'=HYPERLINK("http://evil","点我")');
    const clear = await t.call('worker', { method: 'POST', url: '/api/v1/elders/export-clear', payload: {} });
    expect(clear.statusCode).toBe(403);
    const audit = await t.call('street', { method: 'GET', url: '/api/v1/audit?action=elders.export' });
    expect(audit.json().items[0]).toMatchObject({ actorUsername: 'worker', after: { filters: {} } });
    // The row count is recorded once the stream has ended.
    await expect
      .poll(
        async () =>
          (
            await t.call('street', { method: 'GET', url: '/api/v1/audit?action=elders.export_completed' })
          ).json().items[0]?.after,
      )
      .toMatchObject({ count: 4 });
  });

  it('round trip: an official’s clear export imports back as the same people', async () => {
    const res = await t.call('street', { method: 'POST', url: '/api/v1/elders/export-clear', payload: {} });
    const rows = await readSheet(res.rawPayload);
    expect(rows[1]![0]).toMatch(/^150102\d{11}[\dX]$/);
    const job = await importFile('street', res.rawPayload, 'export.xlsx');
    expect(job.json()).toMatchObject({ status: 'done', total: 4, imported: 0, skipped: 4, failed: 0 });
    const audit = await t.call('street', { method: 'GET', url: '/api/v1/audit?action=elders.export_clear' });
    expect(audit.json().items).toHaveLength(1);
  });
});

/** GB18030 bytes of a text: Node decodes GB18030 but has no encoder, so run its decoder backwards. */
function gb18030(text: string): Buffer {
  const decoder = new TextDecoder('gb18030');
  const table = new Map<string, number[]>();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([hi, lo]));
      if (!table.has(ch)) table.set(ch, [hi, lo]);
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else bytes.push(...(table.get(ch) ?? []));
  }
  return Buffer.from(bytes);
}

describe('an import stopped halfway', () => {
  it('keeps its report and the register in agreement: a chunk not counted is not kept', async () => {
    const undo = await t.refuseWrites(
      'elder_import_jobs',
      `new.status = 'running' and new.processed > 0`,
      'update',
    );
    const job = await importFile('worker', await xlsx([good(61), good(63)]), '中断.xlsx');
    await undo();
    expect(job.json()).toMatchObject({ status: 'failed', imported: 0 });
    const found = await t.call('street', { method: 'GET', url: `/api/v1/elders?q=${id('19480101', 61)}` });
    expect(found.json().items).toEqual([]);
  });
});
