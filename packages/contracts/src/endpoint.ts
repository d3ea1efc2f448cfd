import type { z } from 'zod';
import type { Permission } from '@yiyang/domain';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The names of a path's `:parameters`: `'/users/:id/password'` → `'id'`. */
export type PathParamNames<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParamNames<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;

/** Who may call an endpoint: exactly one of a permission, 'session' (anyone signed in) or public. */
type Access = { permission: Permission | 'session'; public?: never } | { public: true; permission?: never };

/** A path with parameters needs a params schema of exactly those names; one without, none. */
type ParamsFor<P extends string> = [PathParamNames<P>] extends [never]
  ? { params?: never }
  : { params: z.ZodType<Record<PathParamNames<P>, unknown>, Record<PathParamNames<P>, unknown>> };

interface EndpointBase<P extends string> {
  method: HttpMethod;
  /** Fastify's form, `/api/v1/users/:id`; the web client fills the parameters in. */
  path: P;
  query?: z.ZodType;
  body?: z.ZodType;
  /** The answer on success. */
  response: z.ZodType;
  /** The success status, 200 unless said (201 for a creation). */
  status?: 200 | 201;
  /** A POST a client may retry with an Idempotency-Key (decision 0016). */
  idempotent?: true;
  /** For the OpenAPI document. */
  tags?: readonly string[];
  summary?: string;
}

export type EndpointDefinition<P extends string> = EndpointBase<P> & ParamsFor<P> & Access;

/**
 * One HTTP endpoint described once: the server registers its route from it (`route(app, …)`),
 * the web app calls it (`call`, `useEndpointQuery`) and its forms validate with its schemas.
 * Decision 0019.
 */
export function defineEndpoint<const P extends string, const D extends EndpointDefinition<P>>(
  definition: D & { path: P },
): D {
  return definition;
}

/** Any endpoint, as the server's `route` and the web's `call` take it. */
export type Endpoint = EndpointBase<string> & { params?: z.ZodType } & Access;

type Part<E, K extends string> = E extends { [key in K]: infer S extends z.ZodType } ? S : undefined;
type In<S> = S extends z.ZodType ? z.input<S> : undefined;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** What a route handler receives (after validation, with the schemas' defaults and transforms). */
export type EndpointParams<E> = Out<Part<E, 'params'>>;
export type EndpointQuery<E> = Out<Part<E, 'query'>>;
export type EndpointBody<E> = Out<Part<E, 'body'>>;
/** What a handler returns: the response schema's input, which the server serialises. */
export type EndpointReply<E extends Endpoint> = z.input<E['response']>;
/** What a caller receives. */
export type EndpointResponse<E extends Endpoint> = z.output<E['response']>;

type Optional<K extends string, V> = V extends undefined
  ? { [key in K]?: undefined }
  : undefined extends V
    ? { [key in K]?: V }
    : object extends V
      ? { [key in K]?: V }
      : { [key in K]: V };
/** What a caller sends: only the parts the endpoint has, typed as the schemas accept them. */
export type EndpointInput<E> = Optional<'params', In<Part<E, 'params'>>> &
  Optional<'query', In<Part<E, 'query'>>> &
  Optional<'body', In<Part<E, 'body'>>>;

/** The endpoint's path with its parameters filled in (each URL-encoded). */
export function endpointPath(endpoint: Pick<Endpoint, 'path'>, params?: Record<string, unknown>): string {
  return endpoint.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null || value === '')
      throw new Error(`${endpoint.path}: parameter ${name} is missing`);
    return encodeURIComponent(String(value));
  });
}
