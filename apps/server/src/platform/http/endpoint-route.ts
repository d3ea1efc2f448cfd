import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Endpoint, EndpointBody, EndpointParams, EndpointQuery, EndpointReply } from '@yiyang/contracts';

/** A request to `E` as its handler sees it: params, query and body typed by the endpoint's schemas. */
export type EndpointRequest<E extends Endpoint> = FastifyRequest<{
  Params: EndpointParams<E>;
  Querystring: EndpointQuery<E>;
  Body: EndpointBody<E>;
}>;

export type EndpointHandler<E extends Endpoint> = (
  request: EndpointRequest<E>,
  reply: FastifyReply,
) => Promise<EndpointReply<E>>;

/** Any Fastify instance, whatever its type provider: the endpoint carries the types. */
type AnyFastify = Pick<FastifyInstance, 'route'>;

/**
 * Registers the route an endpoint describes (decision 0019): its method and path, its schemas
 * (validated by the zod compiler, documented by OpenAPI), its access declaration and whether it
 * is idempotent, so that none of these is written twice. The handler returns the answer; the
 * endpoint's status (201 for a creation) is set here.
 */
export function route<E extends Endpoint>(app: AnyFastify, endpoint: E, handler: EndpointHandler<E>): void {
  const status = endpoint.status ?? 200;
  const access = endpoint.public ? { public: true } : { permission: endpoint.permission };
  app.route({
    method: endpoint.method,
    url: endpoint.path,
    config: { ...access, ...(endpoint.idempotent ? { idempotent: true } : {}) },
    schema: {
      ...(endpoint.tags ? { tags: [...endpoint.tags] } : {}),
      ...(endpoint.summary ? { summary: endpoint.summary } : {}),
      ...(endpoint.params ? { params: endpoint.params } : {}),
      ...(endpoint.query ? { querystring: endpoint.query } : {}),
      ...(endpoint.body ? { body: endpoint.body } : {}),
      response: { [status]: endpoint.response },
    },
    handler: async (request, reply) => {
      const answer = await handler(request as EndpointRequest<E>, reply);
      if (!reply.sent) reply.status(status);
      return answer;
    },
  } as RouteOptions);
}
