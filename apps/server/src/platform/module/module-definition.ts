import type { Permission } from '@yiyang/domain';
import type { Database } from '../db/database';
import type { PiiCipher } from '../crypto/pii-cipher';
import type { ErrorCatalog } from '../errors/error-catalog';
import type { JobDefinition, ScheduleDefinition } from '../jobs/job-definition';
import type { JobRunner } from '../jobs/job-runner';
import type { EventHandler } from '../events/event-handlers';
import type { TodoSource } from '../workbench/todo-source';

/** What the platform hands a module to build its jobs with. */
export interface ModuleRuntime {
  database: Database;
  cipher: PiiCipher;
  jobs: JobRunner;
}

/**
 * What a module declares to the platform, exported as one object from its index.ts; app.ts and
 * the CLI loop over the list (modules/index.ts) instead of naming each module's parts.
 */
export interface ModuleDefinition {
  name: string;
  errors: ErrorCatalog;
  /** Audit entity → the permission that may read an entry's before/after. */
  auditEntities?: Record<string, Permission>;
  jobs?(runtime: ModuleRuntime): JobDefinition<never>[];
  schedules?: ScheduleDefinition[];
  /** What the module does when domain events happen (delivered at least once, effect once; decision 0017). */
  eventHandlers?(runtime: ModuleRuntime): EventHandler[];
  /** What waits for a user in this module, for their 工作台. */
  todos?(runtime: ModuleRuntime): TodoSource;
}

export function defineModule(definition: ModuleDefinition): ModuleDefinition {
  return definition;
}
