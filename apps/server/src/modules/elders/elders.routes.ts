import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createElderBody,
  elder,
  elderVersion,
  idParams,
  listEldersQuery,
  pageOf,
  revealedElder,
  updateElderBody,
} from '@yiyang/contracts';
import { requireUser } from '../../platform/auth/access-control';
import { actorFromRequest } from '../../platform/audit/audit-writer';
import type { EldersService } from './elders.service';

/** 一人一档. Responses always mask identity numbers and phones; clear values only through reveal. */
export const eldersRoutes =
  (service: EldersService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['elders'];

    app.post(
      '/api/v1/elders',
      {
        config: { permission: 'elders:write', idempotent: true },
        schema: {
          tags,
          summary: 'Register an elder in a community of the caller’s scope',
          body: createElderBody,
          response: { 201: elder },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await service.create(requireUser(request), actorFromRequest(request), request.body)),
    );

    app.get(
      '/api/v1/elders',
      {
        config: { permission: 'elders:read' },
        schema: {
          tags,
          summary: 'Elders in the caller’s scope, filtered',
          querystring: listEldersQuery,
          response: { 200: pageOf(elder) },
        },
      },
      async (request) => service.list(requireUser(request), request.query),
    );

    app.get(
      '/api/v1/elders/:id',
      {
        config: { permission: 'elders:read' },
        schema: { tags, summary: 'One elder record (masked)', params: idParams, response: { 200: elder } },
      },
      async (request) => service.get(requireUser(request), request.params.id),
    );

    app.patch(
      '/api/v1/elders/:id',
      {
        config: { permission: 'elders:write' },
        schema: {
          tags,
          summary: 'Change fields that need no approval',
          params: idParams,
          body: updateElderBody,
          response: { 200: elder },
        },
      },
      async (request) =>
        service.update(requireUser(request), actorFromRequest(request), request.params.id, request.body),
    );

    app.get(
      '/api/v1/elders/:id/history',
      {
        config: { permission: 'elders:read' },
        schema: {
          tags,
          summary: 'Every version of the record',
          params: idParams,
          response: { 200: z.object({ items: z.array(elderVersion) }) },
        },
      },
      async (request) => ({ items: await service.history(requireUser(request), request.params.id) }),
    );

    app.post(
      '/api/v1/elders/:id/reveal',
      {
        config: { permission: 'pii:reveal' },
        schema: {
          tags,
          summary: 'Identity number and phones in clear (audited)',
          params: idParams,
          response: { 200: revealedElder },
        },
      },
      async (request) => service.reveal(requireUser(request), actorFromRequest(request), request.params.id),
    );
  };
