import { and, asc, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import {
  ageOn,
  CERTIFICATE_ALERT_DAYS,
  certificateAlert,
  maskIdNumber,
  maskPhone,
  shiftDays,
} from '@yiyang/domain';
import type {
  CertificateAlertItem,
  CreateCertificateBody,
  CreateStaffBody,
  CreateTrainingBody,
  StaffDto,
  UpdateStaffBody,
  WorkforceIndicators,
} from '@yiyang/contracts';
import type { Db } from '../../platform/db/database';
import type { PiiCipher } from '../../platform/crypto/pii-cipher';
import { AppError } from '../../platform/errors/app-error';
import { residentIdOrThrow } from '../../platform/identity/parse-or-throw';
import { assertAssignable, inProviderScope, inScope } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';
import { writeAudit, type AuditActor } from '../../platform/audit/audit-writer';
import { isUniqueViolation } from '../../platform/db/pg-errors';
import { shanghaiDate } from '../../platform/time/shanghai-date';
import { assertVersion, updateWithVersion, versionedWrite } from '../../platform/db/versioned-write';
import type { ProvidersService } from './providers.service';
import {
  providers,
  providerStaff,
  staffCertificates,
  staffTrainings,
  type StaffRow,
} from './providers.tables';

/** 养老护理员管理: staff, certificates with expiry alerts, training, and the provider's indicators. */
export function createStaffService(db: Db, cipher: PiiCipher, providersService: ProvidersService) {
  async function toDtos(rows: StaffRow[]): Promise<StaffDto[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [certs, trainings] = await Promise.all([
      db
        .select()
        .from(staffCertificates)
        .where(inArray(staffCertificates.staffId, ids))
        .orderBy(asc(staffCertificates.issuedOn)),
      db
        .select()
        .from(staffTrainings)
        .where(inArray(staffTrainings.staffId, ids))
        .orderBy(asc(staffTrainings.trainedOn)),
    ]);
    const today = shanghaiDate();
    const year = today.slice(0, 4);
    return rows.map((r) => {
      const mine = trainings.filter((t) => t.staffId === r.id);
      return {
        id: r.id,
        providerId: r.providerId,
        name: r.name,
        idNumber: r.idNumberMasked,
        sex: r.sex,
        age: ageOn(r.birthDate, today),
        phone: r.phoneMasked,
        role: r.role,
        employedFrom: r.employedFrom,
        employedTo: r.employedTo,
        awards: r.awards,
        certificates: certs
          .filter((c) => c.staffId === r.id)
          .map((c) => ({
            id: c.id,
            staffId: c.staffId,
            kind: c.kind,
            level: c.level,
            number: c.number,
            issuedOn: c.issuedOn,
            expiresOn: c.expiresOn,
            alert: certificateAlert(c.expiresOn, today),
          })),
        trainings: mine.map((t) => ({
          id: t.id,
          staffId: t.staffId,
          course: t.course,
          hours: Number(t.hours),
          trainedOn: t.trainedOn,
          trainer: t.trainer,
        })),
        trainingHoursThisYear: mine
          .filter((t) => t.trainedOn.startsWith(year))
          .reduce((sum, t) => sum + Number(t.hours), 0),
        version: r.version,
      };
    });
  }

  /** A staff member of a visible provider, with the provider's current region (their scope). */
  async function staffOf(
    caller: SessionUser,
    providerId: string,
    staffId: string,
    tx: Db = db,
    lock = false,
  ) {
    const provider = await providersService.visible(caller, providerId, tx);
    const query = tx
      .select()
      .from(providerStaff)
      .where(and(eq(providerStaff.id, staffId), eq(providerStaff.providerId, providerId)));
    const [row] = await (lock ? query.for('update') : query);
    if (!row) throw new AppError('STAFF_NOT_FOUND');
    return { ...row, regionCode: provider.regionCode };
  }

  return {
    async list(caller: SessionUser, providerId: string): Promise<StaffDto[]> {
      await providersService.visible(caller, providerId);
      const rows = await db
        .select()
        .from(providerStaff)
        .where(eq(providerStaff.providerId, providerId))
        .orderBy(asc(providerStaff.role), asc(providerStaff.name));
      return toDtos(rows);
    },

    async create(caller: SessionUser, actor: AuditActor, providerId: string, body: CreateStaffBody) {
      const provider = await providersService.visible(caller, providerId);
      const id = residentIdOrThrow(body.idNumber, shanghaiDate(), 'STAFF_ID_NUMBER_INVALID');
      if (body.employedTo && body.employedTo < body.employedFrom) throw new AppError('STAFF_DATES_INVALID');
      try {
        const row = await db.transaction(async (tx) => {
          const [created] = await tx
            .insert(providerStaff)
            .values({
              providerId,
              name: body.name,
              idNumberEnc: cipher.encrypt(id.number),
              idNumberIndex: cipher.blindIndex(id.number),
              idNumberMasked: maskIdNumber(id.number),
              sex: id.sex,
              birthDate: id.birthDate,
              phoneEnc: body.phone ? cipher.encrypt(body.phone) : null,
              phoneMasked: body.phone ? maskPhone(body.phone) : null,
              role: body.role,
              employedFrom: body.employedFrom,
              employedTo: body.employedTo ?? null,
            })
            .returning();
          await writeAudit(tx, actor, {
            action: 'staff.create',
            entity: 'provider_staff',
            entityId: created!.id,
            regionCode: provider.regionCode,
            after: {
              name: created!.name,
              idNumber: created!.idNumberMasked,
              role: created!.role,
              providerId,
            },
          });
          return created!;
        });
        return (await toDtos([row]))[0]!;
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('STAFF_DUPLICATE');
        throw error;
      }
    },

    async update(
      caller: SessionUser,
      actor: AuditActor,
      providerId: string,
      staffId: string,
      { version, ...body }: UpdateStaffBody,
    ) {
      const { phone, ...rest } = body;
      const edit = () =>
        db.transaction(async (tx) => {
          // Locked, so the dates are checked against the row that is then changed.
          const before = await staffOf(caller, providerId, staffId, tx, true);
          assertVersion(before, version);
          const from = body.employedFrom ?? before.employedFrom;
          const to = body.employedTo !== undefined ? body.employedTo : before.employedTo;
          if (to && to < from) throw new AppError('STAFF_DATES_INVALID');
          const after = await updateWithVersion(tx, providerStaff, eq(providerStaff.id, staffId), version, {
            ...rest,
            ...(phone !== undefined
              ? {
                  phoneEnc: phone ? cipher.encrypt(phone) : null,
                  phoneMasked: phone ? maskPhone(phone) : null,
                }
              : {}),
            updatedAt: new Date(),
          });
          await writeAudit(tx, actor, {
            action: 'staff.update',
            entity: 'provider_staff',
            entityId: staffId,
            regionCode: before.regionCode,
            before: { ...before, idNumberEnc: undefined, idNumberIndex: undefined, phoneEnc: undefined },
            after: { ...after, idNumberEnc: undefined, idNumberIndex: undefined, phoneEnc: undefined },
          });
          return after;
        });
      const row = await versionedWrite(
        edit,
        async () => (await toDtos([await staffOf(caller, providerId, staffId)]))[0]!,
      );
      return (await toDtos([row]))[0]!;
    },

    async addCertificate(
      caller: SessionUser,
      actor: AuditActor,
      providerId: string,
      staffId: string,
      body: CreateCertificateBody,
    ) {
      const staff = await staffOf(caller, providerId, staffId);
      const skill = body.kind === 'caregiver_skill';
      if (skill !== (body.level !== undefined && body.level !== null))
        throw new AppError('STAFF_CERTIFICATE_LEVEL');
      if (body.expiresOn && body.expiresOn < body.issuedOn) throw new AppError('STAFF_DATES_INVALID');
      await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(staffCertificates)
          .values({ staffId, ...body, level: body.level ?? null, expiresOn: body.expiresOn ?? null })
          .returning();
        await writeAudit(tx, actor, {
          action: 'staff.certificate_add',
          entity: 'provider_staff',
          entityId: staffId,
          regionCode: staff.regionCode,
          after: created,
        });
      });
      return (await toDtos([staff]))[0]!;
    },

    async addTraining(
      caller: SessionUser,
      actor: AuditActor,
      providerId: string,
      staffId: string,
      body: CreateTrainingBody,
    ) {
      const staff = await staffOf(caller, providerId, staffId);
      await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(staffTrainings)
          .values({ staffId, ...body, trainer: body.trainer ?? null })
          .returning();
        await writeAudit(tx, actor, {
          action: 'staff.training_add',
          entity: 'provider_staff',
          entityId: staffId,
          regionCode: staff.regionCode,
          after: created,
        });
      });
      return (await toDtos([staff]))[0]!;
    },

    /** Reveals a staff member's identity number and phone (pii:reveal), audited. */
    async reveal(caller: SessionUser, actor: AuditActor, providerId: string, staffId: string) {
      const staff = await staffOf(caller, providerId, staffId);
      await writeAudit(db, actor, {
        action: 'staff.reveal',
        entity: 'provider_staff',
        entityId: staffId,
        regionCode: staff.regionCode,
      });
      return {
        idNumber: cipher.decrypt(staff.idNumberEnc),
        phone: staff.phoneEnc ? cipher.decrypt(staff.phoneEnc) : null,
      };
    },

    /** Caregivers per resident, certified rate, training hours per caregiver this year. */
    async indicators(caller: SessionUser, providerId: string): Promise<WorkforceIndicators> {
      const provider = await providersService.visible(caller, providerId);
      const today = shanghaiDate();
      const active = and(
        eq(providerStaff.providerId, providerId),
        eq(providerStaff.role, 'caregiver'),
        sql`(${providerStaff.employedTo} is null or ${providerStaff.employedTo} >= ${today})`,
      );
      // Correlated subqueries name the outer table in full: Drizzle leaves single-table columns unqualified.
      const [row] = await db
        .select({
          caregivers: sql<number>`count(*)::int`,
          certified: sql<number>`count(*) filter (where exists (select 1 from ${staffCertificates} c
            where c.staff_id = provider_staff.id and c.kind = 'caregiver_skill'
              and (c.expires_on is null or c.expires_on >= ${today})))::int`,
          hours: sql<number>`coalesce(sum((select sum(t.hours) from ${staffTrainings} t
            where t.staff_id = provider_staff.id and t.trained_on >= ${today.slice(0, 4) + '-01-01'})), 0)::float8`,
        })
        .from(providerStaff)
        .where(active);
      const caregivers = row?.caregivers ?? 0;
      const residents = provider.bedsOccupied;
      const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 1000) / 1000 : null);
      return {
        residents,
        caregivers,
        caregiversPerResident: ratio(caregivers, residents),
        certifiedCaregivers: row?.certified ?? 0,
        certifiedRate: ratio(row?.certified ?? 0, caregivers),
        trainingHoursPerCaregiver: ratio(row?.hours ?? 0, caregivers),
      };
    },

    /** Certificates expired or expiring within 30 days, in the caller's scope (or provider). */
    async alerts(
      caller: SessionUser,
      q: { regionCode?: string; providerId?: string },
    ): Promise<CertificateAlertItem[]> {
      const today = shanghaiDate();
      const scope = inProviderScope(providerStaff.providerId, providers.regionCode, caller);
      if (q.regionCode) assertAssignable(q.regionCode, caller);
      const rows = await db
        .select({
          c: staffCertificates,
          staffName: providerStaff.name,
          providerId: providers.id,
          providerName: providers.name,
        })
        .from(staffCertificates)
        .innerJoin(providerStaff, eq(providerStaff.id, staffCertificates.staffId))
        .innerJoin(providers, eq(providers.id, providerStaff.providerId))
        .where(
          and(
            scope,
            q.regionCode ? inScope(providers.regionCode, { regionCode: q.regionCode }) : undefined,
            q.providerId ? eq(providerStaff.providerId, q.providerId) : undefined,
            isNotNull(staffCertificates.expiresOn),
            lte(staffCertificates.expiresOn, shiftDays(today, CERTIFICATE_ALERT_DAYS)),
            gte(staffCertificates.expiresOn, shiftDays(today, -365)),
            sql`(${providerStaff.employedTo} is null or ${providerStaff.employedTo} >= ${today})`,
          ),
        )
        .orderBy(asc(staffCertificates.expiresOn))
        .limit(1000);
      return rows.map((r) => ({
        certificateId: r.c.id,
        staffId: r.c.staffId,
        staffName: r.staffName,
        providerId: r.providerId,
        providerName: r.providerName,
        kind: r.c.kind,
        number: r.c.number,
        expiresOn: r.c.expiresOn!,
        alert: certificateAlert(r.c.expiresOn, today)!,
      }));
    },
  };
}
export type StaffService = ReturnType<typeof createStaffService>;
