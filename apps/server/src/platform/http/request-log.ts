import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';

/** Polled every few seconds by load balancers and monitors: at info they would drown the log. */
const HEALTH_CHECK_PATHS = new Set(['/api/health']);
const isHealthCheck = (request: FastifyRequest) => HEALTH_CHECK_PATHS.has(request.url.split('?')[0]!);

/** Fastify's request log, with successful health checks at debug instead of info. */
export class RequestLog extends LogController {
  override incomingRequest(request: FastifyRequest, reply: FastifyReply, metadata?: Record<string, unknown>) {
    if (isHealthCheck(request)) request.log.debug({ req: request }, 'incoming request');
    else super.incomingRequest(request, reply, metadata);
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
    metadata?: Record<string, unknown>,
  ) {
    if (!error && isHealthCheck(request)) {
      reply.log.debug({ res: reply, responseTime: reply.elapsedTime }, 'request completed');
    } else super.requestCompleted(error, request, reply, metadata);
  }
}
