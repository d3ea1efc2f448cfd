import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseResidentId } from '@yiyang/domain';
import { CITY, createTestApp, TEST_CIPHER, type TestContext } from '../../test/test-app';
import { shanghaiDate } from '../platform/time/shanghai-date';
import { seedSyntheticElders } from './seed-elders';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  await t.createUser('city', 'civil_affairs', CITY);
});
afterAll(() => t.close());

describe('seedSyntheticElders', () => {
  it('inserts real, encrypted, versioned records that the API lists and reveals', async () => {
    const progress: number[] = [];
    const added = await seedSyntheticElders(t.database, TEST_CIPHER, {
      count: 1200,
      seed: 3,
      batchSize: 500,
      onProgress: (n) => progress.push(n),
    });
    expect(added).toBe(1200);
    expect(progress).toEqual([500, 1000, 1200]);

    const list = await t.call('city', { method: 'GET', url: '/api/v1/elders?limit=5' });
    const first = list.json().items[0];
    expect(first.idNumber).toMatch(/^1501\*{10}[\dX]{4}$/);
    const reveal = await t.call('city', { method: 'POST', url: `/api/v1/elders/${first.id}/reveal` });
    expect(parseResidentId(reveal.json().idNumber, shanghaiDate()).ok).toBe(true);
    const history = await t.call('city', { method: 'GET', url: `/api/v1/elders/${first.id}/history` });
    expect(history.json().items).toHaveLength(1);
    expect(history.json().items[0].changedBy).toBe('demo-generator');
  });

  it('skips people already present when run again with the same seed', async () => {
    await seedSyntheticElders(t.database, TEST_CIPHER, { count: 1200, seed: 3, batchSize: 500 });
    expect(await seedSyntheticElders(t.database, TEST_CIPHER, { count: 1200, seed: 3, batchSize: 500 })).toBe(
      0,
    );
  });
});
