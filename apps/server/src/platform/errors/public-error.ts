import type { FastifyError } from 'fastify';
import { AppError } from './app-error';
import { errorMessage } from './error-catalog';
import type { Locale } from '../i18n/locale';
import { RequestValidationError } from '../http/zod-compilers';
import { isDataException } from '../db/pg-errors';
import { localiseIssues } from './localise-issues';

/**
 * What a caller may learn of an error: a catalog code, its parameters and field details — never
 * the error's own message, which may hold SQL, a stack or a driver's words. The HTTP error
 * handler answers with it, and whatever stores a failure for users to read later (a job's
 * status) stores its message, so both say the same and neither leaks.
 */
export interface PublicError {
  code: string;
  params: Record<string, unknown>;
  details?: unknown;
  /**
   * What the log should say: `error` for a fault of ours — including a value that validation let
   * through to the database — and `warn` for a client error we have no code of our own for.
   */
  severity: 'none' | 'warn' | 'error';
}

/** Fastify's own client errors, by their code. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'REQUEST_MALFORMED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'REQUEST_MALFORMED',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'REQUEST_MALFORMED',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'REQUEST_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'REQUEST_TOO_LARGE',
  FST_REQ_FILE_TOO_LARGE: 'REQUEST_TOO_LARGE',
  FST_PARTS_LIMIT: 'REQUEST_TOO_LARGE',
  FST_FILES_LIMIT: 'REQUEST_TOO_LARGE',
  FST_FIELDS_LIMIT: 'REQUEST_TOO_LARGE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'REQUEST_UNSUPPORTED_MEDIA_TYPE',
};

export function publicError(error: unknown, locale: Locale): PublicError {
  if (error instanceof AppError)
    return { code: error.code, params: error.params, details: error.details, severity: 'none' };
  if (error instanceof RequestValidationError)
    return {
      code: 'VALIDATION_FAILED',
      params: {},
      details: localiseIssues(error.issues, error.context, locale),
      severity: 'none',
    };
  if (isDataException(error)) return { code: 'REQUEST_VALUE_UNUSABLE', params: {}, severity: 'error' };
  const fastify = error as Partial<FastifyError> | undefined;
  if (error instanceof SyntaxError && fastify?.statusCode === 400)
    return { code: 'REQUEST_MALFORMED', params: {}, severity: 'none' };
  const mapped = fastify?.code ? FASTIFY_CODES[fastify.code] : undefined;
  if (mapped) return { code: mapped, params: {}, severity: 'none' };
  if (fastify?.statusCode === 429) return { code: 'RATE_LIMITED', params: {}, severity: 'none' };
  // Any other client error Fastify or a plugin raises stays a client error, in our words.
  const status = fastify?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return { code: 'REQUEST_INVALID', params: {}, severity: 'warn' };
  return { code: 'INTERNAL_ERROR', params: {}, severity: 'error' };
}

/** The localised message of any error, safe to show or to store for users. */
export const publicErrorMessage = (error: unknown, locale: Locale): string => {
  const { code, params } = publicError(error, locale);
  return errorMessage(code, locale, params);
};
