import { defineModule } from '../../platform/module/module-definition';
import { PROVIDER_ERRORS } from './providers.errors';
import { providerTodos } from './providers.todos';
export { createProvidersService, type ProvidersService } from './providers.service';
export { createProviderChangesService } from './provider-changes.service';
export { createStaffService } from './staff.service';
export { createCatalogueService } from './catalogue.service';
export { providerOfStaff, staffNamesOf } from './staff-directory';
export { providersRoutes } from './providers.routes';
export { PROVIDER_ERRORS } from './providers.errors';
/** Read-only lookups of other modules (a provider account's provider) use the table itself. */
export { providers as providersTable } from './providers.tables';
/** Who may read the before/after values of this module's audit entries. */
export const PROVIDER_AUDIT_ENTITIES = {
  provider: 'providers:read',
  provider_change_request: 'providers:read',
  provider_staff: 'providers:read',
  purchase_list_item: 'providers:read',
  service_item: 'providers:read',
} as const;

/** The module's parts the platform needs (jobs, errors, audit readers). */
export const providersModule = defineModule({
  name: 'providers',
  errors: PROVIDER_ERRORS,
  auditEntities: PROVIDER_AUDIT_ENTITIES,
  todos: providerTodos,
});
