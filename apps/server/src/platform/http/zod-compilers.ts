import type { FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import type { $ZodIssue } from 'zod/v4/core';
import { controlCharacterPaths } from '@yiyang/contracts';

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
 * Control characters are refused in every string of every request part, before the schema
 * looks at it: no field can forget to, and PostgreSQL would answer a NUL with an error.
 */
function controlCharacterIssues(data: unknown): $ZodIssue[] {
  return controlCharacterPaths(data).map((path) => ({
    code: 'custom',
    path,
    message: 'validation.controlCharacter',
    input: undefined,
  }));
}

const samePath = (a: PropertyKey[], b: PropertyKey[]) =>
  a.length === b.length && a.every((key, i) => String(key) === String(b[i]));

/**
 * Like fastify-type-provider-zod's validator, but keeps the raw issues (with their input) so
 * that messages can be rendered in the caller's language rather than the server's.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    const control = controlCharacterIssues(data);
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success && control.length === 0) return { value: result.data };
    // One issue per field: the control character, not what the schema thinks of the same text.
    const others = result.success
      ? []
      : result.error.issues.filter((issue) => !control.some((c) => samePath(c.path, issue.path)));
    return { error: new RequestValidationError([...control, ...others], httpPart ?? 'body') };
  };
