import { defineModule } from '../../platform/module/module-definition';
import { ELDER_ERRORS } from './elders.errors';
import { createElderImportService } from './elder-import.service';
import { elderTodos } from './elders.todos';
export { createEldersService, type EldersService } from './elders.service';
export { createElderChangesService, type ElderChangesService } from './elder-changes.service';
export { createSurvivalService, type SurvivalService } from './survival.service';
export { eldersRoutes } from './elders.routes';
export { elderChangesRoutes } from './elder-changes.routes';
export { survivalRoutes } from './survival.routes';
export { ELDER_ERRORS } from './elders.errors';
export { encryptElders, insertEldersBatch, insertEncryptedElders, type NewElder } from './elders-bulk-insert';
export { createElderImportService, type ElderImportService } from './elder-import.service';
export { elderImportRoutes } from './elder-import.routes';
export { recordElderLevel } from './elder-level';
export { assertAlive } from './elder-rules';
/** Read-only joins of other modules (due lists; the statistics module) use the table itself. */
export { elders as eldersTable } from './elders.tables';
/** Who may read the before/after values of this module's audit entries (names, health, contacts). */
export const ELDER_AUDIT_ENTITIES = { elder: 'elders:read', elder_import: 'elders:read' } as const;

/** The module's parts the platform needs (jobs, errors, audit readers). */
export const eldersModule = defineModule({
  name: 'elders',
  errors: ELDER_ERRORS,
  auditEntities: ELDER_AUDIT_ENTITIES,
  jobs: ({ database, cipher, jobs }) => [createElderImportService(database.db, cipher, jobs).job],
  todos: elderTodos,
});
export { importToEnd } from './elder-import-to-end';
export { ELDER_IMPORT_JOB } from './elder-import.service';
