import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/database';
import { AppError } from '../errors/app-error';
import { registerErrors } from '../errors/error-catalog';
import { IDEMPOTENCY_ERRORS } from './idempotency.errors';
import {
  claimIdempotencyKey,
  releaseIdempotencyKey,
  storeIdempotentAnswer,
  type StoredAnswer,
} from './idempotency-store';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * A POST a client may retry with an Idempotency-Key: `true` fingerprints the validated JSON
     * body before the handler; 'upload' leaves that to the handler, which calls
     * `replayedIdempotentUpload` with the file's bytes once it has read them.
     */
    idempotent?: true | 'upload';
  }
}

const HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x20-\x7e]{1,100}$/;
/** Answer headers a replay repeats; the rest (date, cookies, security headers) are made anew. */
const REPLAYED_HEADERS = ['content-type', 'location'];

interface ActiveClaim {
  userId: string;
  key: string;
  createdAt: Date;
}
const claims = new WeakMap<FastifyRequest, ActiveClaim>();
/** The valid key of a request to an idempotent route, read in preHandler, and where to keep it. */
const keys = new WeakMap<FastifyRequest, { key: string; db: Db }>();

/** Keys in a stable order, so that `{a,b}` and `{b,a}` are the same body. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function fingerprintOf(request: FastifyRequest, body: Buffer | unknown): string {
  const hash = createHash('sha256').update(`${request.method} ${request.url}\n`);
  if (Buffer.isBuffer(body)) hash.update('bytes\n').update(body);
  else hash.update('json\n').update(canonicalJson(body));
  return hash.digest('hex');
}

function readKey(request: FastifyRequest): string | undefined {
  const value = request.headers[HEADER];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !KEY_PATTERN.test(value)) throw new AppError('IDEMPOTENCY_KEY_INVALID');
  return value;
}

function sendStored(reply: FastifyReply, answer: StoredAnswer): FastifyReply {
  reply.status(answer.status).headers(answer.headers).header('idempotent-replayed', 'true');
  // A Buffer goes out as it is: the stored body is already the serialised answer.
  return reply.send(Buffer.from(answer.body, 'utf8'));
}

/**
 * Claims the key for this request, or answers it: with the stored answer (true is returned and
 * the handler must not run), or with 422/409 thrown. Without a key, nothing happens.
 */
async function claimOrAnswer(request: FastifyRequest, reply: FastifyReply, body: unknown): Promise<boolean> {
  const found = keys.get(request);
  if (!found || !request.user) return false;
  const { key, db } = found;
  const userId = request.user.id;
  const claim = await claimIdempotencyKey(db, userId, key, fingerprintOf(request, body), new Date());
  if (claim.kind === 'reused') throw new AppError('IDEMPOTENCY_KEY_REUSED');
  if (claim.kind === 'in-progress') throw new AppError('IDEMPOTENCY_KEY_IN_PROGRESS');
  if (claim.kind === 'replay') {
    sendStored(reply, claim.answer);
    return true;
  }
  claims.set(request, { userId, key, createdAt: claim.createdAt });
  return false;
}

/**
 * For routes with `idempotent: 'upload'`: call with the uploaded file's bytes before doing
 * anything with them. True: the reply was answered from the key; return it without running.
 */
export const replayedIdempotentUpload = (
  request: FastifyRequest,
  reply: FastifyReply,
  bytes: Buffer,
): Promise<boolean> => claimOrAnswer(request, reply, bytes);

function serialisedBody(payload: unknown): string | null {
  if (typeof payload === 'string') return payload;
  if (Buffer.isBuffer(payload)) return payload.toString('utf8');
  return null;
}

/**
 * Idempotency keys for routes marked `idempotent` (decision 0016): a retry with the same key and
 * body gets the first answer without the handler running again. Only 2xx answers are kept; any
 * other answer, or a thrown error, gives the key back so that a retry runs the request anew.
 */
export function registerIdempotency(app: FastifyInstance, db: Db): void {
  registerErrors(IDEMPOTENCY_ERRORS);

  // After access control and validation: a caller who may not call the route, or whose body is
  // invalid, claims nothing; the fingerprint is of the validated body.
  app.addHook('preHandler', async (request, reply) => {
    const mode = request.routeOptions.config.idempotent;
    if (!mode) return;
    const key = readKey(request);
    if (key === undefined) return;
    keys.set(request, { key, db });
    if (mode === true && (await claimOrAnswer(request, reply, request.body))) return reply;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = claims.get(request);
    if (!claim) return payload;
    claims.delete(request);
    const body = serialisedBody(payload);
    const status = reply.statusCode;
    try {
      if (status >= 200 && status < 300 && body !== null) {
        const headers: Record<string, string> = {};
        for (const name of REPLAYED_HEADERS) {
          const value = reply.getHeader(name);
          if (value !== undefined) headers[name] = String(value);
        }
        await storeIdempotentAnswer(db, claim, { status, headers, body });
      } else {
        await releaseIdempotencyKey(db, claim);
      }
    } catch (error) {
      // The answer itself stands; the key stays claimed and is taken over once abandoned.
      request.log.error({ err: error }, 'could not record the answer of an idempotency key');
    }
    return payload;
  });
}
