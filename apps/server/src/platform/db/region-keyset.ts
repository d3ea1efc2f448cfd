import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { decodeCursor } from '../http/pagination';

/**
 * Keyset paging in the order of the region indexes, (region_code varchar_pattern_ops, id): a
 * scope's prefix range is read in index order instead of the whole table in id order. The cursor
 * is `[regionCode, id]` of the last row sent.
 */
export function regionKeyset(region: AnyPgColumn, id: AnyPgColumn, cursor: string | undefined) {
  const last = decodeCursor(cursor, z.tuple([z.string().regex(/^\d{12}$/), z.uuid()]));
  const after: SQL | undefined = last
    ? sql`(${region} ~>~ ${last[0]} or (${region} = ${last[0]} and ${id} > ${last[1]}))`
    : undefined;
  return { after, orderBy: [sql`${region} using ~<~`, id] as [SQL, AnyPgColumn] };
}
