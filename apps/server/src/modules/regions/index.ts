export { createRegionsService, type RegionsService, type RegionRow } from './regions.service';
export { regionsRoutes } from './regions.routes';
export { REGION_ERRORS } from './regions.errors';
export { hohhotDemoRegions } from './regions.demo';
