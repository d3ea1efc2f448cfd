import { eq } from 'drizzle-orm';
import { isWithinScope } from '@yiyang/domain';
import type { Db } from '../../platform/db/database';
import type { SessionUser } from '../../platform/auth/session-user';
import { assessmentAgencies, assessors } from './assessments.tables';

/** The deeper of two nested regions; null when neither contains the other. */
function narrower(a: string, b: string): string | null {
  if (isWithinScope(b, a)) return b;
  if (isWithinScope(a, b)) return a;
  return null;
}

/**
 * An assessor reads what their work needs: the elders of their agency's service area (within
 * their account's region), not everyone in the account's region. An assessor who is on no
 * agency's active staff has no work, and so no data permissions.
 */
export function createAssessorScope(db: Db) {
  return async (user: SessionUser): Promise<SessionUser> => {
    if (user.role !== 'assessor') return user;
    const [member] = await db
      .select({ active: assessors.active, area: assessmentAgencies.regionCode })
      .from(assessors)
      .innerJoin(assessmentAgencies, eq(assessmentAgencies.id, assessors.agencyId))
      .where(eq(assessors.userId, user.id));
    const area = member?.active ? narrower(user.regionCode, member.area) : null;
    return area ? { ...user, regionCode: area } : { ...user, permissions: [] };
  };
}
