import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database';
import { providerStaff } from './providers.tables';

/**
 * What other modules may know of a provider's staff without the providers module's scope rules:
 * the caller checks the provider first (the users module, linking a caregiver account).
 */
export async function staffNamesOf(db: Db, providerId: string): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: providerStaff.id, name: providerStaff.name })
    .from(providerStaff)
    .where(eq(providerStaff.providerId, providerId))
    .orderBy(asc(providerStaff.name), asc(providerStaff.id));
}

/** Which provider a staff record belongs to; null when there is no such record. */
export async function providerOfStaff(db: Db, staffId: string): Promise<string | null> {
  const [row] = await db
    .select({ providerId: providerStaff.providerId })
    .from(providerStaff)
    .where(eq(providerStaff.id, staffId));
  return row?.providerId ?? null;
}
