export { createEldersService, type EldersService } from './elders.service';
export { createElderChangesService, type ElderChangesService } from './elder-changes.service';
export { eldersRoutes } from './elders.routes';
export { elderChangesRoutes } from './elder-changes.routes';
export { ELDER_ERRORS } from './elders.errors';
