import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { REGION_SETTING_KEYS, REGION_SETTINGS, regionPrefix, type RegionSettingKey } from '@yiyang/domain';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { assertAssignable } from '../../platform/auth/scope';
import type { SessionUser } from '../../platform/auth/session-user';
import { writeAudit, type AuditActor } from '../../platform/audit/audit-writer';
import { putWithVersion, versionedWrite } from '../../platform/db/versioned-write';
import type { RegionsService } from '../regions/index';
import { regionSettings } from './settings.tables';

/**
 * The value of `key` for the region in `regionColumn`, row by row, as SQL: the most specific
 * region's setting, or the default. For queries that treat regions differently (due dates…).
 */
export function settingFor(regionColumn: AnyPgColumn | SQL, key: RegionSettingKey): SQL<number> {
  return sql<number>`coalesce((select s.value from ${regionSettings} s where s.key = ${key}
    and ${regionColumn} like s.region_prefix || '%' order by length(s.region_prefix) desc limit 1), ${REGION_SETTINGS[key].default})`;
}

export function createSettingsService(db: Db, regions: RegionsService) {
  /** Every setting as it applies to `regionCode`, where each was set, and the version of the region's own. */
  async function effective(regionCode: string) {
    await regions.require(regionCode);
    const rows = await db
      .select()
      .from(regionSettings)
      .where(sql`${regionCode} like ${regionSettings.regionPrefix} || '%'`);
    return REGION_SETTING_KEYS.map((key) => {
      const own = rows
        .filter((r) => r.key === key)
        .sort((a, b) => b.regionPrefix.length - a.regionPrefix.length)[0];
      return {
        key,
        value: own?.value ?? REGION_SETTINGS[key].default,
        setAt: own?.regionCode ?? null,
        version: own?.regionCode === regionCode ? own.version : 0,
      };
    });
  }

  return {
    effective,

    async set(
      caller: SessionUser,
      actor: AuditActor,
      regionCode: string,
      key: RegionSettingKey,
      { value, version }: { value: number; version: number },
    ) {
      await regions.require(regionCode);
      assertAssignable(regionCode, caller);
      const { min, max } = REGION_SETTINGS[key];
      if (value < min || value > max)
        throw new AppError('SETTING_OUT_OF_RANGE', { key, min, max }, { key, min, max });
      const at = and(eq(regionSettings.regionCode, regionCode), eq(regionSettings.key, key))!;
      const write = () =>
        db.transaction(async (tx) => {
          const [before] = await tx.select({ value: regionSettings.value }).from(regionSettings).where(at);
          await putWithVersion(
            tx,
            regionSettings,
            at,
            version,
            { regionCode, regionPrefix: regionPrefix(regionCode), key, value, updatedBy: caller.username },
            { value, updatedBy: caller.username, updatedAt: new Date() },
          );
          await writeAudit(tx, actor, {
            action: 'setting.update',
            entity: 'region_setting',
            entityId: key,
            regionCode,
            before: before ?? null,
            after: { value },
          });
        });
      await versionedWrite(write, async () => (await effective(regionCode)).find((s) => s.key === key));
    },
  };
}

export type SettingsService = ReturnType<typeof createSettingsService>;
