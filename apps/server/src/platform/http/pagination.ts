import type { z } from 'zod';
import { controlCharacterPaths } from '@yiyang/contracts';
import { AppError } from '../errors/app-error';

/**
 * Keyset pagination: the cursor is the sort key of the last row sent, opaque to clients
 * (base64url JSON). Lists ask for limit + 1 rows to know whether there is a next page.
 */
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** Decodes and checks a cursor against the shape of its sort key; anything else is a 400. */
export function decodeCursor<T extends z.ZodType>(cursor: string | undefined, shape: T): z.infer<T> | null {
  if (cursor === undefined) return null;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new AppError('PAGINATION_CURSOR_INVALID');
  }
  // The shape says which key; what no request string may hold, a cursor may not either.
  const parsed = shape.safeParse(key);
  if (!parsed.success || controlCharacterPaths(key).length > 0)
    throw new AppError('PAGINATION_CURSOR_INVALID');
  return parsed.data;
}

export function pageFrom<T>(rows: T[], limit: number, keyOf: (row: T) => unknown) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null };
}
