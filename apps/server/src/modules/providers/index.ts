export { createProvidersService, type ProvidersService } from './providers.service';
export { createProviderChangesService } from './provider-changes.service';
export { createStaffService } from './staff.service';
export { createCatalogueService } from './catalogue.service';
export { providersRoutes } from './providers.routes';
export { PROVIDER_ERRORS } from './providers.errors';
/** Read-only lookups of other modules (a provider account's provider) use the table itself. */
export { providers as providersTable } from './providers.tables';
