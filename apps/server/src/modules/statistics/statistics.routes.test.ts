import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { given } from '../../../test/given';
import { createTestApp, DISTRICT, STREET_B, type TestContext } from '../../../test/test-app';

// A database of its own (one per test file), so that the street holds exactly the elders made here.
let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('district', 'civil_affairs', DISTRICT);
  await t.createUser('street-b', 'civil_affairs', STREET_B);
});
afterAll(() => t.close());

const get = (as: string, url: string) => t.call(as, { method: 'GET', url });

describe('level statistics', () => {
  it('counts active elders by level per child region', async () => {
    const agency = await given.agency(t, { by: 'district' });
    await given.assessment(t, { by: 'district', agency, status: 'approved' });
    await given.assessment(t, { by: 'district', agency, status: 'approved', answers: { coma: true } });
    for (let i = 0; i < 5; i++) await given.elder(t, { by: 'district' });

    const stats = (await get('district', `/api/v1/assessments/level-stats?regionCode=${DISTRICT}`)).json();
    const street = stats.rows.find((r: { regionCode: string }) => r.regionCode === '150102001000');
    // One approved at level 0, one at 4; the five others have no approved assessment.
    expect(street.levels).toEqual([1, 0, 0, 0, 1]);
    expect(street.unassessed).toBe(5);
    expect((await get('street-b', `/api/v1/assessments/level-stats?regionCode=${DISTRICT}`)).statusCode).toBe(
      403,
    );
  });
});
