import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { elders } from './elders.tables';

/**
 * Makes an approved capability assessment the elder's current level (called by the assessments
 * module inside its approval transaction). An assessment made before the current one does not
 * replace it.
 */
export async function recordElderLevel(
  tx: Db,
  elderId: string,
  level: { level: number; assessedOn: string; validUntil: string | null; assessmentId: string },
): Promise<boolean> {
  const [current] = await tx
    .select({ assessedOn: elders.levelAssessedOn })
    .from(elders)
    .where(eq(elders.id, elderId))
    .for('update');
  if (current?.assessedOn && current.assessedOn > level.assessedOn) return false;
  await tx
    .update(elders)
    .set({
      currentLevel: level.level,
      levelAssessedOn: level.assessedOn,
      levelValidUntil: level.validUntil,
      currentAssessmentId: level.assessmentId,
    })
    .where(eq(elders.id, elderId));
  return true;
}
