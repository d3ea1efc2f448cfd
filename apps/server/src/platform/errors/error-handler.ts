import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isResponseSerializationError } from 'fastify-type-provider-zod';
import { errorDefinition, errorMessage } from './error-catalog';
import { localeFromAcceptLanguage } from '../i18n/locale';
import { publicError } from './public-error';

/** Answers any error with a coded, localised body from publicError; the cause goes to the log. */
export function sendError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const locale = request.locale ?? localeFromAcceptLanguage(request.headers['accept-language']);
  const { code, params, details, severity } = publicError(error, locale);
  const { status } = errorDefinition(code);
  if (severity === 'error' || status >= 500) {
    if (isResponseSerializationError(error))
      request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
    else request.log.error({ err: error }, 'unhandled error');
  } else if (severity === 'warn') {
    request.log.warn({ err: error }, 'client error without a code of ours');
  }
  const body: { error: { code: string; message: string; details?: unknown } } = {
    error: { code, message: errorMessage(code, locale, params) },
  };
  if (details !== undefined) body.error.details = details;
  return reply.status(status).send(body);
}

/**
 * The one error handler. Errors Fastify raises before routing (a URL that is not valid
 * percent-encoding) reach sendError through the `frameworkErrors` option instead.
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(sendError);
}
