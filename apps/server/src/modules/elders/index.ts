export { createEldersService, type EldersService } from './elders.service';
export { createElderChangesService, type ElderChangesService } from './elder-changes.service';
export { createSurvivalService, type SurvivalService } from './survival.service';
export { eldersRoutes } from './elders.routes';
export { elderChangesRoutes } from './elder-changes.routes';
export { survivalRoutes } from './survival.routes';
export { ELDER_ERRORS } from './elders.errors';
