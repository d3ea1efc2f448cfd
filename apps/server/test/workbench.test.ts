import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shanghaiDate } from '../src/platform/time/shanghai-date';
import { shiftDays } from '@yiyang/domain';
import { given } from './given';
import { goodRow, importFile, xlsx } from './elder-import-files';
import { CITY, COMMUNITY_A1, createTestApp, DISTRICT, STREET_A, type TestContext } from './test-app';

const COMMUNITY_B1 = '150102002001';
const STREET_B = '150102002000';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('city', 'civil_affairs', CITY);
  await t.createUser('district', 'civil_affairs', DISTRICT);
  await t.createUser('street', 'civil_affairs', STREET_A);
  await t.createUser('street2', 'civil_affairs', STREET_A);
  await t.createUser('street-b', 'civil_affairs', STREET_B);
  await t.createUser('community-official', 'civil_affairs', COMMUNITY_A1);
  await t.createUser('worker', 'community_worker', COMMUNITY_A1);
  await t.createUser('worker2', 'community_worker', COMMUNITY_A1);
  await t.createUser('worker-b', 'community_worker', COMMUNITY_B1);
  await t.createUser('admin', 'admin', CITY);
});
afterAll(() => t.close());

interface Todo {
  kind: string;
  title: string;
  count: number;
  link: string;
  severity: string;
}

async function workbench(as: string, language = 'zh-CN'): Promise<Todo[]> {
  const res = await t.call(as, {
    method: 'GET',
    url: '/api/v1/workbench',
    headers: { 'accept-language': language },
  });
  expect(res.statusCode).toBe(200);
  return res.json().items;
}
const countOf = async (as: string, kind: string) => (await workbench(as)).find((i) => i.kind === kind)?.count;

const proposeChange = async (as: string, elderId: string) => {
  const res = await t.call(as, {
    method: 'POST',
    url: `/api/v1/elders/${elderId}/change-requests`,
    payload: { changes: { categories: ['empty_nest', 'dibao'] }, reason: '核实为低保户' },
  });
  expect(res.statusCode).toBe(201);
};

describe('the workbench of a street official', () => {
  it("counts their street's pending change requests that they may decide: not another street's, not their own", async () => {
    for (const by of ['worker', 'worker'])
      await proposeChange(by, await given.elder(t, { by: 'city', categories: ['empty_nest'] }));
    await proposeChange('street', await given.elder(t, { by: 'city', categories: ['empty_nest'] }));
    const elsewhere = await given.elder(t, {
      by: 'city',
      regionCode: COMMUNITY_B1,
      categories: ['empty_nest'],
    });
    await proposeChange('worker-b', elsewhere);

    expect(await countOf('street', 'elder_change_requests.pending')).toBe(2);
    expect(await countOf('street2', 'elder_change_requests.pending')).toBe(3);
    expect(await countOf('street-b', 'elder_change_requests.pending')).toBe(1);
    expect(await countOf('district', 'elder_change_requests.pending')).toBe(4);
    // Below street level nobody decides elder changes: the item is there, with nothing to do.
    expect(await countOf('community-official', 'elder_change_requests.pending')).toBe(0);
  });

  it('titles each item in the caller’s language and links to the list with its filter', async () => {
    const zh = (await workbench('street')).find((i) => i.kind === 'elder_change_requests.pending')!;
    const en = (await workbench('street', 'en')).find((i) => i.kind === 'elder_change_requests.pending')!;
    expect(zh).toMatchObject({ title: '待审核的老人信息变更', link: '/elder-changes?status=pending' });
    expect(en.title).toBe('Elder record changes to decide');
    for (const item of await workbench('street')) expect(item.title).not.toBe(item.kind);
  });
});

describe('the workbench of an assessor', () => {
  it('shows the tasks assigned to them to fill in, and a reviewer the submitted ones of their agency', async () => {
    const agency = await given.agency(t, { by: 'city' });
    const [first, second, third, , reviewer] = agency.assessors;
    await given.assessment(t, { by: 'city', agency, status: 'draft' });
    await given.assessment(t, { by: 'city', agency, status: 'draft' });
    await given.assessment(t, { by: 'city', agency, status: 'submitted' });

    expect(await countOf(first!.username, 'assessments.draft')).toBe(2);
    expect(await countOf(second!.username, 'assessments.draft')).toBe(2);
    expect(await countOf(third!.username, 'assessments.draft')).toBe(0);
    // The two who assessed it may not review it; the agency's reviewer may.
    expect(await countOf(first!.username, 'assessments.submitted')).toBe(0);
    expect(await countOf(reviewer!.username, 'assessments.submitted')).toBe(1);
    expect(await countOf('city', 'assessments.submitted')).toBe(1);
    // Officials open tasks; filling them in is not on their workbench.
    expect(await countOf('city', 'assessments.draft')).toBeUndefined();
  });
});

describe('the workbench of a provider manager', () => {
  it("counts only their own provider's certificates expiring within 30 days", async () => {
    const today = shanghaiDate();
    const ours = await given.provider(t, { by: 'city' });
    const theirs = await given.provider(t, { by: 'city' });
    await t.createUser('manager', 'provider_manager', COMMUNITY_A1, ours);
    const certificate = (expiresOn: string, n: number) => ({
      kind: 'health',
      number: `H-${n}`,
      issuedOn: shiftDays(today, -355),
      expiresOn,
    });
    const add = async (providerId: string, expiresOn: string, n: number) => {
      const staffId = await given.staff(t, providerId, { by: 'city' });
      const res = await t.call('city', {
        method: 'POST',
        url: `/api/v1/providers/${providerId}/staff/${staffId}/certificates`,
        payload: certificate(expiresOn, n),
      });
      expect(res.statusCode).toBe(201);
    };
    await add(ours, shiftDays(today, 10), 1);
    await add(ours, shiftDays(today, 200), 2);
    await add(theirs, shiftDays(today, 5), 3);

    const items = await workbench('manager');
    expect(items.find((i) => i.kind === 'staff_certificates.expiring')).toMatchObject({
      count: 1,
      link: '/staff-certificates',
    });
    expect(await countOf('district', 'staff_certificates.expiring')).toBe(2);
    // A provider account has no filing changes to confirm.
    expect(items.some((i) => i.kind === 'provider_change_requests.pending')).toBe(false);
  });

  it('gives a caregiver an empty workbench, without errors', async () => {
    const provider = await t.createProvider(COMMUNITY_A1);
    await t.createUser('caregiver', 'caregiver', COMMUNITY_A1, provider);
    expect(await workbench('caregiver')).toEqual([]);
  });
});

describe('imports and background jobs', () => {
  it('shows a worker their own recent imports with failed rows, and an administrator the failed jobs', async () => {
    const failedJobsBefore = (await countOf('admin', 'jobs.failed')) ?? 0;
    const withBadRow = await xlsx([goodRow(301), goodRow(302, { idNumber: '123' })]);
    expect((await importFile(t, 'worker', withBadRow, '台账.xlsx')).json()).toMatchObject({ failed: 1 });
    expect((await importFile(t, 'worker', await xlsx([goodRow(303)]), '好.xlsx')).json()).toMatchObject({
      failed: 0,
    });
    expect(await countOf('worker', 'elder_imports.failed')).toBe(1);
    expect(await countOf('worker2', 'elder_imports.failed')).toBe(0);

    const undo = await t.refuseWrites(
      'elder_import_jobs',
      `new.status = 'running' and new.processed > 0`,
      'update',
    );
    const stopped = await importFile(t, 'worker2', await xlsx([goodRow(304)]), '中断.xlsx');
    await undo();
    expect(stopped.json().status).toBe('failed');
    expect(await countOf('worker2', 'elder_imports.failed')).toBe(1);
    expect(await countOf('admin', 'jobs.failed')).toBe(failedJobsBefore + 1);
    expect((await workbench('admin')).find((i) => i.kind === 'jobs.failed')).toMatchObject({
      link: '/jobs?state=failed',
      severity: 'danger',
    });
    // Only the administrator manages jobs.
    expect(await countOf('city', 'jobs.failed')).toBeUndefined();

    // An import its importer cancelled on purpose waits for nothing.
    await t.database.db.execute(
      sql`update elder_import_jobs set failure = 'ELDER_IMPORT_CANCELLED' where id = ${stopped.json().id}`,
    );
    expect(await countOf('worker2', 'elder_imports.failed')).toBe(0);
  });

  it('refuses a caller who is not signed in', async () => {
    const res = await t.call(null, { method: 'GET', url: '/api/v1/workbench' });
    expect(res.statusCode).toBe(401);
  });
});
