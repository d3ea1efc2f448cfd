import { and, desc, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { withinDateYears } from '@yiyang/contracts';
import { decodeCursor } from '../http/pagination';

/**
 * Keyset paging newest first on a timestamp, then id. The cursor carries the time as ISO text,
 * i.e. to the millisecond, so order and comparison use the time truncated to the millisecond
 * too: rows of the same millisecond are told apart by id instead of being skipped. The cursor is
 * `[time.toISOString(), id]` of the last row sent.
 */
export function newestFirstKeyset(time: AnyPgColumn, id: AnyPgColumn, cursor: string | undefined) {
  const key = sql`date_trunc('milliseconds', ${time})`;
  const last = decodeCursor(cursor, z.tuple([withinDateYears(z.iso.datetime()), z.uuid()]));
  const after: SQL | undefined = last
    ? or(sql`${key} < ${last[0]}`, and(sql`${key} = ${last[0]}`, lt(id, last[1])))
    : undefined;
  return { after, orderBy: [desc(key), desc(id)] as [SQL, SQL] };
}
