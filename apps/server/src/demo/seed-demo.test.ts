import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { needsAssessment, scoreAssessment } from '@yiyang/domain';
import { createTestApp, TEST_CIPHER, type TestContext } from '../../test/test-app';
import { queryRows } from '../platform/db/database';
import { seedDemo } from './seed-demo';
import { seedDemoAssessments } from './seed-assessments';

const PASSWORD = 'Demo-password-2026';
let t: TestContext;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.database, { password: PASSWORD, cipher: TEST_CIPHER, elders: 1500 });
});
afterAll(() => t.close());

describe('demo assessments', () => {
  it('give the demo agency its five assessors, so it may start tasks', async () => {
    const cookie = await t.login('pg.assessor', PASSWORD);
    const agencies = await t.app.inject({ url: '/api/v1/assessment-agencies', headers: { cookie } });
    expect(agencies.json()).toEqual([
      expect.objectContaining({ creditCode: '91150100MA0YY00010', activeAssessors: 5, understaffed: false }),
    ]);
  });

  it('are approved assessments whose stored level is the domain’s score of their items', async () => {
    const rows = await queryRows<{
      items: Record<string, number>;
      dementia: boolean;
      care_risk_events_30d: number;
      total: number;
      final_level: number;
      current_level: number;
    }>(
      t.database.db,
      sql`select a.items, a.dementia, a.care_risk_events_30d, a.total, a.final_level, e.current_level
        from assessments a join elders e on e.current_assessment_id = a.id where a.status = 'approved'`,
    );
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) {
      const score = scoreAssessment({
        items: r.items,
        coma: false,
        dementia: r.dementia,
        mentalDisorder: false,
        careRiskEvents30d: r.care_risk_events_30d,
      });
      expect([score.total, score.finalLevel, r.current_level]).toEqual([
        r.total,
        r.final_level,
        r.final_level,
      ]);
    }
    expect(new Set(rows.map((r) => r.final_level)).size).toBeGreaterThanOrEqual(4);
  });

  it('go to elders who need one, and the due list shows exactly those of them still waiting', async () => {
    const elders = await queryRows<{
      id: string;
      categories: string[];
      dementia_diagnosed: boolean;
      current_level: number | null;
    }>(
      t.database.db,
      sql`select id, categories, dementia_diagnosed, current_level from elders where status = 'active'`,
    );
    const needs = (e: (typeof elders)[number]) =>
      needsAssessment({ categories: e.categories, dementiaDiagnosed: e.dementia_diagnosed });
    const assessed = elders.filter((e) => e.current_level !== null);
    const waiting = elders.filter((e) => e.current_level === null && needs(e)).map((e) => e.id);
    expect(assessed.length).toBeGreaterThan(50);
    expect(assessed.filter((e) => !needs(e))).toEqual([]);
    expect(waiting.length).toBeGreaterThan(10);

    const cookie = await t.login('mz.city', PASSWORD);
    const listed: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page = await t.app.inject({
        url: `/api/v1/assessments/due?kind=never&limit=200${cursor ? `&cursor=${cursor}` : ''}`,
        headers: { cookie },
      });
      const body: { items: { elderId: string }[]; nextCursor: string | null } = page.json();
      listed.push(...body.items.map((i) => i.elderId));
      cursor = body.nextCursor;
    }
    expect(listed.sort()).toEqual(waiting.sort());
  });

  it('are not added twice', async () => {
    expect(await seedDemoAssessments(t.database)).toBe(0);
  });
});

describe('demo providers', () => {
  it('fill the three-level network of every county, placed inside its bounds', async () => {
    const [counts] = await queryRows<{ total: number; outside: number }>(
      t.database.db,
      sql`select count(*)::int as total,
          count(*) filter (where not (p.lat between r.min_lat and r.max_lat and p.lng between r.min_lng and r.max_lng))::int as outside
        from providers p join regions r on r.code = substr(p.region_code, 1, 6) || '000000'`,
    );
    expect(counts).toEqual({ total: 9 * (8 * 3 + 4), outside: 0 });
  });

  it('share the map with the elders, who also live inside their county’s bounds', async () => {
    const [elders] = await queryRows<{ outside: number }>(
      t.database.db,
      sql`select count(*) filter (where not (e.lat between r.min_lat and r.max_lat and e.lng between r.min_lng and r.max_lng))::int as outside
        from elders e join regions r on r.code = substr(e.region_code, 1, 6) || '000000'`,
    );
    expect(elders!.outside).toBe(0);
  });

  it('give the demo manager their institution, its staff and prices, and the public a directory', async () => {
    const cookie = await t.login('fw.manager', PASSWORD);
    const mine = (await t.app.inject({ url: '/api/v1/providers', headers: { cookie } })).json().items;
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: 'institution', filingStatus: 'filed' });
    const staff = (
      await t.app.inject({ url: `/api/v1/providers/${mine[0].id}/staff`, headers: { cookie } })
    ).json();
    expect(staff.length).toBeGreaterThanOrEqual(4);
    expect(staff[0].idNumber).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    const services = (
      await t.app.inject({ url: `/api/v1/providers/${mine[0].id}/services`, headers: { cookie } })
    ).json();
    expect(services.every((s: { referencePriceFen: number | null }) => s.referencePriceFen !== null)).toBe(
      true,
    );
    const open = (await t.app.inject({ url: '/api/v1/public/providers?kind=canteen&limit=200' })).json();
    expect(open.items).toHaveLength(72);
  });

  it('link the demo caregiver to their own staff record at the institution', async () => {
    const cookie = await t.login('fw.caregiver', PASSWORD);
    const me = (await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).json();
    const staff = (
      await t.app.inject({ url: `/api/v1/providers/${me.providerId}/staff`, headers: { cookie } })
    ).json();
    const own = staff.find((s: { id: string }) => s.id === me.staffId);
    expect(own).toMatchObject({ role: 'caregiver' });
    expect(me.displayName).toBe(`养老护理员 ${own.name}`);
  });
});
