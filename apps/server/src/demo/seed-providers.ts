import { sql } from 'drizzle-orm';
import { unsafeUniformIntDistribution, xoroshiro128plus } from 'pure-rand';
import {
  checkCharacter,
  creditCodeCheckCharacter,
  maskIdNumber,
  maskPhone,
  SERVICE_ITEMS,
  type ProviderKind,
  shiftDays,
} from '@yiyang/domain';
import type { Database } from '../platform/db/database';
import { queryRows } from '../platform/db/database';
import type { PiiCipher } from '../platform/crypto/pii-cipher';
import { shanghaiDate } from '../platform/time/shanghai-date';
import { SURNAMES } from './synthetic-elders';

/** City reference prices (fen) of the demo, labelled as examples in the docs. */
const REFERENCE_PRICES: Record<string, number> = {
  meal_breakfast: 500,
  meal_lunch: 1200,
  meal_dinner: 1000,
  meal_delivery: 300,
  cleaning: 4000,
  bathing: 6000,
  walking_aid: 3000,
  personal_care: 4500,
  rehab_care: 8000,
  respite_day: 12000,
  respite_week: 10000,
  respite_month: 9000,
  medical_escort: 5000,
  health_check: 2000,
  capability_assessment: 20000,
  emergency_aid: 3000,
  home_visit: 2000,
  companionship: 2500,
  errands: 2000,
  carer_training: 3000,
  home_adaptation: 300000,
};

const OFFERS: Record<ProviderKind, string[]> = {
  institution: [
    'personal_care',
    'rehab_care',
    'respite_day',
    'respite_week',
    'respite_month',
    'health_check',
  ],
  street_center: ['meal_lunch', 'bathing', 'respite_day', 'health_check', 'carer_training', 'home_visit'],
  day_care: ['meal_lunch', 'respite_day', 'companionship', 'health_check'],
  community_station: ['meal_lunch', 'cleaning', 'home_visit', 'errands', 'companionship'],
  care_point: ['companionship', 'home_visit'],
  rural_mutual_aid: ['meal_lunch', 'companionship', 'home_visit'],
  home_service: [
    'cleaning',
    'bathing',
    'walking_aid',
    'personal_care',
    'medical_escort',
    'emergency_aid',
    'home_adaptation',
  ],
  canteen: ['meal_breakfast', 'meal_lunch', 'meal_dinner', 'meal_delivery'],
  medical: ['health_check', 'rehab_care', 'medical_escort'],
};

/**
 * The demo city's supply side, deterministic: per street a centre (town: a rural mutual-aid home),
 * a community station and a canteen; per county two graded institutions with beds and staff, a
 * home-service company and a contracted clinic; city reference prices and a purchase list.
 * Marked as demo by name. Runs once: does nothing if providers exist.
 */
export async function seedDemoProviders(database: Database, cipher: PiiCipher): Promise<void> {
  const { db } = database;
  const [existing] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from providers`);
  if (existing!.n > 0) return;
  const rng = xoroshiro128plus(43153);
  const int = (min: number, max: number) => unsafeUniformIntDistribution(min, max, rng);
  const pick = <T>(items: readonly T[]) => items[int(0, items.length - 1)] as T;
  const today = shanghaiDate();
  let serial = 0;
  const creditCode = () => {
    const first17 =
      `5215010${String(++serial).padStart(4, '0')}MJY${String(serial % 1000).padStart(3, '0')}`.slice(0, 17);
    return first17 + creditCodeCheckCharacter(first17);
  };
  const counties = await queryRows<{
    code: string;
    name: string;
    min_lat: number;
    max_lat: number;
    min_lng: number;
    max_lng: number;
  }>(
    db,
    sql`select code, name, min_lat, max_lat, min_lng, max_lng from regions where level = 'county' and min_lat is not null order by code`,
  );
  const streets = await queryRows<{ code: string; name: string; parent_code: string }>(
    db,
    sql`select code, name, parent_code from regions where level = 'street' order by code`,
  );
  const communities = await queryRows<{ code: string; name: string; parent_code: string }>(
    db,
    sql`select code, name, parent_code from regions where level = 'community' order by code`,
  );

  type Row = Record<string, unknown> & { kind: ProviderKind; name: string };
  const rows: Row[] = [];
  const place = (county: (typeof counties)[number]) => {
    // Inside the county's box, away from its edges.
    const lat = county.min_lat + ((county.max_lat - county.min_lat) * int(200, 800)) / 1000;
    const lng = county.min_lng + ((county.max_lng - county.min_lng) * int(200, 800)) / 1000;
    return { lat: Math.round(lat * 1e6) / 1e6, lng: Math.round(lng * 1e6) / 1e6 };
  };
  const provider = (
    kind: ProviderKind,
    name: string,
    regionCode: string,
    county: (typeof counties)[number],
    extra: object = {},
  ): Row => ({
    kind,
    name,
    ownership: pick(['public', 'public_private', 'private_nonprofit', 'private_forprofit']),
    credit_code: creditCode(),
    legal_representative: pick(SURNAMES) + pick(['建华', '志强', '秀梅', '丽娟', '国庆', '海燕']),
    region_code: regionCode,
    address: `${pick(['新华', '中山', '昭君', '大学', '兴安'])}路${int(1, 300)}号`,
    ...place(county),
    service_radius_m: 1500,
    opening_hours: '08:00-18:00',
    phone: `0471-${int(3_000_000, 6_999_999)}`,
    filing_status: 'filed',
    filed_on: shiftDays(today, -int(60, 1500)),
    grade: null,
    beds_total: 0,
    beds_nursing: 0,
    beds_occupied: 0,
    operating_status: 'operating',
    ...extra,
  });
  for (const county of counties) {
    const urban = county.code < '150120000000';
    for (const street of streets.filter((s) => s.parent_code === county.code)) {
      const first = communities.find((c) => c.parent_code === street.code)!;
      rows.push(
        urban
          ? provider('street_center', `${street.name}综合养老服务中心（演示）`, street.code, county, {
              beds_total: 20,
              beds_nursing: 10,
              beds_occupied: int(5, 18),
            })
          : provider('rural_mutual_aid', `${street.name}互助幸福院（演示）`, street.code, county),
        provider('community_station', `${first.name}养老服务站（演示）`, first.code, county),
        provider('canteen', `${first.name}老年助餐点（演示）`, first.code, county, {
          opening_hours: '07:00-19:00',
        }),
      );
    }
    for (const n of [1, 2]) {
      const total = int(80, 300);
      const occupied = int(Math.floor(total * 0.5), total);
      rows.push(
        provider(
          'institution',
          `${county.name}第${n === 1 ? '一' : '二'}颐养院（演示）`,
          county.code,
          county,
          {
            beds_total: total,
            beds_nursing: int(Math.floor(total * 0.5), total),
            beds_occupied: occupied,
            grade: int(2, 5),
            graded_on: shiftDays(today, -int(30, 700)),
            grade_body: '呼和浩特市民政局',
            opening_hours: '全天',
          },
        ),
      );
    }
    rows.push(
      provider('home_service', `${county.name}居家养老服务有限公司（演示）`, county.code, county, {
        ownership: 'private_forprofit',
      }),
      provider('medical', `${county.name}社区卫生服务中心（演示）`, county.code, county, {
        ownership: 'public',
      }),
    );
  }

  const inserted = await queryRows<{ id: string; kind: ProviderKind; region_code: string }>(
    db,
    sql`insert into providers (name, kind, ownership, credit_code, legal_representative, region_code, address, lat, lng,
        service_radius_m, opening_hours, phone, filing_status, filed_on, grade, graded_on, grade_body, beds_total, beds_nursing,
        beds_occupied, operating_status)
      select name, kind, ownership, credit_code, legal_representative, region_code, address, lat, lng, service_radius_m,
        opening_hours, phone, filing_status, filed_on, grade, graded_on, grade_body, beds_total, beds_nursing, beds_occupied,
        operating_status
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as t(name text, kind text, ownership text, credit_code text,
        legal_representative text, region_code text, address text, lat float8, lng float8, service_radius_m int,
        opening_hours text, phone text, filing_status text, filed_on date, grade smallint, graded_on date, grade_body text,
        beds_total int, beds_nursing int, beds_occupied int, operating_status text)
      returning id, kind, region_code`,
  );

  const services = inserted.flatMap((p) =>
    OFFERS[p.kind].map((item) => ({
      provider_id: p.id,
      item_code: item,
      price_fen: Math.round((REFERENCE_PRICES[item]! * int(85, 110)) / 100),
    })),
  );
  await db.execute(sql`insert into provider_services (provider_id, item_code, price_fen)
    select provider_id, item_code, price_fen from jsonb_to_recordset(${JSON.stringify(services)}::jsonb)
      as t(provider_id uuid, item_code text, price_fen int)`);
  for (const item of SERVICE_ITEMS)
    await db.execute(sql`insert into service_reference_prices (region_code, item_code, price_fen, updated_by)
      values ('150100000000', ${item.code}, ${REFERENCE_PRICES[item.code] ?? 0}, 'demo-seed') on conflict do nothing`);

  // Staff of the institutions: caregivers with skill certificates, some health certificates due soon.
  const institutions = inserted.filter((p) => p.kind === 'institution');
  for (const inst of institutions) {
    const staff = Array.from({ length: int(4, 8) }, (_, i) => {
      const county = inst.region_code.slice(0, 6);
      const birth = `${int(1966, 2000)}${String(int(1, 12)).padStart(2, '0')}${String(int(1, 28)).padStart(2, '0')}`;
      const first17 = `${county}${birth}${String(int(0, 999)).padStart(3, '0')}`;
      const id = first17 + checkCharacter(first17);
      const phone = `13${int(0, 9)}${String(int(0, 99_999_999)).padStart(8, '0')}`;
      return {
        provider_id: inst.id,
        name: pick(SURNAMES) + pick(['丽', '芳', '娟', '红', '强', '军', '敏', '静']),
        id_number_enc: cipher.encrypt(id),
        id_number_index: cipher.blindIndex(id),
        id_number_masked: maskIdNumber(id),
        sex: Number(first17[16]) % 2 === 1 ? 'male' : 'female',
        birth_date: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6)}`,
        phone_enc: cipher.encrypt(phone),
        phone_masked: maskPhone(phone),
        role: i === 0 ? 'nurse' : 'caregiver',
        employed_from: shiftDays(today, -int(30, 2000)),
      };
    });
    const ids = await queryRows<{ id: string; role: string }>(
      db,
      sql`insert into provider_staff (provider_id, name, id_number_enc, id_number_index, id_number_masked, sex,
          birth_date, phone_enc, phone_masked, role, employed_from)
        select provider_id, name, id_number_enc, id_number_index, id_number_masked, sex, birth_date, phone_enc,
          phone_masked, role, employed_from
        from jsonb_to_recordset(${JSON.stringify(staff)}::jsonb) as t(provider_id uuid, name text,
          id_number_enc text, id_number_index text, id_number_masked text, sex text, birth_date date, phone_enc text,
          phone_masked text, role text, employed_from date)
        on conflict do nothing
        returning id, role`,
    );
    const certificates = ids.flatMap((s) => [
      ...(s.role === 'caregiver' && int(0, 9) < 8
        ? [
            {
              staff_id: s.id,
              kind: 'caregiver_skill',
              level: int(3, 5),
              number: `NMG-YL-${int(100000, 999999)}`,
              issued_on: shiftDays(today, -int(100, 1500)),
              expires_on: null,
            },
          ]
        : []),
      {
        staff_id: s.id,
        kind: 'health',
        level: null,
        number: `JK-${int(100000, 999999)}`,
        issued_on: shiftDays(today, -int(300, 360)),
        expires_on: shiftDays(today, int(-20, 120)),
      },
    ]);
    await db.execute(sql`insert into staff_certificates (staff_id, kind, level, number, issued_on, expires_on)
      select staff_id, kind, level, number, issued_on, expires_on from jsonb_to_recordset(${JSON.stringify(certificates)}::jsonb)
        as t(staff_id uuid, kind text, level smallint, number text, issued_on date, expires_on date)`);
  }
  await db.execute(sql`insert into purchase_list_items (region_code, item_code, target_rule, content, standard, provider_ids, valid_from, created_by)
    values
      ('150100000000', 'home_visit', '{"categories":["living_alone","empty_nest"],"ageMin":80,"localHukou":true}',
        '对独居、空巢高龄老人每月上门巡访', '每月不少于2次，每次不少于30分钟（示例）', '{}', ${today.slice(0, 4) + '-01-01'}, 'demo-seed'),
      ('150100000000', 'bathing', '{"levelMin":2,"localHukou":true}',
        '为中度及以上失能老人提供上门助浴', '每月1次（示例）', '{}', ${today.slice(0, 4) + '-01-01'}, 'demo-seed'),
      ('150100000000', 'capability_assessment', '{"categories":["tekun","dibao","dibao_edge"]}',
        '为经济困难老人提供能力评估', 'GB/T 42195-2022', '{}', ${today.slice(0, 4) + '-01-01'}, 'demo-seed')`);
}

/** The demo caregiver account's own staff record: the institution's first caregiver by name. */
export async function demoCaregiverStaff(
  database: Database,
  institutionId: string,
): Promise<{ id: string; name: string } | null> {
  const [row] = await queryRows<{ id: string; name: string }>(
    database.db,
    sql`select id, name from provider_staff where provider_id = ${institutionId} and role = 'caregiver'
      order by name, id limit 1`,
  );
  return row ?? null;
}

/** The institution whose manager and caregiver are demo accounts: the first one of 新城区. */
export async function demoInstitutionId(database: Database): Promise<string | null> {
  const [row] = await queryRows<{ id: string }>(
    database.db,
    sql`select id from providers where kind = 'institution' and region_code like '150102%' order by name limit 1`,
  );
  return row?.id ?? null;
}
