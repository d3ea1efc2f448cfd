import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { checkCharacter } from '@yiyang/domain';
import { COLUMNS, SHEET_NAME } from '../src/modules/elders/elder-sheet';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoAccounts } from '../src/demo/demo-accounts-file';
import { lockDataDir } from '../src/platform/db/data-dir-lock';
import { createFreshPostgres, onPostgres } from './test-app';

/** The `yiyang` command as an operator runs it, on its own embedded data directory. */
const cliEntry = path.resolve(import.meta.dirname, '../src/cli/index.ts');
const dataDir = mkdtempSync(path.join(tmpdir(), 'yiyang-cli-'));
let databaseUrl = '';
let drop: (() => Promise<void>) | undefined;
beforeAll(async () => {
  if (onPostgres()) ({ url: databaseUrl, drop } = await createFreshPostgres());
});
afterAll(() => drop?.());

function yiyang(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', cliEntry, ...args], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout + result.stderr };
}

describe('yiyang CLI', () => {
  it('explains each command with --help', () => {
    const help = yiyang('user', 'add', '--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('--username');
    expect(help.out).toContain('--region');
  });

  it('seeds the demo city, adds a user, changes a password, and refuses bad input', () => {
    expect(yiyang('migrate').code).toBe(0);
    const demo = yiyang('demo', '--password', 'Cli-demo-pass-2026', '--elders', '300');
    expect(demo.code).toBe(0);
    expect(demo.out).toContain('mz.street');
    expect(demo.out).toContain('Added 300 synthetic elders');

    const more = yiyang('demo', '--elders', '50', '--seed', '9');
    expect(more.code).toBe(0);
    expect(more.out).toContain('Added 50 synthetic elders');
    const again = yiyang('demo', '--password', 'Other-pass-2026');
    expect(again.code).toBe(1);
    expect(again.out).toContain('already has user accounts');

    const added = yiyang(
      'user',
      'add',
      '--username',
      'ops.admin',
      '--password',
      'Ops-admin-pass-1',
      '--role',
      'admin',
      '--region',
      '1501',
    );
    expect(added.out).toContain('Created ops.admin (admin, 呼和浩特市 150100000000)');
    expect(added.code).toBe(0);

    const taken = yiyang(
      'user',
      'add',
      '--username',
      'ops.admin',
      '--password',
      'Ops-admin-pass-1',
      '--role',
      'admin',
      '--region',
      '1501',
    );
    expect(taken.code).toBe(1);
    expect(taken.out).toContain('USER_USERNAME_TAKEN');

    const badRole = yiyang(
      'user',
      'add',
      '--username',
      'x1',
      '--password',
      'Ops-admin-pass-1',
      '--role',
      'king',
      '--region',
      '1501',
    );
    expect(badRole.code).not.toBe(0);
    expect(badRole.out).toMatch(/Allowed choices are admin, civil_affairs/);

    const badRegion = yiyang(
      'user',
      'add',
      '--username',
      'x2',
      '--password',
      'Ops-admin-pass-1',
      '--role',
      'admin',
      '--region',
      '15x',
    );
    expect(badRegion.code).not.toBe(0);
    expect(badRegion.out).toContain('give a 12-digit region code or its prefix');

    const weak = yiyang('user', 'passwd', '--username', 'ops.admin', '--password', 'weak');
    expect(weak.code).toBe(1);
    expect(weak.out).toContain('USER_PASSWORD_WEAK');
    expect(yiyang('user', 'passwd', '--username', 'ops.admin', '--password', 'Another-pass-2026').code).toBe(
      0,
    );
    // Eight processes, each opening the database: slow on a loaded two-core machine.
  }, 180_000);

  it('imports elders from a file with a report and an error workbook', async () => {
    // The demo city's regions, unless the test above has seeded them.
    if (!loadDemoAccounts(dataDir)) yiyang('demo', '--elders', '1');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(SHEET_NAME);
    sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key }));
    const first17 = '15010219500505123';
    sheet.addRow({
      idNumber: first17 + checkCharacter(first17),
      name: '命令行导入',
      hukouRegionCode: '150102',
      regionCode: '150102001001',
      address: '青城路1号',
      livingArrangement: '独居',
    });
    sheet.addRow({
      idNumber: '123',
      name: '错误行',
      hukouRegionCode: '150102',
      regionCode: '150102001001',
      address: 'x',
      livingArrangement: '独居',
    });
    const file = path.join(dataDir, 'elders.xlsx');
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    const errors = path.join(dataDir, 'errors.xlsx');
    const result = yiyang('import', 'elders', file, '--region', '150102', '--errors', errors);
    expect(result.out).toContain('2 rows: 1 imported, 0 already registered, 1 not imported');
    expect(result.code).toBe(0);
    expect(existsSync(errors)).toBe(true);
    const again = yiyang('import', 'elders', file, '--region', '150102', '--errors', errors);
    expect(again.out).toContain('2 rows: 0 imported, 1 already registered, 1 not imported');
  }, 120_000);

  it('lists background jobs and refuses to cancel or retry a finished one, in Chinese', async () => {
    if (!loadDemoAccounts(dataDir)) yiyang('demo', '--elders', '1');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet(SHEET_NAME);
    sheet.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key }));
    const first17 = '15010219520606123';
    sheet.addRow({
      idNumber: first17 + checkCharacter(first17),
      name: '任务列表',
      hukouRegionCode: '150102',
      regionCode: '150102001001',
      address: '青城路2号',
      livingArrangement: '独居',
    });
    const file = path.join(dataDir, 'one.xlsx');
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(yiyang('import', 'elders', file, '--region', '150102').code).toBe(0);

    const list = yiyang('jobs', 'list', '--state', 'completed');
    expect(list.code).toBe(0);
    const line = list.out.split('\n').find((l) => l.includes('导入老年人') && l.includes('1/1'));
    expect(line?.split('  ')).toEqual([
      expect.stringMatching(/^[0-9a-f-]{36}$/),
      '导入老年人信息',
      '已完成 (completed)',
      '1/1',
      expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
    ]);
    const id = line!.slice(0, 36);

    const cancel = yiyang('jobs', 'cancel', id);
    expect(cancel.code).toBe(1);
    expect(cancel.out).toContain('JOB_NOT_CANCELLABLE: 该任务已结束，无法取消');
    const retry = yiyang('jobs', 'retry', id);
    expect(retry.code).toBe(1);
    expect(retry.out).toContain('JOB_NOT_RETRYABLE: 只有失败或已取消的任务可以重试');
    const unknown = yiyang('jobs', 'retry', '00000000-0000-4000-8000-000000000000');
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain('未找到该后台任务');
  }, 120_000);

  it.skipIf(onPostgres())('will not open a data directory that a running process holds', async () => {
    const release = await lockDataDir(dataDir);
    try {
      const busy = yiyang('migrate');
      expect(busy.code).toBe(1);
      expect(busy.out).toContain('is in use by another Yiyang process');
    } finally {
      await release();
    }
  });

  it('events replay refuses a handler no module declares', () => {
    const unknown = yiyang('events', 'replay', '--handler', 'nobody.listens', '--since', '1');
    expect(unknown.code).toBe(1);
    expect(unknown.out).toContain('No event handler nobody.listens');
  });
});
