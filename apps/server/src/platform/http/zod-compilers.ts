import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import type { $ZodIssue } from 'zod/v4/core';

/** Raised by the request validator; the error handler localises its issues per request. */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly issues: $ZodIssue[],
    readonly context: string,
  ) {
    super('request validation failed');
  }
}

/**
 * Like fastify-type-provider-zod's validator, but keeps the raw issues (with their input) so
 * that messages can be rendered in the caller's language rather than the server's.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    return { error: new RequestValidationError(result.error.issues, httpPart ?? 'body') };
  };
