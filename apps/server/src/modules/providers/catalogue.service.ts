import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { regionAncestors, SERVICE_ITEMS, SERVICE_ITEMS_BY_CODE } from '@yiyang/domain';
import type {
  CreatePurchaseItemBody,
  ProviderServiceDto,
  PublicProviderDetailDto,
  PublicProviderDto,
  PurchaseItemDto,
} from '@yiyang/contracts';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { assertAssignable, inScope, overlapsScope } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';
import { writeAudit, type AuditActor } from '../../platform/audit/audit-writer';
import type { Locale } from '../../platform/i18n/locale';
import { pageFrom } from '../../platform/http/pagination';
import { regionKeyset } from '../../platform/db/region-keyset';
import { shanghaiDate } from '../../platform/time/shanghai-date';
import { putWithVersion, versionedWrite } from '../../platform/db/versioned-write';
import type { RegionsService } from '../regions/index';
import type { ProvidersService } from './providers.service';
import {
  providerMedicalAgreements,
  providers,
  providerServices,
  purchaseListItems,
  serviceReferencePrices,
  type ProviderRow,
} from './providers.tables';

function assertItem(code: string) {
  const item = SERVICE_ITEMS_BY_CODE.get(code);
  if (!item) throw new AppError('CATALOGUE_ITEM_UNKNOWN', { item: code });
  return item;
}

/** The service catalogue, prices, the government-purchase list, and the public directory. */
export function createCatalogueService(db: Db, regions: RegionsService, providersService: ProvidersService) {
  /**
   * Reference price per item for a region: the most specific region that set one; and the
   * versions of the prices the region set itself (what an edit of them names).
   */
  async function referencePrices(regionCode: string) {
    const ancestors = regionAncestors(regionCode);
    const rows = await db
      .select()
      .from(serviceReferencePrices)
      .where(inArray(serviceReferencePrices.regionCode, ancestors));
    const prices = new Map<string, number>();
    for (const code of [...ancestors].reverse())
      for (const r of rows.filter((x) => x.regionCode === code)) prices.set(r.itemCode, r.priceFen);
    const versions = new Map(
      rows.filter((r) => r.regionCode === regionCode).map((r) => [r.itemCode, r.version]),
    );
    return Object.assign(prices, { versions });
  }

  async function items(regionCode: string | undefined, locale: Locale) {
    const prices = regionCode ? await referencePrices(regionCode) : null;
    return SERVICE_ITEMS.map((i) => ({
      code: i.code,
      category: i.category,
      unit: i.unit,
      name: i.label[locale],
      referencePriceFen: prices?.get(i.code) ?? null,
      referencePriceVersion: prices?.versions.get(i.code) ?? 0,
    }));
  }

  async function providerServicesOf(provider: ProviderRow, locale: Locale): Promise<ProviderServiceDto[]> {
    const [rows, prices] = await Promise.all([
      offered(provider.id, false),
      referencePrices(provider.regionCode),
    ]);
    return rows.map((r) => {
      const item = assertItem(r.itemCode);
      return {
        itemCode: r.itemCode,
        name: item.label[locale],
        category: item.category,
        unit: item.unit,
        priceFen: r.priceFen,
        active: r.active,
        referencePriceFen: prices.get(r.itemCode) ?? null,
        version: r.version,
      };
    });
  }

  async function offered(providerId: string, onlyActive: boolean) {
    return db
      .select()
      .from(providerServices)
      .where(
        and(
          eq(providerServices.providerId, providerId),
          onlyActive ? eq(providerServices.active, true) : undefined,
        ),
      )
      .orderBy(asc(providerServices.itemCode));
  }

  const publicView = (p: ProviderRow, regionName: string): PublicProviderDto => ({
    id: p.id,
    name: p.name,
    kind: p.kind,
    ownership: p.ownership,
    regionCode: p.regionCode,
    regionName,
    address: p.address,
    lat: p.lat,
    lng: p.lng,
    serviceRadiusM: p.serviceRadiusM,
    openingHours: p.openingHours,
    phone: p.phone,
    filingStatus: p.filingStatus,
    grade: p.grade,
    operatingStatus: p.operatingStatus,
    bedsTotal: p.bedsTotal,
    bedsAvailable: Math.max(0, p.bedsTotal - p.bedsOccupied),
  });

  return {
    items,

    async setReferencePrice(
      caller: SessionUser,
      actor: AuditActor,
      regionCode: string,
      itemCode: string,
      { priceFen, version }: { priceFen: number; version: number },
      locale: Locale,
    ) {
      assertItem(itemCode);
      await regions.require(regionCode);
      assertAssignable(regionCode, caller);
      const at = and(
        eq(serviceReferencePrices.regionCode, regionCode),
        eq(serviceReferencePrices.itemCode, itemCode),
      )!;
      const itemHere = async () => (await items(regionCode, locale)).find((i) => i.code === itemCode)!;
      const write = () =>
        db.transaction(async (tx) => {
          await putWithVersion(
            tx,
            serviceReferencePrices,
            at,
            version,
            { regionCode, itemCode, priceFen, updatedBy: caller.username },
            { priceFen, updatedBy: caller.username, updatedAt: new Date() },
          );
          await writeAudit(tx, actor, {
            action: 'catalogue.reference_price',
            entity: 'service_item',
            entityId: itemCode,
            regionCode,
            after: { priceFen },
          });
        });
      await versionedWrite(write, itemHere);
      return itemHere();
    },

    async providerServices(
      caller: SessionUser,
      providerId: string,
      locale: Locale,
    ): Promise<ProviderServiceDto[]> {
      return providerServicesOf(await providersService.visible(caller, providerId), locale);
    },

    async setProviderService(
      caller: SessionUser,
      actor: AuditActor,
      providerId: string,
      itemCode: string,
      { version, ...body }: { priceFen: number; active: boolean; version: number },
      locale: Locale,
    ) {
      assertItem(itemCode);
      const provider = await providersService.visible(caller, providerId);
      const at = and(eq(providerServices.providerId, providerId), eq(providerServices.itemCode, itemCode))!;
      const offer = async () =>
        (await providerServicesOf(provider, locale)).find((s) => s.itemCode === itemCode) ?? null;
      const write = () =>
        db.transaction(async (tx) => {
          await putWithVersion(
            tx,
            providerServices,
            at,
            version,
            { providerId, itemCode, ...body },
            { ...body, updatedAt: new Date() },
          );
          await writeAudit(tx, actor, {
            action: 'provider.service_price',
            entity: 'provider',
            entityId: providerId,
            regionCode: provider.regionCode,
            after: { itemCode, ...body },
          });
        });
      await versionedWrite(write, offer);
      return (await offer())!;
    },

    /** Items bought in the caller's scope or by a region covering it. */
    async purchaseList(caller: SessionUser, locale: Locale): Promise<PurchaseItemDto[]> {
      const rows = await db
        .select()
        .from(purchaseListItems)
        .orderBy(asc(purchaseListItems.regionCode), asc(purchaseListItems.itemCode));
      const visible = rows.filter((r) => overlapsScope(r.regionCode, caller));
      const providerIds = [...new Set(visible.flatMap((r) => r.providerIds))];
      const [names, providerRows] = await Promise.all([
        regions.names(visible.map((r) => r.regionCode)),
        providerIds.length
          ? db
              .select({ id: providers.id, name: providers.name })
              .from(providers)
              .where(inArray(providers.id, providerIds))
          : Promise.resolve([]),
      ]);
      return visible.map((r) => ({
        id: r.id,
        regionCode: r.regionCode,
        regionName: names.get(r.regionCode) ?? r.regionCode,
        itemCode: r.itemCode,
        itemName: assertItem(r.itemCode).label[locale],
        targetRule: r.targetRule,
        content: r.content,
        standard: r.standard,
        providers: r.providerIds.map((id) => ({
          id,
          name: providerRows.find((p) => p.id === id)?.name ?? id,
        })),
        validFrom: r.validFrom,
        validTo: r.validTo,
      }));
    },

    async addPurchaseItem(caller: SessionUser, actor: AuditActor, body: CreatePurchaseItemBody) {
      assertItem(body.itemCode);
      await regions.require(body.regionCode);
      assertAssignable(body.regionCode, caller);
      if (body.validTo && body.validTo < body.validFrom) throw new AppError('STAFF_DATES_INVALID');
      for (const id of body.providerIds) await providersService.visible(caller, id);
      await db.transaction(async (tx) => {
        const [created] = await tx
          .insert(purchaseListItems)
          .values({ ...body, validTo: body.validTo ?? null, createdBy: caller.username })
          .returning();
        await writeAudit(tx, actor, {
          action: 'catalogue.purchase_item',
          entity: 'purchase_list_item',
          entityId: created!.id,
          regionCode: body.regionCode,
          after: created,
        });
      });
    },

    /** The public directory: open providers, no personal data of anybody. */
    async publicList(q: {
      regionCode?: string;
      kind?: string;
      ownership?: string;
      grade?: number;
      q?: string;
      cursor?: string;
      limit: number;
    }) {
      const where: (SQL | undefined)[] = [ne(providers.operatingStatus, 'closed')];
      if (q.regionCode) where.push(inScope(providers.regionCode, { regionCode: q.regionCode }));
      if (q.kind) where.push(eq(providers.kind, q.kind as ProviderRow['kind']));
      if (q.ownership) where.push(eq(providers.ownership, q.ownership as ProviderRow['ownership']));
      if (q.grade) where.push(eq(providers.grade, q.grade));
      if (q.q)
        where.push(sql`${providers.name} ilike ${'%' + q.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%'}`);
      const keyset = regionKeyset(providers.regionCode, providers.id, q.cursor);
      const rows = await db
        .select()
        .from(providers)
        .where(and(...where, keyset.after))
        .orderBy(...keyset.orderBy)
        .limit(q.limit + 1);
      const page = pageFrom(rows, q.limit, (r) => [r.regionCode, r.id]);
      const names = await regions.names(page.items.map((r) => r.regionCode));
      return {
        items: page.items.map((p) => publicView(p, names.get(p.regionCode) ?? p.regionCode)),
        nextCursor: page.nextCursor,
      };
    },

    async publicDetail(id: string, locale: Locale): Promise<PublicProviderDetailDto> {
      const [p] = await db
        .select()
        .from(providers)
        .where(and(eq(providers.id, id), ne(providers.operatingStatus, 'closed')));
      if (!p) throw new AppError('PROVIDER_NOT_FOUND');
      const today = shanghaiDate();
      const [names, services, agreements] = await Promise.all([
        regions.names([p.regionCode]),
        offered(p.id, true),
        db
          .select()
          .from(providerMedicalAgreements)
          .where(
            and(
              eq(providerMedicalAgreements.providerId, p.id),
              sql`(${providerMedicalAgreements.validTo} is null or ${providerMedicalAgreements.validTo} >= ${today})`,
            ),
          ),
      ]);
      return {
        ...publicView(p, names.get(p.regionCode) ?? p.regionCode),
        description: p.description,
        bedsNursing: p.bedsNursing,
        gradedOn: p.gradedOn,
        services: services.map((s) => {
          const item = assertItem(s.itemCode);
          return { itemCode: s.itemCode, name: item.label[locale], unit: item.unit, priceFen: s.priceFen };
        }),
        medicalCooperation: agreements.map((a) => ({
          institution: a.institution,
          greenChannel: a.greenChannel,
        })),
      };
    },
  };
}
export type CatalogueService = ReturnType<typeof createCatalogueService>;
