import type { Database } from '../platform/db/database';
import { systemActor } from '../platform/audit/audit-writer';
import { createRegionsService, hohhotDemoRegions } from '../modules/regions/index';
import { createUsersService } from '../modules/users/index';
import { endSessionsOf } from '../modules/auth/index';
import { demoAccountPlan, randomDemoPassword, type DemoAccount } from './demo-accounts';
import type { PiiCipher } from '../platform/crypto/pii-cipher';
import { seedSyntheticElders } from './seed-elders';
import { seedDemoAssessments } from './seed-assessments';
import { demoCaregiverStaff, demoInstitutionId, seedDemoProviders } from './seed-providers';

/** Seeds the administrative division tree of the demo city; existing regions are kept. */
export async function seedDemoRegions(database: Database): Promise<void> {
  await createRegionsService(database.db).insertMany(hohhotDemoRegions());
}

/**
 * The demo city on an empty database: regions, providers with staff and prices, one account per
 * role, synthetic elders and the demo assessment agency with approved assessments for some. Passwords are random
 * unless given (tests, screenshots), and returned so that they can be shown at start.
 */
export async function seedDemo(
  database: Database,
  options: { password?: string; cipher: PiiCipher; elders: number; onProgress?: (done: number) => void },
): Promise<DemoAccount[]> {
  await seedDemoRegions(database);
  const regions = createRegionsService(database.db);
  const users = createUsersService(database.db, regions, endSessionsOf);
  const firstStreet = (await regions.children('150102000000'))[0]!.code;
  const firstCommunity = (await regions.children(firstStreet))[0]!.code;
  await seedDemoProviders(database, options.cipher);
  const institutionId = (await demoInstitutionId(database))!;
  const caregiverStaff = (await demoCaregiverStaff(database, institutionId))!;
  const accounts: DemoAccount[] = [];
  const actor = systemActor('demo-seed');
  for (const plan of demoAccountPlan(firstStreet, firstCommunity, institutionId, caregiverStaff)) {
    const password = options.password ?? randomDemoPassword();
    if (!(await users.findByUsername(plan.username))) {
      await users.create('system', actor, { ...plan, password, providerId: plan.providerId ?? null });
    }
    accounts.push({ ...plan, password });
  }
  if (options.elders > 0)
    await seedSyntheticElders(database, options.cipher, {
      count: options.elders,
      onProgress: options.onProgress,
    });
  await seedDemoAssessments(database);
  return accounts;
}
