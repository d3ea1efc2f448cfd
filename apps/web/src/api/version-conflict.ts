import { useCallback, useState } from 'react';
import { VERSION_CONFLICT } from '@yiyang/contracts';
import { ApiError } from './client';

/** The record as it is now, if `error` answers a stale edit (409 VERSION_CONFLICT); else null. */
export function conflictCurrent<T>(error: unknown): T | null {
  if (!(error instanceof ApiError) || error.code !== VERSION_CONFLICT) return null;
  return ((error.details as { current?: T } | undefined)?.current ?? null) as T | null;
}

/**
 * A form's edit of a versioned record. After a conflict the form keeps what the user typed and
 * holds the record as it is now: shown on request, and its version is what the next save sends,
 * so saving again is a decision taken knowing someone else changed the record.
 */
export function useVersionConflict<T extends { version: number }>() {
  const [current, setCurrent] = useState<T | null>(null);
  /** Keeps the current record if `error` is a conflict; says whether it was. */
  const caught = useCallback((error: unknown): boolean => {
    const now = conflictCurrent<T>(error);
    if (now) setCurrent(now);
    return now !== null;
  }, []);
  const clear = useCallback(() => setCurrent(null), []);
  return {
    current,
    /** The version to send for a record read as `read`. */
    versionFor: (read: { version: number }) => current?.version ?? read.version,
    caught,
    clear,
  };
}

/** The fields of `values` that differ from the record as it was read (what an edit sends). */
export function changedFields<K extends string>(
  values: Partial<Record<K, unknown>>,
  read: object,
  fields: readonly K[],
): Partial<Record<K, unknown>> {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return Object.fromEntries(
    fields
      .filter((k) => !same(values[k], (read as Record<string, unknown>)[k]))
      .map((k) => [k, values[k] ?? null]),
  ) as Partial<Record<K, unknown>>;
}
