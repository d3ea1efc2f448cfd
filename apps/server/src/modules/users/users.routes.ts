import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { usersEndpoints } from '@yiyang/contracts';
import { requireUser } from '../../platform/auth/access-control';
import { actorFromRequest } from '../../platform/audit/audit-writer';
import { route } from '../../platform/http/endpoint-route';
import type { UsersService } from './users.service';

export const usersRoutes =
  (service: UsersService): FastifyPluginAsyncZod =>
  async (app) => {
    route(app, usersEndpoints.list, async (request) => service.list(requireUser(request), request.query));

    route(app, usersEndpoints.create, async (request) =>
      service.create(requireUser(request), actorFromRequest(request), request.body),
    );

    route(app, usersEndpoints.get, async (request) => service.get(requireUser(request), request.params.id));

    route(app, usersEndpoints.update, async (request) =>
      service.update(requireUser(request), actorFromRequest(request), request.params.id, request.body),
    );

    route(app, usersEndpoints.staffChoices, async (request) =>
      service.staffChoices(requireUser(request), request.query.providerId),
    );

    route(app, usersEndpoints.resetPassword, async (request) =>
      service.resetPassword(
        requireUser(request),
        actorFromRequest(request),
        request.params.id,
        request.body.newPassword,
      ),
    );

    route(app, usersEndpoints.unlock, async (request) =>
      service.unlock(requireUser(request), actorFromRequest(request), request.params.id),
    );
  };
