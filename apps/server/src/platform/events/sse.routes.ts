import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { SessionResolver } from '../auth/access-control';
import { requireUser } from '../auth/access-control';
import type { SessionUser } from '../auth/session-user';
import { AppError } from '../errors/app-error';
import { registerErrors } from '../errors/error-catalog';
import { audienceSql, canHear } from './event-audience';
import type { BusMessage, EventBus } from './event-bus';
import { EVENTS_ERRORS } from './events.errors';
import { SseConnection } from './sse-connection';

export interface SseOptions {
  /** A `: ping` comment this often (ms): under the 30–60 s after which proxies drop idle streams. */
  heartbeatMs?: number;
  /** How often an open stream checks that its session still holds (logout, disabled account). */
  sessionCheckMs?: number;
  /** Open streams one user may have in one process. */
  maxPerUser?: number;
  /** Unsent bytes after which a client that does not read is dropped. */
  maxBufferedBytes?: number;
  /** Missed events a resume sends at most; beyond, an `event: reset` (refetch) instead. */
  replayLimit?: number;
  retryMs?: number;
}

const DEFAULTS: Required<SseOptions> = {
  heartbeatMs: 20_000,
  sessionCheckMs: 60_000,
  maxPerUser: 5,
  maxBufferedBytes: 1024 * 1024,
  replayLimit: 500,
  retryMs: 5_000,
};

const streamQuery = z.object({
  /** EventSource sends Last-Event-ID itself on reconnect; a first connection may pass it here. */
  lastEventId: z
    .string()
    .regex(/^\d{1,19}$/)
    .optional(),
});

interface Stream {
  connection: SseConnection;
  user: SessionUser;
  request: FastifyRequest;
  lastSessionCheck: number;
}

const parseEventId = (value: unknown): bigint | null =>
  typeof value === 'string' && /^\d{1,19}$/.test(value) ? BigInt(value) : null;

/**
 * 实时更新: `GET /api/v1/events/stream`, the committed domain events the caller may see, as
 * server-sent events (decision 0018).
 */
export const sseRoutes =
  (bus: EventBus, resolveSession: SessionResolver, options: SseOptions = {}): FastifyPluginAsyncZod =>
  async (app) => {
    registerErrors(EVENTS_ERRORS);
    const o = { ...DEFAULTS, ...options };
    const streams = new Set<Stream>();
    const perUser = new Map<string, number>();

    const heartbeat = setInterval(() => {
      const now = Date.now();
      for (const stream of streams) {
        stream.connection.ping();
        if (now - stream.lastSessionCheck >= o.sessionCheckMs) void recheck(stream, now);
      }
    }, o.heartbeatMs);
    heartbeat.unref();

    async function recheck(stream: Stream, now: number) {
      stream.lastSessionCheck = now;
      try {
        const user = await resolveSession(stream.request);
        if (user && !user.mustChangePassword) stream.user = user;
        else stream.connection.close();
      } catch (error) {
        // A database hiccup is not a logout; the next check decides.
        app.log.warn({ err: error }, 'checking the session of an event stream failed');
      }
    }

    // Before the server waits for open requests to finish: a stream never would.
    app.addHook('preClose', async () => {
      clearInterval(heartbeat);
      for (const stream of streams) stream.connection.close();
    });

    app.get(
      '/api/v1/events/stream',
      {
        config: { permission: 'session' },
        schema: {
          tags: ['events'],
          summary: 'Live updates: committed domain events in the caller’s scope (text/event-stream)',
          querystring: streamQuery,
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        // Like every permission route: an account whose password someone else set sees nothing yet.
        if (user.mustChangePassword) throw new AppError('AUTH_PASSWORD_CHANGE_REQUIRED');
        const mine = perUser.get(user.id) ?? 0;
        if (mine >= o.maxPerUser) throw new AppError('EVENTS_TOO_MANY_STREAMS');
        const resumeAfter =
          parseEventId(request.headers['last-event-id']) ?? parseEventId(request.query.lastEventId);

        reply.hijack();
        const connection = new SseConnection(reply.raw, o);
        const stream: Stream = { connection, user, request, lastSessionCheck: Date.now() };
        streams.add(stream);
        perUser.set(user.id, mine + 1);
        // Live events wait while a resume replays, so that the client gets them in id order.
        let held: BusMessage[] | null = resumeAfter === null ? null : [];
        const hear = (message: BusMessage) => {
          if (held) held.push(message);
          else if (message.kind === 'reset') connection.reset(null);
          else if (canHear(stream.user, message.event)) connection.send(message.event);
        };
        const unsubscribe = bus.subscribe(hear);
        connection.whenEnded(() => {
          unsubscribe();
          streams.delete(stream);
          const left = (perUser.get(user.id) ?? 1) - 1;
          if (left > 0) perUser.set(user.id, left);
          else perUser.delete(user.id);
        });
        connection.open(reply.getHeaders() as Record<string, string>);

        if (resumeAfter === null) return;
        try {
          const missed = await bus.readAfter(resumeAfter, audienceSql(user), o.replayLimit + 1);
          if (missed.length > o.replayLimit) connection.reset(await bus.newestId());
          else for (const event of missed) if (canHear(stream.user, event)) connection.send(event);
        } catch (error) {
          request.log.error({ err: error }, 'replaying missed events failed');
          connection.reset(null);
        }
        const waiting = held ?? [];
        held = null;
        for (const message of waiting) hear(message);
      },
    );
  };
