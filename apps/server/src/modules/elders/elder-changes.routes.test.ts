import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { given } from '../../../test/given';
import { COMMUNITY_A1, createTestApp, DISTRICT, STREET_A, type TestContext } from '../../../test/test-app';

let t: TestContext;
let elderId: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('worker', 'community_worker', COMMUNITY_A1);
  await t.createUser('street', 'civil_affairs', STREET_A);
  await t.createUser('street2', 'civil_affairs', STREET_A);
  await t.createUser('community-official', 'civil_affairs', COMMUNITY_A1);
  await t.createUser('other-street', 'civil_affairs', '150102002000');
  await t.createUser('district', 'civil_affairs', DISTRICT);
});
afterAll(() => t.close());

const propose = (as: string, changes: object, reason = '核实为低保户') =>
  t.call(as, {
    method: 'POST',
    url: `/api/v1/elders/${elderId}/change-requests`,
    payload: { changes, reason },
  });
const decide = (as: string, id: string, verdict: 'approve' | 'reject', reason?: string) =>
  t.call(as, {
    method: 'POST',
    url: `/api/v1/elder-change-requests/${id}/${verdict}`,
    payload: reason ? { reason } : {},
  });
const elder = async () =>
  (await t.call('district', { method: 'GET', url: `/api/v1/elders/${elderId}` })).json();

describe('maker-checker for money-moving changes', () => {
  // Each test proposes changes to an elder of its own.
  beforeEach(async () => {
    elderId = await given.elder(t, {
      by: 'worker',
      name: '赵淑珍',
      livingArrangement: 'with_spouse',
      categories: ['empty_nest'],
    });
  });

  it('a worker’s category change waits for a street official; nobody decides their own; then it applies as a new version', async () => {
    const proposed = await propose('worker', { categories: ['empty_nest', 'dibao'] });
    expect(proposed.statusCode).toBe(201);
    const request = proposed.json();
    expect(request).toMatchObject({
      status: 'pending',
      requestedBy: 'worker',
      before: { categories: ['empty_nest'] },
      elderName: '赵淑珍',
    });
    expect((await elder()).categories).toEqual(['empty_nest']);

    expect(
      (await propose('street', { status: 'moved_out', statusDate: '2026-01-01' })).json().error.code,
    ).toBe('ELDER_CHANGE_PENDING');

    const byWorker = await decide('worker', request.id, 'approve');
    expect(byWorker.statusCode).toBe(403);
    expect(byWorker.json().error.code).toBe('AUTH_FORBIDDEN');
    const byCommunityLevel = await decide('community-official', request.id, 'approve');
    expect(byCommunityLevel.json().error.code).toBe('ELDER_CHANGE_APPROVER_LEVEL');
    const byOtherStreet = await decide('other-street', request.id, 'approve');
    expect(byOtherStreet.statusCode).toBe(404);

    const inbox = await t.call('street', {
      method: 'GET',
      url: '/api/v1/elder-change-requests?status=pending',
    });
    expect(inbox.json().items.map((r: { id: string }) => r.id)).toEqual([request.id]);
    expect(
      (await t.call('other-street', { method: 'GET', url: '/api/v1/elder-change-requests' })).json().items,
    ).toEqual([]);

    const approved = await decide('street', request.id, 'approve', '材料齐全');
    expect(approved.json()).toMatchObject({
      status: 'approved',
      decidedBy: 'street',
      decisionReason: '材料齐全',
    });
    const after = await elder();
    expect(after.categories).toEqual(['empty_nest', 'dibao']);
    expect(after.version).toBe(2);
    expect((await decide('street2', request.id, 'approve')).json().error.code).toBe('ELDER_CHANGE_DECIDED');
  });

  it('an official’s own proposal needs another official', async () => {
    const request = (
      await propose(
        'street',
        { disabilityGrade: 2, categories: ['empty_nest', 'dibao', 'disabled_cert'] },
        '新办残疾证',
      )
    ).json();
    expect((await decide('street', request.id, 'approve')).json().error.code).toBe(
      'ELDER_CHANGE_SELF_APPROVAL',
    );
    const rejected = await decide('street2', request.id, 'reject', '证件未核实');
    expect(rejected.json()).toMatchObject({ status: 'rejected', decisionReason: '证件未核实' });
    expect((await elder()).disabilityGrade).toBeNull();
    expect((await decide('district', request.id, 'reject')).statusCode).toBe(400);
  });

  it('refuses an inconsistent change before anyone decides it', async () => {
    expect((await propose('worker', { disabilityGrade: 1 })).json().error.code).toBe(
      'ELDER_DISABILITY_GRADE_MISMATCH',
    );
    expect((await propose('worker', { status: 'deceased' })).json().error.code).toBe(
      'ELDER_STATUS_DATE_REQUIRED',
    );
    expect(
      (await propose('worker', { status: 'deceased', statusDate: '2099-01-01' })).json().error.code,
    ).toBe('ELDER_STATUS_DATE_REQUIRED');
  });

  it('refuses a stale request: the fields changed by another writer between request and decision', async () => {
    const request = (await propose('worker', { hukouRegionCode: '150103000000' }, '户口迁入回民区')).json();
    expect(request.before).toEqual({ hukouRegionCode: DISTRICT });
    // Another writer (a re-import, say) changes the same field meanwhile.
    await t.database.db.execute(
      sql`update elders set hukou_region_code = '150104000000' where id = ${elderId}`,
    );
    const stale = await decide('street', request.id, 'approve');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('ELDER_CHANGE_STALE');
    expect((await elder()).hukouRegionCode).toBe('150104000000');
    expect((await decide('street', request.id, 'reject', '已过期')).statusCode).toBe(200);
  });

  it('closes the record of a deceased elder', async () => {
    const death = (
      await propose('worker', { status: 'deceased', statusDate: '2026-10-01' }, '死亡证明')
    ).json();
    expect((await decide('street', death.id, 'approve')).statusCode).toBe(200);
    const patch = await t.call('worker', {
      method: 'PATCH',
      url: `/api/v1/elders/${elderId}`,
      payload: { version: 1, address: '新地址' },
    });
    expect(patch.statusCode).toBe(409);
    expect(patch.json().error).toMatchObject({
      code: 'ELDER_DECEASED',
      details: { statusDate: '2026-10-01' },
    });
    expect((await propose('worker', { categories: [] })).json().error.code).toBe('ELDER_DECEASED');
    const history = (
      await t.call('district', { method: 'GET', url: `/api/v1/elders/${elderId}/history` })
    ).json().items;
    expect(history[0]).toMatchObject({
      changedBy: 'street',
      after: { status: 'deceased', statusDate: '2026-10-01' },
    });
  });
});

describe('the change-request list', () => {
  it('pages through requests made in the same millisecond without skipping one', async () => {
    const ids: string[] = [];
    for (const i of [0, 1, 2]) {
      const created = await given.elder(t, {
        by: 'worker',
        name: `同时申请${i}`,
        address: '光明路9号',
      });
      const request = await t.call('worker', {
        method: 'POST',
        url: `/api/v1/elders/${created}/change-requests`,
        payload: { changes: { categories: ['dibao'] }, reason: '核实' },
      });
      ids.push(request.json().id);
    }
    // Same millisecond, different microseconds: what a busy server produces.
    await t.database.db.execute(sql`update elder_change_requests
      set requested_at = timestamptz '2026-11-01 10:00:00.123' + (random() * interval '0.0009 seconds')
      where id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`);
    const seen: string[] = [];
    let cursor = '';
    do {
      const page = (
        await t.call('district', {
          method: 'GET',
          url: `/api/v1/elder-change-requests?status=pending&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        })
      ).json();
      seen.push(...page.items.map((r: { id: string }) => r.id));
      cursor = page.nextCursor ?? '';
    } while (cursor);
    expect(seen.filter((id) => ids.includes(id)).sort()).toEqual([...ids].sort());
  });
});
