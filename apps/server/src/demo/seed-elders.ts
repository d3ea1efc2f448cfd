import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db/database';
import { queryRows } from '../platform/db/database';
import type { PiiCipher } from '../platform/crypto/pii-cipher';
import { shanghaiDate } from '../platform/time/shanghai-date';
import { encryptElders, insertEncryptedElders } from '../modules/elders/index';
import { createElderGenerator, type Community } from './synthetic-elders';

/**
 * Inserts `count` synthetic elders into the demo communities, batch by batch. The next batch is
 * generated and encrypted (CPU, this thread) while the database inserts the previous one, so the
 * two halves overlap instead of taking turns. An identity number already present is skipped.
 */
export async function seedSyntheticElders(
  database: Database,
  cipher: PiiCipher,
  options: { count: number; seed?: number; batchSize?: number; onProgress?: (done: number) => void },
): Promise<number> {
  const rows = await queryRows<{
    code: string;
    name: string;
    min_lat: number | null;
    max_lat: number;
    min_lng: number;
    max_lng: number;
  }>(
    database.db,
    sql`select c.code, c.name, k.min_lat, k.max_lat, k.min_lng, k.max_lng from regions c
      left join regions k on k.code = substr(c.code, 1, 6) || '000000'
      where c.level = 'community' order by c.code`,
  );
  const communities: Community[] = rows.map((r) => ({
    code: r.code,
    name: r.name,
    ...(r.min_lat === null
      ? {}
      : { bounds: { minLat: r.min_lat, maxLat: r.max_lat, minLng: r.min_lng, maxLng: r.max_lng } }),
  }));
  if (communities.length === 0) throw new Error('no communities: seed the demo regions first');
  const next = createElderGenerator(options.seed ?? 2019, communities, shanghaiDate());
  const batchSize = options.batchSize ?? 5000;
  let inserted = 0;
  let pending: { promise: Promise<number>; upTo: number } | null = null;
  const settle = async () => {
    if (!pending) return;
    inserted += await pending.promise;
    options.onProgress?.(pending.upTo);
    pending = null;
  };
  for (let done = 0; done < options.count;) {
    const size = Math.min(batchSize, options.count - done);
    const encrypted = encryptElders(cipher, Array.from({ length: size }, next));
    done += size;
    await settle();
    pending = {
      promise: database.db.transaction(async (tx) => {
        // Generated data can be generated again: no need to wait for each commit to reach the disk.
        await tx.execute(sql`set local synchronous_commit = off`);
        return insertEncryptedElders(tx, encrypted, 'demo-generator', { snapshot: false });
      }),
      upTo: done,
    };
  }
  await settle();
  return inserted;
}
