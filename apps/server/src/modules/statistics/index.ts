import { defineModule } from '../../platform/module/module-definition';
export { createStatisticsService, type StatisticsService } from './statistics.service';
export { statisticsRoutes } from './statistics.routes';

/** The module's parts the platform needs: no codes of its own (scope and region codes answer). */
export const statisticsModule = defineModule({
  name: 'statistics',
  errors: {},
});
