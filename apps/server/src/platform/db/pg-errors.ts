/** Drizzle wraps driver errors; the PostgreSQL SQLSTATE sits on the error or its cause. */
function sqlState(error: unknown): string | undefined {
  for (
    let e = error as { code?: unknown; cause?: unknown } | undefined, i = 0;
    e && i < 4;
    e = e.cause as never, i++
  ) {
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e.code;
  }
  return undefined;
}

export const isUniqueViolation = (error: unknown): boolean => sqlState(error) === '23505';
/** The constraint (or unique index) a violation names, where the driver reports it. */
export function violatedConstraint(error: unknown): string | undefined {
  for (
    let e = error as { constraint?: unknown; cause?: unknown } | undefined, i = 0;
    e && i < 4;
    e = e.cause as never, i++
  ) {
    if (typeof e.constraint === 'string') return e.constraint;
  }
  return undefined;
}
export const isForeignKeyViolation = (error: unknown): boolean => sqlState(error) === '23503';
/**
 * SQLSTATE class 22, data exception: a value the database cannot take (out of range for its
 * type, invalid syntax, NUL in text). Only input that validation let through gets here.
 */
export const isDataException = (error: unknown): boolean => sqlState(error)?.startsWith('22') ?? false;
