import { sql } from 'drizzle-orm';
import { maskIdNumber, maskPhone } from '@yiyang/domain';
import type { Database } from '../platform/db/database';
import { queryRows } from '../platform/db/database';
import type { PiiCipher } from '../platform/crypto/pii-cipher';
import { shanghaiDate } from '../platform/time/shanghai-date';
import { createElderGenerator, type Community } from './synthetic-elders';

/**
 * Inserts `count` synthetic elders into the demo communities, in batches of one set-based
 * statement each (the same SQL on PGlite and PostgreSQL). Identity numbers and phones are
 * encrypted as for real records; an identity number already present is skipped.
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
  const build = (size: number) =>
    Array.from({ length: size }, () => {
      const e = next();
      return {
        id_number_enc: cipher.encrypt(e.idNumber),
        id_number_index: cipher.blindIndex(e.idNumber),
        id_number_masked: maskIdNumber(e.idNumber),
        name: e.name,
        sex: e.sex,
        birth_date: e.birthDate,
        phone_enc: e.phone ? cipher.encrypt(e.phone) : null,
        phone_masked: e.phone ? maskPhone(e.phone) : null,
        hukou_region_code: e.hukouRegionCode,
        region_code: e.regionCode,
        address: e.address,
        lat: e.lat,
        lng: e.lng,
        living_arrangement: e.livingArrangement,
        categories: e.categories,
        disability_grade: e.disabilityGrade,
        contacts: e.contacts.map((c) => ({
          name: c.name,
          relation: c.relation,
          phoneEnc: cipher.encrypt(c.phone),
          phoneMasked: maskPhone(c.phone),
          guardian: c.guardian,
        })),
        survival_checked_on: e.survivalCheckedOn,
      };
    });
  const insert = async (batch: ReturnType<typeof build>) => {
    const rows = await queryRows<{ n: number }>(
      database.db,
      sql`with added as (
        insert into elders (id_number_enc, id_number_index, id_number_masked, name, sex, birth_date, phone_enc, phone_masked,
          hukou_region_code, region_code, address, lat, lng, living_arrangement, categories, disability_grade, contacts, survival_checked_on)
        select id_number_enc, id_number_index, id_number_masked, name, sex, birth_date, phone_enc, phone_masked,
          hukou_region_code, region_code, address, lat, lng, living_arrangement,
          array(select jsonb_array_elements_text(categories)), disability_grade, contacts, survival_checked_on
        from jsonb_to_recordset(${JSON.stringify(batch)}::jsonb) as t(id_number_enc text, id_number_index text, id_number_masked text,
          name text, sex text, birth_date date, phone_enc text, phone_masked text, hukou_region_code text, region_code text,
          address text, lat float8, lng float8, living_arrangement text, categories jsonb, disability_grade smallint,
          contacts jsonb, survival_checked_on date)
        on conflict (id_number_index) do nothing
        returning id, to_jsonb(elders) - 'id_number_enc' - 'id_number_index' - 'phone_enc' as after
      ), versions as (
        insert into elder_versions (elder_id, version, changed_by, after) select id, 1, 'demo-generator', after from added
      )
      select count(*)::int as n from added`,
    );
    return rows[0]?.n ?? 0;
  };

  // The next batch is generated and encrypted while the database inserts the previous one.
  let inserted = 0;
  let pending: { promise: Promise<number>; upTo: number } | null = null;
  for (let done = 0; done < options.count;) {
    const size = Math.min(batchSize, options.count - done);
    const batch = build(size);
    done += size;
    if (pending) {
      inserted += await pending.promise;
      options.onProgress?.(pending.upTo);
    }
    pending = { promise: insert(batch), upTo: done };
  }
  if (pending) {
    inserted += await pending.promise;
    options.onProgress?.(pending.upTo);
  }
  return inserted;
}
