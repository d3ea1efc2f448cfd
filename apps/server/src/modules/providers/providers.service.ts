import { and, desc, eq, ilike, sql, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import {
  FILING_STATUS_LABELS,
  OPERATING_STATUS_LABELS,
  OWNERSHIP_LABELS,
  PROVIDER_KIND_LABELS,
} from '@yiyang/domain';
import type {
  CreateProviderBody,
  ListProvidersQuery,
  MedicalAgreementBody,
  ProviderDto,
  UpdateProviderBody,
} from '@yiyang/contracts';
import { PROVIDER_GATED_FIELDS } from '@yiyang/contracts';
import { gatedFieldList } from './providers.errors';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { assertAssignable, assertProviderInScope, inProviderScope, inScope } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';
import { writeAudit, type AuditActor } from '../../platform/audit/audit-writer';
import { emitProviderEvent } from './provider-events';
import { isUniqueViolation } from '../../platform/db/pg-errors';
import { pageFrom } from '../../platform/http/pagination';
import { assertVersion, updateWithVersion, versionedWrite } from '../../platform/db/versioned-write';
import { regionKeyset } from '../../platform/db/region-keyset';
import type { RegionsService } from '../regions/index';
import { assertProviderConsistent } from './provider-checks';
import { creditCodeOrThrow } from '../../platform/identity/parse-or-throw';
import { providerMedicalAgreements, providers, type ProviderRow } from './providers.tables';
import type { Locale } from '../../platform/i18n/locale';
import { safeCell } from '../../platform/http/safe-cell';

export function createProvidersService(db: Db, regions: RegionsService) {
  async function toDtos(rows: ProviderRow[]): Promise<ProviderDto[]> {
    const names = await regions.names(rows.map((r) => r.regionCode));
    return rows.map((r) => ({
      ...r,
      regionName: names.get(r.regionCode) ?? r.regionCode,
      bedsAvailable: Math.max(0, r.bedsTotal - r.bedsOccupied),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    }));
  }
  const toDto = async (row: ProviderRow) => (await toDtos([row]))[0]!;

  async function visible(caller: SessionUser, id: string, tx: Db = db, lock = false): Promise<ProviderRow> {
    const query = tx.select().from(providers).where(eq(providers.id, id));
    const [row] = await (lock ? query.for('update') : query);
    assertProviderInScope(row, caller, 'PROVIDER_NOT_FOUND');
    return row;
  }

  function filter(caller: SessionUser, q: Omit<ListProvidersQuery, 'cursor' | 'limit'>): SQL | undefined {
    const where: (SQL | undefined)[] = [inProviderScope(providers.id, providers.regionCode, caller)];
    if (q.regionCode) {
      assertAssignable(q.regionCode, caller);
      where.push(inScope(providers.regionCode, { regionCode: q.regionCode }));
    }
    if (q.kind) where.push(eq(providers.kind, q.kind));
    if (q.ownership) where.push(eq(providers.ownership, q.ownership));
    if (q.grade) where.push(eq(providers.grade, q.grade));
    if (q.operatingStatus) where.push(eq(providers.operatingStatus, q.operatingStatus));
    if (q.filingStatus) where.push(eq(providers.filingStatus, q.filingStatus));
    if (q.q) where.push(ilike(providers.name, `%${q.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`));
    return and(...where);
  }

  return {
    visible,
    toDtos,
    filter,

    async medicalAgreements(caller: SessionUser, providerId: string) {
      await visible(caller, providerId);
      const rows = await db
        .select()
        .from(providerMedicalAgreements)
        .where(eq(providerMedicalAgreements.providerId, providerId))
        .orderBy(desc(providerMedicalAgreements.validFrom));
      return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
    },

    async addMedicalAgreement(
      caller: SessionUser,
      actor: AuditActor,
      providerId: string,
      body: MedicalAgreementBody,
    ) {
      const provider = await visible(caller, providerId);
      if (body.validTo && body.validTo < body.validFrom) throw new AppError('STAFF_DATES_INVALID');
      await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(providerMedicalAgreements)
          .values({ providerId, ...body, validTo: body.validTo ?? null })
          .returning();
        await writeAudit(tx, actor, {
          action: 'provider.medical_agreement',
          entity: 'provider',
          entityId: providerId,
          regionCode: provider.regionCode,
          after: created,
        });
      });
    },

    /** The filtered register as a workbook (台账); audited. */
    async exportXlsx(
      caller: SessionUser,
      actor: AuditActor,
      q: Omit<ListProvidersQuery, 'cursor' | 'limit'>,
      locale: Locale,
    ): Promise<Buffer> {
      const rows = await toDtos(
        await db
          .select()
          .from(providers)
          .where(filter(caller, q))
          .orderBy(sql`${providers.regionCode} using ~<~`, providers.id)
          .limit(50_000),
      );
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet(locale === 'en' ? 'Providers' : '服务机构');
      const t = (zh: string, en: string) => (locale === 'en' ? en : zh);
      sheet.columns = [
        { header: t('机构名称', 'Name'), key: 'name', width: 30 },
        { header: t('类型', 'Kind'), key: 'kind', width: 22 },
        { header: t('性质', 'Ownership'), key: 'ownership', width: 14 },
        { header: t('统一社会信用代码', 'Credit code'), key: 'creditCode', width: 22 },
        { header: t('所在区划', 'Region'), key: 'regionName', width: 16 },
        { header: t('地址', 'Address'), key: 'address', width: 30 },
        { header: t('备案状态', 'Filing'), key: 'filing', width: 12 },
        { header: t('等级', 'Grade'), key: 'grade', width: 8 },
        { header: t('总床位', 'Beds'), key: 'bedsTotal', width: 8 },
        { header: t('护理型床位', 'Nursing beds'), key: 'bedsNursing', width: 10 },
        { header: t('在住', 'Occupied'), key: 'bedsOccupied', width: 8 },
        { header: t('运营状态', 'Status'), key: 'status', width: 10 },
      ];
      sheet.getRow(1).font = { bold: true };
      for (const r of rows)
        sheet.addRow({
          ...r,
          name: safeCell(r.name),
          address: safeCell(r.address),
          kind: PROVIDER_KIND_LABELS[r.kind][locale],
          ownership: OWNERSHIP_LABELS[r.ownership][locale],
          filing: FILING_STATUS_LABELS[r.filingStatus][locale],
          grade: r.grade ?? '',
          status: OPERATING_STATUS_LABELS[r.operatingStatus][locale],
        });
      await writeAudit(db, actor, {
        action: 'provider.export',
        entity: 'provider',
        entityId: 'export',
        regionCode: q.regionCode ?? caller.regionCode,
        after: { rows: rows.length, filters: q },
      });
      return Buffer.from(await workbook.xlsx.writeBuffer());
    },

    async create(caller: SessionUser, actor: AuditActor, body: CreateProviderBody): Promise<ProviderDto> {
      // Providers are registered by officials; a provider's own staff maintain only their own.
      if (caller.providerId) throw new AppError('AUTH_FORBIDDEN');
      const creditCode = creditCodeOrThrow(body.creditCode, 'PROVIDER_CREDIT_CODE_INVALID');
      await regions.require(body.regionCode);
      assertAssignable(body.regionCode, caller);
      const values = {
        ...body,
        creditCode,
        lat: body.lat ?? null,
        lng: body.lng ?? null,
        grade: body.grade ?? null,
      };
      await assertProviderConsistent(regions, db, values);
      try {
        const row = await db.transaction(async (tx) => {
          const [created] = await tx.insert(providers).values(values).returning();
          await writeAudit(tx, actor, {
            action: 'provider.create',
            entity: 'provider',
            entityId: created!.id,
            regionCode: created!.regionCode,
            after: created,
          });
          await emitProviderEvent(tx, actor, 'provider.created', created!);
          return created!;
        });
        return toDto(row);
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('PROVIDER_DUPLICATE');
        throw error;
      }
    },

    async get(caller: SessionUser, id: string): Promise<ProviderDto> {
      return toDto(await visible(caller, id));
    },

    async list(caller: SessionUser, q: ListProvidersQuery) {
      const keyset = regionKeyset(providers.regionCode, providers.id, q.cursor);
      const rows = await db
        .select()
        .from(providers)
        .where(and(filter(caller, q), keyset.after))
        .orderBy(...keyset.orderBy)
        .limit(q.limit + 1);
      const page = pageFrom(rows, q.limit, (r) => [r.regionCode, r.id]);
      return { items: await toDtos(page.items), nextCursor: page.nextCursor };
    },

    /**
     * Officials change anything in their scope; a provider manager changes their own
     * operational facts (beds, hours, phone, coordinates, status), while registration facts,
     * filing and grade go through a change request (docs/decisions/0006).
     */
    async update(caller: SessionUser, actor: AuditActor, id: string, body: UpdateProviderBody) {
      if (body.regionCode) {
        await regions.require(body.regionCode);
        assertAssignable(body.regionCode, caller);
      }
      const { version, ...changes } = body;
      const edit = () =>
        db.transaction(async (tx) => {
          const before = await visible(caller, id, tx, true);
          // The stale check first: the checks below would judge someone else's values.
          assertVersion(before, version);
          if (caller.providerId) {
            // A form sends its unchanged values too: only a change of a gated field needs a request.
            const fields = PROVIDER_GATED_FIELDS.filter(
              (f) => body[f] !== undefined && JSON.stringify(body[f]) !== JSON.stringify(before[f]),
            );
            if (fields.length)
              throw new AppError(
                'PROVIDER_FIELD_NEEDS_APPROVAL',
                { fields: gatedFieldList(fields) },
                { fields },
              );
          }
          await assertProviderConsistent(regions, tx, { ...before, ...changes });
          const after = await updateWithVersion(tx, providers, eq(providers.id, id), version, {
            ...changes,
            updatedAt: new Date(),
          });
          await writeAudit(tx, actor, {
            action: 'provider.update',
            entity: 'provider',
            entityId: id,
            regionCode: before.regionCode,
            before,
            after,
          });
          return after;
        });
      const row = await versionedWrite(edit, async () => toDto(await visible(caller, id)));
      return toDto(row);
    },
  };
}
export type ProvidersService = ReturnType<typeof createProvidersService>;
