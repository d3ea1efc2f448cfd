import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  changeRequest,
  createChangeRequestBody,
  decideChangeRequestBody,
  idParams,
  listChangeRequestsQuery,
  pageOf,
  rejectChangeRequestBody,
} from '@yiyang/contracts';
import { requireUser } from '../../platform/auth/access-control';
import { actorFromRequest } from '../../platform/audit/audit-writer';
import type { ElderChangesService } from './elder-changes.service';

/** Maker-checker for what moves money: categories, hukou region, disability grade, status. */
export const elderChangesRoutes =
  (service: ElderChangesService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['elders'];

    app.post(
      '/api/v1/elders/:id/change-requests',
      {
        config: { permission: 'elders:write', idempotent: true },
        schema: {
          tags,
          summary: 'Propose a change that needs approval',
          params: idParams,
          body: createChangeRequestBody,
          response: { 201: changeRequest },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const created = await service.request(
          user,
          actorFromRequest(request),
          request.params.id,
          request.body.changes,
          request.body.reason,
        );
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/api/v1/elder-change-requests',
      {
        config: { permission: 'elders:read' },
        schema: {
          tags,
          summary: 'Change requests in the caller’s scope, newest first',
          querystring: listChangeRequestsQuery,
          response: { 200: pageOf(changeRequest) },
        },
      },
      async (request) => service.list(requireUser(request), request.query),
    );

    app.post(
      '/api/v1/elder-change-requests/:id/approve',
      {
        config: { permission: 'elders:approve' },
        schema: {
          tags,
          summary: 'Approve: the change becomes a new version of the record',
          params: idParams,
          body: decideChangeRequestBody,
          response: { 200: changeRequest },
        },
      },
      async (request) =>
        service.approve(
          requireUser(request),
          actorFromRequest(request),
          request.params.id,
          request.body.reason,
        ),
    );

    app.post(
      '/api/v1/elder-change-requests/:id/reject',
      {
        config: { permission: 'elders:approve' },
        schema: {
          tags,
          summary: 'Reject, with the reason',
          params: idParams,
          body: rejectChangeRequestBody,
          response: { 200: changeRequest },
        },
      },
      async (request) =>
        service.reject(
          requireUser(request),
          actorFromRequest(request),
          request.params.id,
          request.body.reason,
        ),
    );
  };
