import { defineModule } from '../../platform/module/module-definition';
import { REGION_ERRORS } from './regions.errors';
export { createRegionsService, type RegionsService, type RegionRow } from './regions.service';
export { regionsRoutes } from './regions.routes';
export { REGION_ERRORS } from './regions.errors';
export { hohhotDemoRegions } from './regions.demo';

/** The module's parts the platform needs (jobs, errors, audit readers). */
export const regionsModule = defineModule({
  name: 'regions',
  errors: REGION_ERRORS,
});
