import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shiftDays } from '@yiyang/domain';
import { given } from '../../../test/given';
import { COMMUNITY_A1, createTestApp, DISTRICT, STREET_A, type TestContext } from '../../../test/test-app';
import { shanghaiDate } from '../../platform/time/shanghai-date';

const today = shanghaiDate();
/** The date `days` after today, a year back: checked then, the elder falls due `days` from today. */
const checkedFor = (days: number) => {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() - 1);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

let t: TestContext;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('worker', 'community_worker', COMMUNITY_A1);
  await t.createUser('street', 'civil_affairs', STREET_A);
  for (const [key, days] of [
    ['due', 10],
    ['overdue', -10],
    ['flagged', -40],
    ['fresh', null],
  ] as const) {
    ids[key] = await given.elder(t, { by: 'worker', name: `老人${key}`, address: '胜利路1号' });
    if (days !== null) {
      const check = await t.call('worker', {
        method: 'POST',
        url: `/api/v1/elders/${ids[key]}/survival-checks`,
        payload: { method: 'home_visit', checkedOn: checkedFor(days), result: 'alive' },
      });
      expect(check.statusCode).toBe(201);
    }
  }
});
afterAll(() => t.close());

const names = async (state: string, extra = '') =>
  (await t.call('street', { method: 'GET', url: `/api/v1/survival-checks/due?state=${state}${extra}` }))
    .json()
    .items.map((i: { name: string }) => i.name);

/** The flagged elder seen today, which takes them off every list. */
const checkFlaggedToday = () =>
  t.call('worker', {
    method: 'POST',
    url: `/api/v1/elders/${ids.flagged}/survival-checks`,
    payload: { method: 'face', checkedOn: today, result: 'alive' },
  });

describe('survival checks', () => {
  it('sorts elders into due, overdue (within the 30-day grace) and flagged', async () => {
    expect(await names('due')).toEqual(['老人due']);
    expect(await names('overdue')).toEqual(['老人overdue']);
    expect(await names('flagged')).toEqual(['老人flagged']);
    expect(await names('due', '&withinDays=5')).toEqual([]);
  });

  it('a new check restarts the interval', async () => {
    await checkFlaggedToday();
    expect(await names('flagged')).toEqual([]);
    const history = await t.call('worker', {
      method: 'GET',
      url: `/api/v1/elders/${ids.flagged}/survival-checks`,
    });
    expect(history.json().items.map((c: { method: string }) => c.method)).toEqual(['face', 'home_visit']);
  });

  it('follows the region’s own interval and grace period', async () => {
    await checkFlaggedToday();
    const set = await t.call('street', {
      method: 'PUT',
      url: `/api/v1/region-settings/${STREET_A}/survival.graceDays`,
      payload: { value: 5, version: 0 },
    });
    expect(set.statusCode).toBe(200);
    expect(set.json().settings).toContainEqual({
      key: 'survival.graceDays',
      value: 5,
      setAt: STREET_A,
      version: 1,
    });
    // Ten days past due is beyond a five-day grace.
    expect(await names('overdue')).toEqual([]);
    expect(await names('flagged')).toEqual(['老人overdue']);
    const effective = await t.call('worker', {
      method: 'GET',
      url: `/api/v1/region-settings/${COMMUNITY_A1}`,
    });
    expect(effective.json().settings).toEqual([
      { key: 'survival.intervalMonths', value: 12, setAt: null, version: 0 },
      { key: 'survival.graceDays', value: 5, setAt: STREET_A, version: 0 },
      { key: 'assessment.validityMonths', value: 12, setAt: null, version: 0 },
    ]);
  });

  it('refuses settings out of range, out of scope, or without the permission', async () => {
    const range = await t.call('street', {
      method: 'PUT',
      url: `/api/v1/region-settings/${STREET_A}/survival.intervalMonths`,
      payload: { value: 99, version: 0 },
    });
    expect(range.json().error).toMatchObject({ code: 'SETTING_OUT_OF_RANGE', details: { min: 1, max: 36 } });
    const scope = await t.call('street', {
      method: 'PUT',
      url: `/api/v1/region-settings/${DISTRICT}/survival.intervalMonths`,
      payload: { value: 6, version: 0 },
    });
    expect(scope.statusCode).toBe(403);
    const worker = await t.call('worker', {
      method: 'PUT',
      url: `/api/v1/region-settings/${COMMUNITY_A1}/survival.intervalMonths`,
      payload: { value: 6, version: 0 },
    });
    expect(worker.statusCode).toBe(403);
  });

  it('a check that finds the elder deceased asks for approval of the status change', async () => {
    const bad = await t.call('worker', {
      method: 'POST',
      url: `/api/v1/elders/${ids.fresh}/survival-checks`,
      payload: { method: 'home_visit', checkedOn: today, result: 'deceased' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].field).toBe('body.deathDate');
    const res = await t.call('worker', {
      method: 'POST',
      url: `/api/v1/elders/${ids.fresh}/survival-checks`,
      payload: { method: 'home_visit', checkedOn: today, result: 'deceased', deathDate: today },
    });
    expect(res.statusCode).toBe(201);
    const requests = await t.call('street', {
      method: 'GET',
      url: `/api/v1/elder-change-requests?elderId=${ids.fresh}`,
    });
    expect(requests.json().items[0]).toMatchObject({
      status: 'pending',
      changes: { status: 'deceased', statusDate: today },
    });
    const future = await t.call('worker', {
      method: 'POST',
      url: `/api/v1/elders/${ids.due}/survival-checks`,
      payload: { method: 'face', checkedOn: '2100-01-01', result: 'alive' },
    });
    expect(future.json().error.code).toBe('ELDER_SURVIVAL_DATE_FUTURE');
  });

  describe('a death found is one write with its status change request', () => {
    const checks = async (id: string) =>
      (await t.call('worker', { method: 'GET', url: `/api/v1/elders/${id}/survival-checks` })).json().items;

    it('a refused request (one already pending) leaves no check behind', async () => {
      const id = await given.elder(t, { by: 'worker' });
      const pending = await t.call('worker', {
        method: 'POST',
        url: `/api/v1/elders/${id}/change-requests`,
        payload: { changes: { categories: ['low_income'] }, reason: '低保认定' },
      });
      expect(pending.statusCode).toBe(201);
      const res = await t.call('worker', {
        method: 'POST',
        url: `/api/v1/elders/${id}/survival-checks`,
        payload: { method: 'home_visit', checkedOn: today, result: 'deceased', deathDate: today },
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('ELDER_CHANGE_PENDING');
      expect(await checks(id)).toEqual([]);
    });

    it('a change request the database refuses leaves no check behind', async () => {
      const id = await given.elder(t, { by: 'worker' });
      const undo = await t.refuseWrites('elder_change_requests', `new.elder_id = '${id}'`);
      try {
        const res = await t.call('worker', {
          method: 'POST',
          url: `/api/v1/elders/${id}/survival-checks`,
          payload: { method: 'home_visit', checkedOn: today, result: 'deceased', deathDate: today },
        });
        expect(res.statusCode).toBe(500);
      } finally {
        await undo();
      }
      expect(await checks(id)).toEqual([]);
    });

    it('a refused request (death date in the future) leaves no check behind', async () => {
      const id = await given.elder(t, { by: 'worker' });
      const res = await t.call('worker', {
        method: 'POST',
        url: `/api/v1/elders/${id}/survival-checks`,
        payload: {
          method: 'home_visit',
          checkedOn: today,
          result: 'deceased',
          deathDate: shiftDays(today, 10),
        },
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('ELDER_STATUS_DATE_REQUIRED');
      expect(await checks(id)).toEqual([]);
    });
  });
});
