import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db/database';
import { queryRows } from '../platform/db/database';
import type { PiiCipher } from '../platform/crypto/pii-cipher';
import { shanghaiDate } from '../platform/time/shanghai-date';
import { insertEldersBatch } from '../modules/elders/index';
import { createElderGenerator, type Community } from './synthetic-elders';

/**
 * Inserts `count` synthetic elders into the demo communities, batch by batch; the next batch is
 * generated and encrypted while the database inserts the previous one. An identity number
 * already present is skipped.
 */
export async function seedSyntheticElders(
  database: Database,
  cipher: PiiCipher,
  options: { count: number; seed?: number; batchSize?: number; onProgress?: (done: number) => void },
): Promise<number> {
  const communities = await queryRows<Community>(
    database.db,
    sql`select code, name from regions where level = 'community' order by code`,
  );
  if (communities.length === 0) throw new Error('no communities: seed the demo regions first');
  const next = createElderGenerator(options.seed ?? 2019, communities, shanghaiDate());
  const batchSize = options.batchSize ?? 5000;
  let inserted = 0;
  let pending: { promise: Promise<number>; upTo: number } | null = null;
  for (let done = 0; done < options.count;) {
    const size = Math.min(batchSize, options.count - done);
    const batch = Array.from({ length: size }, next);
    done += size;
    if (pending) {
      inserted += await pending.promise;
      options.onProgress?.(pending.upTo);
    }
    pending = {
      promise: insertEldersBatch(database.db, cipher, batch, 'demo-generator', { snapshot: false }),
      upTo: done,
    };
  }
  if (pending) {
    inserted += await pending.promise;
    options.onProgress?.(pending.upTo);
  }
  return inserted;
}
