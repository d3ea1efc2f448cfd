export { createProvidersService, type ProvidersService } from './providers.service';
export { createProviderChangesService } from './provider-changes.service';
export { createStaffService } from './staff.service';
export { createCatalogueService } from './catalogue.service';
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
