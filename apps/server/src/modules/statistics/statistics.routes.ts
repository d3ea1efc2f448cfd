import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { levelStats, levelStatsQuery } from '@yiyang/contracts';
import { requireUser } from '../../platform/auth/access-control';
import type { StatisticsService } from './statistics.service';

/** Statistics over several modules' records; each keeps the URL of the area it counts. */
export const statisticsRoutes =
  (service: StatisticsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/assessments/level-stats',
      {
        config: { permission: 'assessments:read' },
        schema: {
          tags: ['assessments'],
          summary: 'Active elders by final level in each child region',
          querystring: levelStatsQuery,
          response: { 200: levelStats },
        },
      },
      async (request) => service.levelStats(requireUser(request), request.query.regionCode),
    );
  };
