import { sql } from 'drizzle-orm';
import { maskIdNumber, maskPhone, type ElderCategory, type LivingArrangement } from '@yiyang/domain';
import { queryRows, type Db } from '../../platform/db/database';
import type { PiiCipher } from '../../platform/crypto/pii-cipher';

/** One elder to insert in bulk, in clear: encryption happens here. */
export interface NewElder {
  idNumber: string;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  phone: string | null;
  hukouRegionCode: string;
  regionCode: string;
  address: string;
  lat: number | null;
  lng: number | null;
  livingArrangement: LivingArrangement;
  categories: ElderCategory[];
  disabilityGrade: number | null;
  chronicConditions?: string[];
  dementiaDiagnosed?: boolean;
  familyDoctorSigned?: boolean;
  familyDoctorInstitution?: string | null;
  contacts: { name: string; relation: string; phone: string; guardian: boolean }[];
  notes?: string | null;
  survivalCheckedOn?: string | null;
}

/** A batch of elders encrypted and serialised for {@link insertEncryptedElders}; holds no clear PII. */
export interface EncryptedElders {
  readonly count: number;
  readonly json: string;
}

/** The CPU-bound half of a bulk insert, kept apart so it can overlap with the database's half. */
export function encryptElders(cipher: PiiCipher, elders: NewElder[]): EncryptedElders {
  const rows = elders.map((e) => ({
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
    chronic_conditions: e.chronicConditions ?? [],
    dementia_diagnosed: e.dementiaDiagnosed ?? false,
    family_doctor_signed: e.familyDoctorSigned ?? false,
    family_doctor_institution: e.familyDoctorInstitution ?? null,
    contacts: e.contacts.map((c) => ({
      name: c.name,
      relation: c.relation,
      phoneEnc: cipher.encrypt(c.phone),
      phoneMasked: maskPhone(c.phone),
      guardian: c.guardian,
    })),
    notes: e.notes ?? null,
    survival_checked_on: e.survivalCheckedOn ?? null,
  }));
  return { count: rows.length, json: JSON.stringify(rows) };
}

/** Encrypts and inserts a batch of elders; see {@link insertEncryptedElders}. */
export async function insertEldersBatch(
  db: Db,
  cipher: PiiCipher,
  elders: NewElder[],
  changedBy: string,
  options: { snapshot?: boolean } = {},
): Promise<number> {
  return insertEncryptedElders(db, encryptElders(cipher, elders), changedBy, options);
}

/**
 * Inserts many elders in one set-based statement (the same SQL on PGlite and PostgreSQL), with
 * their first version: a snapshot of the record, or — for generated demo data, where the cost
 * matters at a million rows — only a marker. An identity number already registered is skipped,
 * so a batch can be sent again safely. Returns how many were inserted.
 */
export async function insertEncryptedElders(
  db: Db,
  batch: EncryptedElders,
  changedBy: string,
  options: { snapshot?: boolean } = {},
): Promise<number> {
  if (batch.count === 0) return 0;
  const [result] = await queryRows<{ n: number }>(
    db,
    sql`with added as (
      insert into elders (id_number_enc, id_number_index, id_number_masked, name, sex, birth_date, phone_enc, phone_masked,
        hukou_region_code, region_code, address, lat, lng, living_arrangement, categories, disability_grade, chronic_conditions,
        dementia_diagnosed, family_doctor_signed, family_doctor_institution, contacts, notes, survival_checked_on)
      select id_number_enc, id_number_index, id_number_masked, name, sex, birth_date, phone_enc, phone_masked,
        hukou_region_code, region_code, address, lat, lng, living_arrangement,
        array(select jsonb_array_elements_text(categories)), disability_grade, array(select jsonb_array_elements_text(chronic_conditions)),
        dementia_diagnosed, family_doctor_signed, family_doctor_institution, contacts, notes, survival_checked_on
      from jsonb_to_recordset(${batch.json}::jsonb) as t(id_number_enc text, id_number_index text, id_number_masked text,
        name text, sex text, birth_date date, phone_enc text, phone_masked text, hukou_region_code text, region_code text,
        address text, lat float8, lng float8, living_arrangement text, categories jsonb, disability_grade smallint,
        chronic_conditions jsonb, dementia_diagnosed boolean, family_doctor_signed boolean, family_doctor_institution text,
        contacts jsonb, notes text, survival_checked_on date)
      on conflict (id_number_index) do nothing
      returning id, ${
        options.snapshot === false
          ? sql`jsonb_build_object('generated', true)`
          : sql`to_jsonb(elders) - 'id_number_enc' - 'id_number_index' - 'phone_enc'`
      } as after
    ), versions as (
      insert into elder_versions (elder_id, version, changed_by, after) select id, 1, ${changedBy}, after from added
    )
    select count(*)::int as n from added`,
  );
  return result?.n ?? 0;
}
