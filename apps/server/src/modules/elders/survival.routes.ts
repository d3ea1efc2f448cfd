import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  idParams,
  pageOf,
  survivalCheck,
  survivalCheckBody,
  survivalDueItem,
  survivalDueQuery,
} from '@yiyang/contracts';
import { requireUser } from '../../platform/auth/access-control';
import { actorFromRequest } from '../../platform/audit/audit-writer';
import type { SurvivalService } from './survival.service';

export const survivalRoutes =
  (service: SurvivalService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['elders'];

    app.post(
      '/api/v1/elders/:id/survival-checks',
      {
        config: { permission: 'elders:write' },
        schema: {
          tags,
          summary: 'Record a survival check (生存认证)',
          params: idParams,
          body: survivalCheckBody,
          response: { 201: survivalCheck },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(
            await service.record(
              requireUser(request),
              actorFromRequest(request),
              request.params.id,
              request.body,
            ),
          ),
    );

    app.get(
      '/api/v1/elders/:id/survival-checks',
      {
        config: { permission: 'elders:read' },
        schema: {
          tags,
          summary: 'Survival checks of an elder, newest first',
          params: idParams,
          response: { 200: z.object({ items: z.array(survivalCheck) }) },
        },
      },
      async (request) => ({ items: await service.history(requireUser(request), request.params.id) }),
    );

    app.get(
      '/api/v1/survival-checks/due',
      {
        config: { permission: 'elders:read' },
        schema: {
          tags,
          summary: 'Elders due, overdue or flagged for a survival check',
          querystring: survivalDueQuery,
          response: { 200: pageOf(survivalDueItem) },
        },
      },
      async (request) => service.due(requireUser(request), request.query),
    );
  };
