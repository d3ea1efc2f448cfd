import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  createUserBody,
  idParams,
  listUsersQuery,
  pageOf,
  resetPasswordBody,
  staffChoice,
  staffChoicesQuery,
  updateUserBody,
  user,
} from '@yiyang/contracts';
import { requireUser } from '../../platform/auth/access-control';
import { actorFromRequest } from '../../platform/audit/audit-writer';
import type { UsersService } from './users.service';

export const usersRoutes =
  (service: UsersService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['users'];

    app.get(
      '/api/v1/users',
      {
        config: { permission: 'users:read' },
        schema: {
          tags,
          summary: 'User accounts in the caller’s scope',
          querystring: listUsersQuery,
          response: { 200: pageOf(user) },
        },
      },
      async (request) => service.list(requireUser(request), request.query),
    );

    app.post(
      '/api/v1/users',
      {
        config: { permission: 'users:write' },
        schema: {
          tags,
          summary: 'Create a user account in the caller’s scope',
          body: createUserBody,
          response: { 201: user },
        },
      },
      async (request, reply) => {
        const created = await service.create(requireUser(request), actorFromRequest(request), request.body);
        return reply.status(201).send(created);
      },
    );

    app.get(
      '/api/v1/users/staff-choices',
      {
        config: { permission: 'users:write' },
        schema: {
          tags,
          summary: 'Staff records of a provider in scope a caregiver account may be linked to',
          querystring: staffChoicesQuery,
          response: { 200: z.array(staffChoice) },
        },
      },
      async (request) => service.staffChoices(requireUser(request), request.query.providerId),
    );

    app.get(
      '/api/v1/users/:id',
      {
        config: { permission: 'users:read' },
        schema: { tags, summary: 'One user account', params: idParams, response: { 200: user } },
      },
      async (request) => service.get(requireUser(request), request.params.id),
    );

    app.patch(
      '/api/v1/users/:id',
      {
        config: { permission: 'users:write' },
        schema: {
          tags,
          summary: 'Change name, role, region, provider, staff record or status',
          params: idParams,
          body: updateUserBody,
          response: { 200: user },
        },
      },
      async (request) =>
        service.update(requireUser(request), actorFromRequest(request), request.params.id, request.body),
    );

    app.post(
      '/api/v1/users/:id/password',
      {
        config: { permission: 'users:write' },
        schema: {
          tags,
          summary: 'Set a new password; the user changes it at next sign-in',
          params: idParams,
          body: resetPasswordBody,
          response: { 200: user },
        },
      },
      async (request) =>
        service.resetPassword(
          requireUser(request),
          actorFromRequest(request),
          request.params.id,
          request.body.newPassword,
        ),
    );

    app.post(
      '/api/v1/users/:id/unlock',
      {
        config: { permission: 'users:write' },
        schema: {
          tags,
          summary: 'Lift a lock after failed sign-ins',
          params: idParams,
          response: { 200: user },
        },
      },
      async (request) => service.unlock(requireUser(request), actorFromRequest(request), request.params.id),
    );
  };
