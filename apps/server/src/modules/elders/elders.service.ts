import { and, desc, eq, gt, gte, ilike, lte, sql, type SQL } from 'drizzle-orm';
import { ageOn, ELDER_MIN_AGE, maskIdNumber, maskPhone, parseResidentId, regionLevel } from '@yiyang/domain';
import {
  APPROVAL_FIELDS,
  type CreateElderBody,
  type ElderDto,
  type ListEldersQuery,
  type UpdateElderBody,
} from '@yiyang/contracts';
import type { Db } from '../../platform/db/database';
import { isUniqueViolation } from '../../platform/db/pg-errors';
import { AppError } from '../../platform/errors/app-error';
import { residentIdOrThrow } from '../../platform/identity/parse-or-throw';
import { assertAssignable, inScope, isInScope, oneInScope } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';
import { writeAudit, type AuditActor } from '../../platform/audit/audit-writer';
import { emitElderChanged, emitElderCreated } from './elder-events';
import { pageFrom } from '../../platform/http/pagination';
import { updateWithVersion, versionedWrite } from '../../platform/db/versioned-write';
import { regionKeyset } from '../../platform/db/region-keyset';
import type { PiiCipher } from '../../platform/crypto/pii-cipher';
import { shanghaiDate } from '../../platform/time/shanghai-date';
import type { RegionsService } from '../regions/index';
import { assertAlive } from './elder-rules';
import { elders, elderVersions, type ElderContactRow, type ElderRow } from './elders.tables';

/** What versions and the audit log keep of a record: no ciphertext, no blind index. */
function safeView(row: Partial<ElderRow>): Record<string, unknown> {
  const { idNumberEnc: _e, idNumberIndex: _i, phoneEnc: _p, contacts, ...rest } = row;
  return contacts ? { ...rest, contacts: contacts.map(({ phoneEnc: _c, ...c }) => c) } : rest;
}

/**
 * A version as a reader may see it: the snapshot keeps the row as stored, but ciphertexts, blind
 * indexes and internal ids are for the database, not for a screen (the masked values stay).
 */
const INTERNAL_KEY = /(^id$|Id$|_id$|Enc$|_enc$|Index$|_index$)/;

function readableValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(readableValue);
  if (value === null || typeof value !== 'object') return value;
  return readableSnapshot(value as Record<string, unknown>);
}

function readableSnapshot<T extends Record<string, unknown> | null>(snapshot: T): T {
  if (snapshot === null) return snapshot;
  return Object.fromEntries(
    Object.entries(snapshot)
      .filter(([key]) => !INTERNAL_KEY.test(key))
      .map(([key, inner]) => [key, readableValue(inner)]),
  ) as T;
}

export function createEldersService(db: Db, regions: RegionsService, cipher: PiiCipher) {
  function sealContacts(contacts: CreateElderBody['contacts']): ElderContactRow[] {
    return contacts.map((c) => ({
      name: c.name,
      relation: c.relation,
      phoneEnc: cipher.encrypt(c.phone),
      phoneMasked: maskPhone(c.phone),
      guardian: c.guardian,
    }));
  }

  async function residence(caller: SessionUser, code: string) {
    const region = await regions.require(code);
    if (regionLevel(code) !== 'community')
      throw new AppError('ELDER_REGION_NOT_COMMUNITY', {}, { regionCode: code });
    assertAssignable(code, caller);
    return region;
  }

  function assertDisabilityFits(categories: readonly string[], grade: number | null | undefined) {
    if (categories.includes('disabled_cert') !== (grade !== null && grade !== undefined)) {
      throw new AppError('ELDER_DISABILITY_GRADE_MISMATCH');
    }
  }

  async function toDtos(rows: ElderRow[]): Promise<ElderDto[]> {
    const names = await regions.names(rows.map((r) => r.regionCode));
    const today = shanghaiDate();
    return rows.map((r) => ({
      id: r.id,
      idNumber: r.idNumberMasked,
      name: r.name,
      sex: r.sex,
      birthDate: r.birthDate,
      age: ageOn(r.birthDate, today),
      phone: r.phoneMasked,
      hukouRegionCode: r.hukouRegionCode,
      regionCode: r.regionCode,
      regionName: names.get(r.regionCode) ?? r.regionCode,
      address: r.address,
      lat: r.lat,
      lng: r.lng,
      livingArrangement: r.livingArrangement,
      categories: r.categories,
      disabilityGrade: r.disabilityGrade,
      chronicConditions: r.chronicConditions,
      dementiaDiagnosed: r.dementiaDiagnosed,
      dementiaDiagnosedOn: r.dementiaDiagnosedOn,
      familyDoctorSigned: r.familyDoctorSigned,
      familyDoctorInstitution: r.familyDoctorInstitution,
      contacts: r.contacts.map((c) => ({
        name: c.name,
        relation: c.relation,
        phone: c.phoneMasked,
        guardian: c.guardian,
      })),
      status: r.status,
      statusDate: r.statusDate,
      notes: r.notes,
      currentLevel: r.currentLevel,
      levelAssessedOn: r.levelAssessedOn,
      levelValidUntil: r.levelValidUntil,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    }));
  }
  const toDto = async (row: ElderRow) => (await toDtos([row]))[0] as ElderDto;

  async function visible(caller: SessionUser, id: string, tx?: Db): Promise<ElderRow> {
    const query = (tx ?? db).select().from(elders).where(eq(elders.id, id));
    return oneInScope(tx ? query.for('update') : query, caller, 'ELDER_NOT_FOUND');
  }

  /** The record with this identity number, told to the caller only as far as their scope goes. */
  async function duplicateError(caller: SessionUser, index: string): Promise<AppError> {
    const [existing] = await db
      .select({ regionCode: elders.regionCode })
      .from(elders)
      .where(eq(elders.idNumberIndex, index));
    if (existing && isInScope(existing.regionCode, caller)) {
      const region = await regions.get(existing.regionCode);
      return new AppError(
        'ELDER_DUPLICATE',
        {},
        { regionCode: existing.regionCode, regionName: region?.name },
      );
    }
    return new AppError('ELDER_DUPLICATE');
  }

  /** The list's filters as one condition, scope first: shared by the list and the export. */
  function filter(caller: SessionUser, q: Omit<ListEldersQuery, 'cursor' | 'limit'>): SQL | undefined {
    const today = shanghaiDate();
    const where: (SQL | undefined)[] = [inScope(elders.regionCode, caller)];
    if (q.regionCode) {
      assertAssignable(q.regionCode, caller);
      where.push(inScope(elders.regionCode, { regionCode: q.regionCode }));
    }
    if (q.category) where.push(sql`${elders.categories} @> array[${q.category}]::text[]`);
    // Age bounds become birth-date bounds, so the birth_date index answers them.
    if (q.ageMin !== undefined) where.push(lte(elders.birthDate, shiftYears(today, -q.ageMin)));
    if (q.ageMax !== undefined) where.push(gt(elders.birthDate, shiftYears(today, -(q.ageMax + 1))));
    if (q.sex) where.push(eq(elders.sex, q.sex));
    if (q.livingArrangement) where.push(eq(elders.livingArrangement, q.livingArrangement));
    if (q.status) where.push(eq(elders.status, q.status));
    if (q.level !== undefined) where.push(eq(elders.currentLevel, q.level));
    if (q.levelMin !== undefined) where.push(gte(elders.currentLevel, q.levelMin));
    if (q.q) {
      const id = parseResidentId(q.q, today);
      where.push(
        id.ok
          ? eq(elders.idNumberIndex, cipher.blindIndex(id.value.number))
          : ilike(elders.name, `%${q.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`),
      );
    }
    return and(...where);
  }

  return {
    async create(caller: SessionUser, actor: AuditActor, body: CreateElderBody): Promise<ElderDto> {
      const today = shanghaiDate();
      const { number, birthDate, sex } = residentIdOrThrow(body.idNumber, today, 'ELDER_ID_NUMBER_INVALID');
      const age = ageOn(birthDate, today);
      if (age < ELDER_MIN_AGE && !body.allowUnderAge) throw new AppError('ELDER_UNDER_AGE', { age }, { age });
      await residence(caller, body.regionCode);
      await regions.require(body.hukouRegionCode);
      assertDisabilityFits(body.categories, body.disabilityGrade);
      // A duplicate is caught by the unique blind index: one check, race-free.
      const index = cipher.blindIndex(number);

      try {
        const row = await db.transaction(async (tx) => {
          const [created] = await tx
            .insert(elders)
            .values({
              idNumberEnc: cipher.encrypt(number),
              idNumberIndex: index,
              idNumberMasked: maskIdNumber(number),
              name: body.name,
              sex,
              birthDate,
              phoneEnc: body.phone ? cipher.encrypt(body.phone) : null,
              phoneMasked: body.phone ? maskPhone(body.phone) : null,
              hukouRegionCode: body.hukouRegionCode,
              regionCode: body.regionCode,
              address: body.address,
              lat: body.lat ?? null,
              lng: body.lng ?? null,
              livingArrangement: body.livingArrangement,
              categories: [...new Set(body.categories)],
              disabilityGrade: body.disabilityGrade ?? null,
              chronicConditions: body.chronicConditions,
              dementiaDiagnosed: body.dementiaDiagnosed,
              dementiaDiagnosedOn: body.dementiaDiagnosedOn ?? null,
              familyDoctorSigned: body.familyDoctorSigned,
              familyDoctorInstitution: body.familyDoctorInstitution ?? null,
              contacts: sealContacts(body.contacts),
              notes: body.notes ?? null,
            })
            .returning();
          const row = created as ElderRow;
          await tx
            .insert(elderVersions)
            .values({ elderId: row.id, version: 1, changedBy: actor.actorUsername, after: safeView(row) });
          await writeAudit(tx, actor, {
            action: 'elder.create',
            entity: 'elder',
            entityId: row.id,
            regionCode: row.regionCode,
            after: safeView(row),
          });
          await emitElderCreated(tx, actor, row);
          return row;
        });
        return toDto(row);
      } catch (error) {
        if (isUniqueViolation(error)) throw await duplicateError(caller, index);
        throw error;
      }
    },

    async get(caller: SessionUser, id: string): Promise<ElderDto> {
      return toDto(await visible(caller, id));
    },

    filter,

    async list(caller: SessionUser, q: ListEldersQuery) {
      const keyset = regionKeyset(elders.regionCode, elders.id, q.cursor);
      const rows = await db
        .select()
        .from(elders)
        .where(and(filter(caller, q), keyset.after))
        .orderBy(...keyset.orderBy)
        .limit(q.limit + 1);
      const page = pageFrom(rows, q.limit, (r) => [r.regionCode, r.id]);
      return { items: await toDtos(page.items), nextCursor: page.nextCursor };
    },

    async update(
      caller: SessionUser,
      actor: AuditActor,
      id: string,
      body: UpdateElderBody,
    ): Promise<ElderDto> {
      const { version: readVersion, ...fields } = body;
      const needsApproval = APPROVAL_FIELDS.filter((f) => f in fields);
      if (needsApproval.length)
        throw new AppError(
          'ELDER_FIELD_NEEDS_APPROVAL',
          { fields: needsApproval.join(', ') },
          { fields: needsApproval },
        );
      if (fields.regionCode !== undefined) await residence(caller, fields.regionCode);
      const edit = async (tx: Db) => {
        const before = await visible(caller, id, tx);
        assertAlive(before);
        const { phone, contacts, ...plain } = fields;
        const changes: Partial<ElderRow> = { ...plain };
        if (phone !== undefined) {
          changes.phoneEnc = phone ? cipher.encrypt(phone) : null;
          changes.phoneMasked = phone ? maskPhone(phone) : null;
        }
        if (contacts !== undefined) changes.contacts = sealContacts(contacts);
        const after = await updateWithVersion(tx, elders, eq(elders.id, id), readVersion, {
          ...changes,
          updatedAt: new Date(),
        });
        const changed = Object.keys(changes) as (keyof ElderRow)[];
        const pick = (r: ElderRow) =>
          safeView(Object.fromEntries(changed.map((k) => [k, r[k]])) as Partial<ElderRow>);
        const [beforeView, afterView] = [pick(before), pick(after as ElderRow)];
        await tx.insert(elderVersions).values({
          elderId: id,
          version: after.version,
          changedBy: actor.actorUsername,
          before: beforeView,
          after: afterView,
        });
        await writeAudit(tx, actor, {
          action: 'elder.update',
          entity: 'elder',
          entityId: id,
          regionCode: (after as ElderRow).regionCode,
          before: beforeView,
          after: afterView,
        });
        await emitElderChanged(tx, actor, before, after as ElderRow, Object.keys(fields));
        return after as ElderRow;
      };
      const row = await versionedWrite(
        () => db.transaction(edit),
        async () => toDto(await visible(caller, id)),
      );
      return toDto(row);
    },

    async history(caller: SessionUser, id: string) {
      await visible(caller, id);
      const rows = await db
        .select()
        .from(elderVersions)
        .where(eq(elderVersions.elderId, id))
        .orderBy(desc(elderVersions.version));
      return rows.map((r) => ({
        version: r.version,
        changedAt: r.changedAt.toISOString(),
        changedBy: r.changedBy,
        before: readableSnapshot(r.before),
        after: readableSnapshot(r.after),
      }));
    },

    /** The clear identity number and phones, for a caller allowed to see them; always audited. */
    async reveal(caller: SessionUser, actor: AuditActor, id: string) {
      const row = await visible(caller, id);
      await writeAudit(db, actor, {
        action: 'pii.reveal',
        entity: 'elder',
        entityId: id,
        regionCode: row.regionCode,
        after: { fields: ['idNumber', 'phone', 'contacts.phone'] },
      });
      return {
        idNumber: cipher.decrypt(row.idNumberEnc),
        phone: row.phoneEnc ? cipher.decrypt(row.phoneEnc) : null,
        contacts: row.contacts.map((c) => ({ name: c.name, phone: cipher.decrypt(c.phoneEnc) })),
      };
    },
  };
}

/** YYYY-MM-DD moved by whole years (29 February → 28 February in common years). */
function shiftYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = y + years;
  const leap = (target % 4 === 0 && target % 100 !== 0) || target % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${target}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export type EldersService = ReturnType<typeof createEldersService>;
