export { createEldersService, type EldersService } from './elders.service';
export { eldersRoutes } from './elders.routes';
export { ELDER_ERRORS } from './elders.errors';
