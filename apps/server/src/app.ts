import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { healthResponse, type HealthResponse } from '@yiyang/contracts';
import type { Database } from './platform/db/database';
import { registerAccessControl } from './platform/auth/access-control';
import { registerIdempotency } from './platform/idempotency/idempotency-hooks';
import { registerErrorHandler, sendError } from './platform/errors/error-handler';
import { errorMessage } from './platform/errors/error-catalog';
import { validatorCompiler } from './platform/http/zod-compilers';
import { registerOpenApi } from './platform/http/openapi';
import { RequestLog } from './platform/http/request-log';
import { registerStaticWeb } from './platform/http/static-web';
import { auditRoutes } from './platform/audit/audit.routes';
import { createRegionsService, regionsRoutes } from './modules/regions/index';
import { createUsersService, usersRoutes } from './modules/users/index';
import { allTodoSources, moduleEventHandlers, registerAllJobs } from './modules/index';
import { createEventDispatch } from './platform/events/event-dispatch';
import type { EventHandler } from './platform/events/event-handlers';
import { workbenchRoutes } from './platform/workbench/workbench.routes';
import { createJobRunner } from './platform/jobs/job-runner';
import { jobsRoutes } from './platform/jobs/jobs.routes';
import { createEventBus } from './platform/events/event-bus';
import { sseRoutes, type SseOptions } from './platform/events/sse.routes';
import type { SessionResolver } from './platform/auth/access-control';
import { authRoutes, createAuthService, endSessionsOf, SESSION_COOKIE } from './modules/auth/index';
import {
  createElderChangesService,
  createEldersService,
  createSurvivalService,
  elderChangesRoutes,
  eldersRoutes,
  survivalRoutes,
  createElderImportService,
  elderImportRoutes,
} from './modules/elders/index';
import multipart from '@fastify/multipart';
import { createSettingsService, settingsRoutes } from './modules/settings/index';
import {
  assessmentsRoutes,
  createAgenciesService,
  createAssessmentDueService,
  createAssessmentsService,
  createAssessorScope,
} from './modules/assessments/index';
import { createStatisticsService, statisticsRoutes } from './modules/statistics/index';
import type { PiiCipher } from './platform/crypto/pii-cipher';
import type { MqttPort } from './platform/mqtt/mqtt-port';
import { findCjkFont } from './platform/pdf/cjk-font';
import {
  createCatalogueService,
  createProviderChangesService,
  createProvidersService,
  createStaffService,
  providersRoutes,
} from './modules/providers/index';

export interface AppDeps {
  database: Database;
  /** Encrypts personal data at rest and computes blind indexes. */
  cipher: PiiCipher;
  broker: HealthResponse['broker'];
  /** The MQTT broker for modules that talk to devices (none does yet); absent when MQTT is off. */
  mqtt?: MqttPort;
  version: string;
  sessionHours?: number;
  cookieSecure?: boolean;
  /** Reverse-proxy hops to trust for the client address (X-Forwarded-For); 0 for none. */
  trustProxy?: number;
  /** YIYANG_PDF_FONT: a font file for PDF reports; else a system Chinese font is looked for. */
  pdfFont?: string;
  /** Folder of the built web app, served at `/` when present. */
  webDist?: string;
  logger?: boolean | { level: string; stream?: NodeJS.WritableStream };
  /**
   * Whether this process runs background jobs and schedules (default yes). Off, it still
   * enqueues them, for another process to run.
   */
  runJobs?: boolean;
  /** Overrides every job's retry limit (tests: 0, so that a failing job fails at once). */
  jobRetryLimit?: number;
  /** Bounds and intervals of the live-update streams (tests shorten them). */
  liveUpdates?: SseOptions;
  /** Event handlers beside the modules' own (tests that watch deliveries). */
  eventHandlers?: EventHandler[];
}

/** The whole application, ready to listen or to be called through inject() in tests. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    // Believe X-Forwarded-For for that many hops (proxy-addr's hop-count rule); 0: the peer is the client.
    trustProxy: (_address: string, hop: number) => hop < (deps.trustProxy ?? 0),
    bodyLimit: 1024 * 1024,
    logController: new RequestLog(),
    frameworkErrors: sendError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const { db } = deps.database;
  const regions = createRegionsService(db);
  const users = createUsersService(db, regions, endSessionsOf);
  const auth = createAuthService(db, users, regions, deps.sessionHours ?? 12, createAssessorScope(db));
  const elders = createEldersService(db, regions, deps.cipher);
  const jobs = createJobRunner(deps.database, {
    log: app.log,
    work: deps.runJobs ?? true,
    retryLimit: deps.jobRetryLimit,
  });
  const runtime = { database: deps.database, cipher: deps.cipher, jobs };
  registerAllJobs(runtime);
  const events = createEventDispatch(deps.database, jobs, { log: app.log });
  events.register([...moduleEventHandlers(runtime), ...(deps.eventHandlers ?? [])]);
  app.addHook('onReady', async () => {
    await jobs.start();
    // A process that runs no jobs leaves the dispatch to the one that does.
    if (deps.runJobs ?? true) await events.start();
  });
  app.addHook('onClose', async () => {
    await events.stop();
    await jobs.stop();
  });

  await app.register(cookie);
  // Imports up to 50 MB; the import service refuses anything larger with its own code.
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024 + 1, files: 1 } });
  await app.register(helmet, {
    // HSTS pins browsers to HTTPS for a year: only where the deployment is served over HTTPS.
    hsts: deps.cookieSecure ? { maxAge: 31_536_000 } : false,
    // Ant Design injects its styles at run time; scripts come only from our own origin.
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  registerErrorHandler(app);
  // API answers carry personal data (reveals, exports, error workbooks, even masked lists): no
  // browser or proxy cache may keep them. Static assets keep their own caching.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
      reply.header('cache-control', 'no-store');
  });
  const resolveSession: SessionResolver = (request) => auth.resolve(request.cookies[SESSION_COOKIE]);
  registerAccessControl(app, resolveSession);
  registerIdempotency(app, db);
  await registerOpenApi(app, deps.version);

  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['platform'],
        summary: 'Liveness and what the server runs on',
        response: { 200: healthResponse },
      },
    },
    async () => ({
      status: 'ok' as const,
      database: deps.database.kind,
      broker: deps.broker,
      version: deps.version,
    }),
  );
  await app.register(regionsRoutes(regions));
  await app.register(usersRoutes(users));
  await app.register(authRoutes(auth, deps.cookieSecure ?? false));
  await app.register(
    elderImportRoutes(createElderImportService(db, deps.cipher, jobs), elders, db, deps.cipher),
  );
  await app.register(eldersRoutes(elders));
  const elderChanges = createElderChangesService(db, regions);
  await app.register(elderChangesRoutes(elderChanges));
  await app.register(survivalRoutes(createSurvivalService(db, elderChanges)));
  await app.register(settingsRoutes(createSettingsService(db, regions)));
  const agencies = createAgenciesService(db, regions);
  await app.register(
    assessmentsRoutes(
      agencies,
      createAssessmentsService(db, regions, agencies),
      createAssessmentDueService(db, regions),
      findCjkFont(deps.pdfFont),
    ),
  );
  const providers = createProvidersService(db, regions);
  await app.register(
    providersRoutes(
      providers,
      createProviderChangesService(db, regions, providers),
      createStaffService(db, deps.cipher, providers),
      createCatalogueService(db, regions, providers),
    ),
  );
  await app.register(statisticsRoutes(createStatisticsService(db, regions)));
  await app.register(auditRoutes(db));
  await app.register(jobsRoutes(jobs, db));
  const liveEvents = await createEventBus(deps.database, { log: app.log });
  app.addHook('onClose', () => liveEvents.close());
  await app.register(sseRoutes(liveEvents, resolveSession, deps.liveUpdates));
  await app.register(workbenchRoutes(allTodoSources(runtime)));

  const servesWeb = await registerStaticWeb(app, deps.webDist);
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (servesWeb && request.method === 'GET' && !path.startsWith('/api')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply
      .status(404)
      .send({ error: { code: 'NOT_FOUND', message: errorMessage('NOT_FOUND', request.locale) } });
  });
  return app;
}
