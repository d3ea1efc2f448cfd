import { registerAuditEntities } from '../platform/audit/audit-redaction';
import { registerErrors } from '../platform/errors/error-catalog';
import { JOB_ERRORS } from '../platform/jobs/jobs.errors';
import {
  IDEMPOTENCY_SCHEDULES,
  idempotencyCleanupJob,
} from '../platform/idempotency/idempotency-cleanup.job';
import type { ModuleDefinition, ModuleRuntime } from '../platform/module/module-definition';
import { eventHandlerJob, type EventHandler } from '../platform/events/event-handlers';
import type { TodoSource } from '../platform/workbench/todo-source';
import { failedJobsTodos } from '../platform/workbench/failed-jobs.todos';
import { assessmentsModule } from './assessments/index';
import { authModule } from './auth/index';
import { eldersModule } from './elders/index';
import { providersModule } from './providers/index';
import { regionsModule } from './regions/index';
import { settingsModule } from './settings/index';
import { statisticsModule } from './statistics/index';
import { usersModule } from './users/index';

/** Every domain module: a new one is added here, and nowhere else in the platform. */
export const MODULES: readonly ModuleDefinition[] = [
  regionsModule,
  usersModule,
  authModule,
  eldersModule,
  settingsModule,
  assessmentsModule,
  providersModule,
  statisticsModule,
];

for (const module of MODULES) {
  registerErrors(module.errors);
  if (module.auditEntities) registerAuditEntities(module.auditEntities);
}
registerErrors(JOB_ERRORS);
registerAuditEntities({ job: 'jobs:manage' });

/**
 * Hands every job and schedule of the application — each module's and the platform's own — to
 * the runner. The server and the `yiyang jobs` commands both call it: a runner manages only the
 * jobs registered with it, so a CLI that knew fewer would call the others unknown.
 */
export function registerAllJobs(runtime: ModuleRuntime): void {
  for (const module of MODULES) runtime.jobs.register(module.jobs?.(runtime) ?? [], module.schedules ?? []);
  runtime.jobs.register([idempotencyCleanupJob(runtime.database.db)], IDEMPOTENCY_SCHEDULES);
  // Event deliveries are jobs too: the CLI's `jobs retry` must know their queues.
  runtime.jobs.register(
    moduleEventHandlers(runtime).map((handler) => eventHandlerJob(runtime.database.db, handler) as never),
  );
}

/** Every module's event handlers, for the dispatcher (app.ts) and replay (the CLI). */
export function moduleEventHandlers(runtime: ModuleRuntime): EventHandler[] {
  return MODULES.flatMap((module) => module.eventHandlers?.(runtime) ?? []);
}

/** Every module's 工作台 source, and the platform's own (failed background jobs). */
export function allTodoSources(runtime: ModuleRuntime): TodoSource[] {
  const sources = MODULES.flatMap((module) => (module.todos ? [module.todos(runtime)] : []));
  return [...sources, failedJobsTodos(runtime.jobs)];
}
