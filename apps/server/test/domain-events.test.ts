import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { shanghaiDate } from '../src/platform/time/shanghai-date';
import { domainEvents } from '../src/platform/events/events.tables';
import { given } from './given';
import { goodRow, importFile, xlsx } from './elder-import-files';
import { COMMUNITY_A1, createTestApp, DISTRICT, STREET_A, type TestContext } from './test-app';

/** The events the modules raise, each in the transaction of its change (issue 10, item 2). */
let t: TestContext;
const COMMUNITY_B1 = '150102002001';

beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('worker', 'community_worker', COMMUNITY_A1);
  await t.createUser('street', 'civil_affairs', STREET_A);
  await t.createUser('district', 'civil_affairs', DISTRICT);
});
afterAll(() => t.close());

async function eventsOf(entityId: string) {
  const rows = await t.database.db
    .select()
    .from(domainEvents)
    .where(eq(domainEvents.entityId, entityId))
    .orderBy(asc(domainEvents.id));
  return rows.map((r) => ({
    type: r.type,
    entity: r.entity,
    regionCode: r.regionCode,
    providerId: r.providerId,
    payload: r.payload,
  }));
}

const post = (as: string, url: string, payload: object) => t.call(as, { method: 'POST', url, payload });

describe('elder events', () => {
  it('creation, an edit and a move each raise an event in the current region, without personal data', async () => {
    const idNumber = given.idNumber();
    const id = await given.elder(t, { by: 'street', idNumber, name: '张桂兰', phone: '13900001111' });
    const edit = await t.call('street', {
      method: 'PATCH',
      url: `/api/v1/elders/${id}`,
      payload: { version: 1, address: '新华路1号', phone: '13900002222' },
    });
    expect(edit.statusCode).toBe(200);
    const move = await t.call('district', {
      method: 'PATCH',
      url: `/api/v1/elders/${id}`,
      payload: { version: 2, regionCode: COMMUNITY_B1 },
    });
    expect(move.statusCode).toBe(200);

    const events = await eventsOf(id);
    expect(events).toEqual([
      {
        type: 'elder.created',
        entity: 'elder',
        regionCode: COMMUNITY_A1,
        providerId: null,
        payload: { version: 1 },
      },
      expect.objectContaining({
        type: 'elder.updated',
        regionCode: COMMUNITY_A1,
        payload: { fields: ['address', 'phone'], version: 2 },
      }),
      expect.objectContaining({ type: 'elder.updated', regionCode: COMMUNITY_B1 }),
      expect.objectContaining({
        type: 'elder.moved',
        regionCode: COMMUNITY_B1,
        payload: { fromRegionCode: COMMUNITY_A1, toRegionCode: COMMUNITY_B1, version: 3 },
      }),
    ]);
    const text = JSON.stringify(events);
    for (const personal of ['张桂兰', idNumber, '13900001111', '13900002222', '新华路'])
      expect(text).not.toContain(personal);
  });

  it('a change request, its approval of a death, and a rejection raise events a listener can tell apart', async () => {
    const id = await given.elder(t, { by: 'worker' });
    const today = shanghaiDate();
    const asked = await post('worker', `/api/v1/elders/${id}/change-requests`, {
      changes: { status: 'deceased', statusDate: today },
      reason: '家属告知',
    });
    expect(asked.statusCode).toBe(201);
    const requestId = asked.json().id as string;
    expect((await post('street', `/api/v1/elder-change-requests/${requestId}/approve`, {})).statusCode).toBe(
      200,
    );

    expect(await eventsOf(requestId)).toEqual([
      expect.objectContaining({
        type: 'change_request.created',
        entity: 'elder_change_request',
        regionCode: COMMUNITY_A1,
        payload: { elderId: id, fields: ['status', 'statusDate'] },
      }),
      expect.objectContaining({
        type: 'change_request.decided',
        entity: 'elder_change_request',
        payload: { elderId: id, fields: ['status', 'statusDate'], decision: 'approved' },
      }),
    ]);
    expect((await eventsOf(id)).map((e) => e.type)).toEqual([
      'elder.created',
      'elder.updated',
      'elder.deceased',
    ]);
    expect((await eventsOf(id)).at(-1)).toMatchObject({ payload: { statusDate: today } });

    const other = await given.elder(t, { by: 'worker' });
    const second = await post('worker', `/api/v1/elders/${other}/change-requests`, {
      changes: { categories: ['low_income'] },
      reason: '低保认定',
    });
    const rejected = await post('street', `/api/v1/elder-change-requests/${second.json().id}/reject`, {
      reason: '材料不全',
    });
    expect(rejected.statusCode).toBe(200);
    expect((await eventsOf(second.json().id)).at(-1)).toMatchObject({
      type: 'change_request.decided',
      payload: { decision: 'rejected', fields: ['categories'] },
    });
    expect((await eventsOf(other)).map((e) => e.type)).toEqual(['elder.created']);
  });

  it('a change whose event cannot be written is not made', async () => {
    const undo = await t.refuseWrites('domain_events', `new.type = 'elder.created'`);
    try {
      const res = await post('street', '/api/v1/elders', {
        idNumber: given.idNumber(),
        name: '李秀珍',
        hukouRegionCode: DISTRICT,
        regionCode: COMMUNITY_A1,
        address: '光明路8号',
        livingArrangement: 'alone',
      });
      expect(res.statusCode).toBe(500);
    } finally {
      await undo();
    }
    const list = await t.call('street', { method: 'GET', url: '/api/v1/elders?q=李秀珍' });
    expect(list.json().items).toEqual([]);
  });

  it('a finished import raises one event with its counts', async () => {
    const job = await importFile(t, 'worker', await xlsx([goodRow(501), goodRow(503)]), 'elders.xlsx');
    expect(job.json().status).toBe('done');
    expect(await eventsOf(job.json().id)).toEqual([
      {
        type: 'elder.import_finished',
        entity: 'elder_import',
        regionCode: COMMUNITY_A1,
        providerId: null,
        payload: { rows: 2, imported: 2, skipped: 0, failed: 0 },
      },
    ]);
  });
});

describe('assessment events', () => {
  it('submission, return and approval raise events in the elder’s region', async () => {
    const a = await given.assessment(t, { by: 'district', status: 'submitted' });
    const returned = await post('district', `/api/v1/assessments/${a.id}/return`, {
      version: a.version,
      note: '请补充照片',
    });
    expect(returned.statusCode).toBe(200);
    const agency = (await t.call('district', { method: 'GET', url: `/api/v1/assessments/${a.id}` })).json();
    const events = await eventsOf(a.id);
    expect(events.map((e) => e.type)).toEqual(['assessment.submitted', 'assessment.returned']);
    expect(events[0]).toMatchObject({
      entity: 'assessment',
      regionCode: COMMUNITY_A1,
      payload: { elderId: a.elderId, agencyId: agency.agencyId, status: 'submitted', finalLevel: 0 },
    });

    const approved = await given.assessment(t, { by: 'district', status: 'approved' });
    expect((await eventsOf(approved.id)).map((e) => e.type)).toEqual([
      'assessment.submitted',
      'assessment.approved',
    ]);
    expect((await eventsOf(approved.id)).at(-1)).toMatchObject({
      payload: { status: 'approved', validUntil: approved.validUntil },
    });
  });
});

describe('provider events', () => {
  it('registration, a grade request and its approval raise events with the provider id', async () => {
    const id = await given.provider(t, { by: 'district', regionCode: COMMUNITY_A1 });
    await t.createUser('events-manager', 'provider_manager', COMMUNITY_A1, id);
    const asked = await post('events-manager', `/api/v1/providers/${id}/change-requests`, {
      changes: { grade: 3, gradedOn: '2026-10-01', gradeBody: '呼和浩特市民政局' },
      reason: '通过三级评定',
    });
    expect(asked.statusCode).toBe(201);
    const requestId = asked.json().id as string;
    expect(
      (await post('district', `/api/v1/provider-change-requests/${requestId}/approve`, {})).statusCode,
    ).toBe(200);

    expect(await eventsOf(id)).toEqual([
      {
        type: 'provider.created',
        entity: 'provider',
        regionCode: COMMUNITY_A1,
        providerId: id,
        payload: { kind: 'home_service', grade: null, version: 1 },
      },
      {
        type: 'provider.graded',
        entity: 'provider',
        regionCode: COMMUNITY_A1,
        providerId: id,
        payload: { kind: 'home_service', grade: 3, previousGrade: null, version: 2 },
      },
    ]);
    expect(await eventsOf(requestId)).toEqual([
      expect.objectContaining({
        type: 'provider_change.created',
        entity: 'provider_change_request',
        providerId: id,
        payload: { providerId: id, fields: ['grade', 'gradedOn', 'gradeBody'] },
      }),
      expect.objectContaining({
        type: 'provider_change.decided',
        entity: 'provider_change_request',
        payload: { providerId: id, fields: ['grade', 'gradedOn', 'gradeBody'], decision: 'approved' },
      }),
    ]);
  });
});
