import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../../../test/test-app';

let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('regions API', () => {
  it('lists the top of the tree and the nine county-level divisions of Hohhot', async () => {
    const top = await t.app.inject({ method: 'GET', url: '/api/v1/regions' });
    expect(top.json().items).toEqual([
      {
        code: '150000000000',
        name: '内蒙古自治区',
        level: 'province',
        parentCode: null,
        demo: false,
        childCount: 1,
      },
    ]);
    const counties = await t.app.inject({ method: 'GET', url: '/api/v1/regions?parent=150100000000' });
    const items = counties.json().items;
    expect(items).toHaveLength(9);
    expect(items[0]).toMatchObject({
      code: '150102000000',
      name: '新城区',
      level: 'county',
      childCount: 8,
      demo: false,
    });
  });

  it('returns a subtree a given number of levels deep', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/regions/tree?root=150102000000&depth=2' });
    expect(res.statusCode).toBe(200);
    const tree = res.json();
    expect(tree.name).toBe('新城区');
    expect(tree.children).toHaveLength(8);
    expect(tree.children[0].children).toHaveLength(8);
    expect(tree.children[0].children[0]).toMatchObject({ level: 'community', demo: true, children: [] });
    const shallow = await t.app.inject({
      method: 'GET',
      url: '/api/v1/regions/tree?root=150100000000&depth=1',
    });
    expect(shallow.json().children.every((c: { children: unknown[] }) => c.children.length === 0)).toBe(true);
  });

  it('answers an unknown region with 404 and a malformed code with 400', async () => {
    const unknown = await t.app.inject({ method: 'GET', url: '/api/v1/regions/150199000000' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('REGION_NOT_FOUND');
    const malformed = await t.app.inject({ method: 'GET', url: '/api/v1/regions?parent=15x' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.details[0].field).toBe('querystring.parent');
  });
});
