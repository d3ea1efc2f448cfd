import { sql } from 'drizzle-orm';
import { unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';
import {
  ASSESSMENT_ITEMS,
  assessmentValidUntil,
  REGION_SETTINGS,
  scoreAssessment,
  shiftDays,
} from '@yiyang/domain';
import type { Database } from '../platform/db/database';
import { queryRows } from '../platform/db/database';
import { shanghaiDate } from '../platform/time/shanghai-date';
import { needsAssessmentSql } from '../modules/assessments/index';
import { DEMO_ASSESSORS } from './demo-accounts';

export const DEMO_AGENCY = {
  name: '呼和浩特市老年人能力评估中心（演示）',
  creditCode: '91150100MA0YY00010',
  regionCode: '150100000000',
};

/** Share of assessed elders by total score band: most are mildly impaired, few totally. */
const TOTAL_BANDS: [min: number, max: number, weight: number][] = [
  [90, 90, 15],
  [66, 89, 42],
  [46, 65, 23],
  [30, 45, 13],
  [5, 29, 7],
];

/** The demo agency with its five assessors (the demo accounts), created once. */
async function seedDemoAgency(
  database: Database,
): Promise<{ agencyId: string; staff: { id: string; username: string }[] }> {
  const { db } = database;
  await db.execute(sql`insert into assessment_agencies (name, credit_code, region_code, address, phone)
    values (${DEMO_AGENCY.name}, ${DEMO_AGENCY.creditCode}, ${DEMO_AGENCY.regionCode}, '新城区新华大街1号', '0471-6900000')
    on conflict (credit_code) do nothing`);
  const [agency] = await queryRows<{ id: string }>(
    db,
    sql`select id from assessment_agencies where credit_code = ${DEMO_AGENCY.creditCode}`,
  );
  const staff = await queryRows<{ id: string; username: string }>(
    db,
    sql`select id, username from users where username in (${sql.join(
      DEMO_ASSESSORS.map((a) => sql`${a.username}`),
      sql`, `,
    )}) order by username`,
  );
  for (const [i, user] of staff.entries())
    await db.execute(sql`insert into assessors (user_id, agency_id, qualification, certificate_no, reviewer)
      values (${user.id}, ${agency!.id}, '老年人能力评估师', ${`NMG-PG-2024-${String(i + 1).padStart(3, '0')}`},
        ${user.username === 'pg.reviewer'})
      on conflict (user_id) do nothing`);
  return { agencyId: agency!.id, staff };
}

/**
 * Approved GB/T 42195 assessments for a deterministic share of the demo elders who need one
 * (`needsAssessmentSql`, the due list's rule), so that levels, due lists and statistics have data.
 * Items are answered so that the total falls in a realistic band; the level is the domain's.
 */
export async function seedDemoAssessments(
  database: Database,
  options: { seed?: number } = {},
): Promise<number> {
  const { db } = database;
  const { agencyId, staff } = await seedDemoAgency(database);
  const assessors = staff.filter((s) => s.username !== 'pg.reviewer');
  if (assessors.length < 2) return 0;
  const rng = xoroshiro128plus(options.seed ?? 42195);
  const int = (min: number, max: number) => unsafeUniformIntDistribution(min, max, rng);
  const weightSum = TOTAL_BANDS.reduce((s, b) => s + b[2], 0);
  const today = shanghaiDate();
  const months = REGION_SETTINGS['assessment.validityMonths'].default;

  function items(total: number): Record<string, number> {
    const answers = Object.fromEntries(ASSESSMENT_ITEMS.map((i) => [i.code, i.max]));
    for (let excess = 90 - total; excess > 0;) {
      const item = ASSESSMENT_ITEMS[int(0, ASSESSMENT_ITEMS.length - 1)]!;
      if (answers[item.code]! > 0) {
        answers[item.code]!--;
        excess--;
      }
    }
    return answers;
  }
  function total(): number {
    let r = int(0, weightSum * 100 - 1) / 100;
    for (const [min, max, weight] of TOTAL_BANDS) {
      if (r < weight) return int(min, max);
      r -= weight;
    }
    return 90;
  }

  let inserted = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    // Two in three of them have been assessed — chosen by their id, so a second run chooses the
    // same ones; the rest are on the "never assessed" list.
    const elders = await queryRows<{ id: string; region_code: string; dementia_diagnosed: boolean }>(
      db,
      sql`select id, region_code, dementia_diagnosed from elders
        where id > ${after}::uuid and status = 'active' and current_level is null
          and get_byte(decode(md5(id::text), 'hex'), 0) % 3 <> 0
          and ${needsAssessmentSql()}
        order by id limit 5000`,
    );
    if (elders.length === 0) break;
    after = elders[elders.length - 1]!.id;
    const rows = elders.map((e) => {
      const answers = items(total());
      const facts = {
        coma: false,
        dementia: e.dementia_diagnosed,
        mentalDisorder: false,
        careRiskEvents30d: int(0, 9) < 1 ? 2 : 0,
      };
      const score = scoreAssessment({ items: answers, ...facts });
      const assessedOn = shiftDays(today, -int(1, 390));
      const first = int(0, assessors.length - 1);
      const second = (first + int(1, assessors.length - 1)) % assessors.length;
      return {
        elder_id: e.id,
        assessor1_id: assessors[first]!.id,
        assessor2_id: assessors[second]!.id,
        assessed_on: assessedOn,
        items: answers,
        dementia: facts.dementia,
        care_risk_events_30d: facts.careRiskEvents30d,
        dimensions: score.dimensions,
        total: score.total,
        initial_level: score.initialLevel,
        final_level: score.finalLevel,
        adjustments: score.reasons,
        valid_until: assessmentValidUntil(assessedOn, score.finalLevel, months),
      };
    });
    await db.transaction(async (tx) => {
      await tx.execute(sql`with added as (
          insert into assessments (elder_id, agency_id, reason, status, assessor1_id, assessor2_id, place,
            informant, assessed_on, items, dementia, care_risk_events_30d, dimensions, total, initial_level, final_level,
            adjustments, valid_until, created_by, submitted_by, submitted_at, reviewed_by, reviewed_at)
          select elder_id, ${agencyId}, 'first', 'approved', assessor1_id, assessor2_id, '老人家中',
            '{"name":"家属","relation":"子女"}'::jsonb, assessed_on, items, dementia, care_risk_events_30d, dimensions, total,
            initial_level, final_level, adjustments, valid_until, 'demo-generator', 'demo-generator', assessed_on::timestamptz,
            'pg.reviewer', assessed_on::timestamptz
          from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as t(elder_id uuid, assessor1_id uuid,
            assessor2_id uuid, assessed_on date, items jsonb, dementia boolean, care_risk_events_30d smallint, dimensions jsonb,
            total smallint, initial_level smallint, final_level smallint, adjustments jsonb, valid_until date)
          returning id, elder_id, assessed_on, final_level, valid_until
        )
        update elders e set current_level = a.final_level, level_assessed_on = a.assessed_on,
          level_valid_until = a.valid_until, current_assessment_id = a.id
        from added a where e.id = a.elder_id`);
    });
    inserted += rows.length;
  }
  return inserted;
}
