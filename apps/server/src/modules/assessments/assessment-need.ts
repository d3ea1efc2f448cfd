import { sql, type SQL } from 'drizzle-orm';
import { CATEGORIES_NEEDING_ASSESSMENT } from '@yiyang/domain';
import { eldersTable as elders } from '../elders/index';

/**
 * The domain's `needsAssessment` as a condition on the elders table, for the due list's "never
 * assessed" query and the demo seeder: both select by this one expression, so the demo's assessed
 * elders and the list of those still waiting are the same group, split in two.
 */
export function needsAssessmentSql(): SQL {
  return sql`(${elders.categories} && array[${sql.join(
    CATEGORIES_NEEDING_ASSESSMENT.map((c) => sql`${c}`),
    sql`, `,
  )}]::text[] or ${elders.dementiaDiagnosed})`;
}
