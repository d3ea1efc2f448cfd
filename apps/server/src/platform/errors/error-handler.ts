import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { $ZodIssue } from 'zod/v4/core';
import { VALIDATION_MESSAGES } from '@yiyang/contracts';
import { AppError } from './app-error';
import { errorDefinition, errorMessage } from './error-catalog';
import { localeFromAcceptLanguage, type Locale } from '../i18n/locale';
import { RequestValidationError } from '../http/zod-compilers';

const zodLocales: Record<Locale, (issue: $ZodIssue) => string | undefined> = {
  'zh-CN': (issue) => messageText(z.locales.zhCN().localeError(issue as never)),
  en: (issue) => messageText(z.locales.en().localeError(issue as never)),
};

function messageText(result: unknown): string | undefined {
  if (typeof result === 'string') return result;
  if (result && typeof result === 'object' && 'message' in result) return String(result.message);
  return undefined;
}

export interface FieldError {
  /** Where the problem is: the request part and the path inside it, e.g. `body.regionCode`. */
  field: string;
  code: string;
  message: string;
}

export function localiseIssues(issues: $ZodIssue[], context: string, locale: Locale): FieldError[] {
  return issues.map((issue) => {
    const custom = VALIDATION_MESSAGES[issue.message];
    const message = custom ? custom[locale] : (zodLocales[locale](issue) ?? issue.message);
    const field = [context, ...issue.path.map(String)].join('.');
    return { field, code: issue.code, message };
  });
}

function send(
  reply: FastifyReply,
  locale: Locale,
  code: string,
  params?: Record<string, unknown>,
  details?: unknown,
) {
  const { status } = errorDefinition(code);
  const body: { error: { code: string; message: string; details?: unknown } } = {
    error: { code, message: errorMessage(code, locale, params) },
  };
  if (details !== undefined) body.error.details = details;
  return reply.status(status).send(body);
}

/** Maps Fastify's own client errors to our codes; anything unknown is an internal error. */
const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'REQUEST_MALFORMED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'REQUEST_MALFORMED',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'REQUEST_MALFORMED',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'REQUEST_UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_BODY_TOO_LARGE: 'REQUEST_TOO_LARGE',
  FST_REQ_FILE_TOO_LARGE: 'REQUEST_TOO_LARGE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'REQUEST_UNSUPPORTED_MEDIA_TYPE',
};

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const locale = request.locale ?? localeFromAcceptLanguage(request.headers['accept-language']);
    if (error instanceof AppError) {
      if (errorDefinition(error.code).status >= 500) request.log.error({ err: error }, 'application error');
      return send(reply, locale, error.code, error.params, error.details);
    }
    if (error instanceof RequestValidationError) {
      return send(
        reply,
        locale,
        'VALIDATION_FAILED',
        {},
        localiseIssues(error.issues, error.context, locale),
      );
    }
    if (error instanceof SyntaxError && error.statusCode === 400)
      return send(reply, locale, 'REQUEST_MALFORMED');
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return send(reply, locale, mapped);
    if (error.statusCode === 429) return send(reply, locale, 'RATE_LIMITED');
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
    } else {
      request.log.error({ err: error }, 'unhandled error');
    }
    return send(reply, locale, 'INTERNAL_ERROR');
  });
}
