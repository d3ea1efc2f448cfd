import { and, asc, count, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  regionAncestors,
  REGION_LEVELS,
  regionLevel,
  regionPrefix,
  type Bounds,
  type RegionLevel,
} from '@yiyang/domain';
import type { RegionDto, RegionTreeNode } from '@yiyang/contracts';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { regions } from './regions.tables';

export interface RegionRow {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  demo: boolean;
  minLat?: number | null;
  maxLat?: number | null;
  minLng?: number | null;
  maxLng?: number | null;
}

const columns = {
  code: regions.code,
  name: regions.name,
  level: regions.level,
  parentCode: regions.parentCode,
  demo: regions.demo,
};

export function createRegionsService(db: Db) {
  const child = alias(regions, 'child');

  async function withChildCounts(
    where: ReturnType<typeof eq> | ReturnType<typeof isNull>,
  ): Promise<RegionDto[]> {
    return db
      .select({ ...columns, childCount: count(child.code) })
      .from(regions)
      .leftJoin(child, eq(child.parentCode, regions.code))
      .where(where)
      .groupBy(regions.code)
      .orderBy(asc(regions.code));
  }

  async function get(code: string): Promise<RegionRow | null> {
    const [row] = await db.select().from(regions).where(eq(regions.code, code));
    return row ?? null;
  }

  return {
    get,

    /** A region's name, or throws REGION_NOT_FOUND: for anything that refers to a region. */
    async require(code: string): Promise<RegionRow> {
      const row = await get(code);
      if (!row) throw new AppError('REGION_NOT_FOUND', { code }, { regionCode: code });
      return row;
    },

    /** Names of many regions at once, for lists that show them. */
    async names(codes: string[]): Promise<Map<string, string>> {
      const unique = [...new Set(codes)];
      if (unique.length === 0) return new Map();
      const rows = await db
        .select({ code: regions.code, name: regions.name })
        .from(regions)
        .where(inArray(regions.code, unique));
      return new Map(rows.map((r) => [r.code, r.name]));
    },

    /** Children of `parent`, or the roots of the tree. */
    children(parent?: string): Promise<RegionDto[]> {
      return withChildCounts(parent ? eq(regions.parentCode, parent) : isNull(regions.parentCode));
    },

    /** The subtree under `root`, `depth` levels deep, in one query. */
    async tree(root: string, depth: number): Promise<RegionTreeNode> {
      const rootLevel = regionLevel(root);
      const rows = await db
        .select({
          ...columns,
          childCount: sql<number>`(select count(*)::int from ${regions} c where c.parent_code = ${regions.code})`,
        })
        .from(regions)
        .where(sql`${regions.code} like ${regionPrefix(root) + '%'}`)
        .orderBy(asc(regions.code));
      const maxLevel = REGION_LEVELS.indexOf(rootLevel) + depth;
      const nodes = new Map<string, RegionTreeNode>();
      for (const row of rows) {
        if (REGION_LEVELS.indexOf(row.level) > maxLevel) continue;
        nodes.set(row.code, { ...row, children: [] });
      }
      const top = nodes.get(root);
      if (!top) throw new AppError('REGION_NOT_FOUND', { code: root }, { regionCode: root });
      for (const node of nodes.values()) {
        if (node.code !== root && node.parentCode) nodes.get(node.parentCode)?.children.push(node);
      }
      return top;
    },

    async count(): Promise<number> {
      const [row] = await db.select({ n: count() }).from(regions);
      return row?.n ?? 0;
    },

    /** Inserts regions parents-first; existing codes are left as they are. */
    /** The bounding box of the region or of its nearest ancestor that has one. */
    async bounds(code: string, tx: Db = db): Promise<Bounds | null> {
      const ancestors = regionAncestors(code);
      const rows = await tx
        .select({
          code: regions.code,
          minLat: regions.minLat,
          maxLat: regions.maxLat,
          minLng: regions.minLng,
          maxLng: regions.maxLng,
        })
        .from(regions)
        .where(and(inArray(regions.code, ancestors), isNotNull(regions.minLat)));
      const nearest = ancestors.map((c) => rows.find((r) => r.code === c)).find((r) => r);
      if (!nearest) return null;
      const { code: _code, ...box } = nearest;
      return box as Bounds;
    },

    async insertMany(rows: RegionRow[]): Promise<void> {
      for (let i = 0; i < rows.length; i += 1000) {
        await db
          .insert(regions)
          .values(rows.slice(i, i + 1000))
          .onConflictDoNothing();
      }
      // Bounds came after the first demo installations: give existing rows theirs.
      for (const row of rows.filter((r) => r.minLat !== undefined && r.minLat !== null))
        await db
          .update(regions)
          .set({ minLat: row.minLat, maxLat: row.maxLat, minLng: row.minLng, maxLng: row.maxLng })
          .where(and(eq(regions.code, row.code), isNull(regions.minLat)));
    },
  };
}

export type RegionsService = ReturnType<typeof createRegionsService>;
