import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { settingsEndpoints } from '@yiyang/contracts';
import { requireUser } from '../../platform/auth/access-control';
import { assertInScope } from '../../platform/auth/scope';
import { actorFromRequest } from '../../platform/audit/audit-writer';
import { route } from '../../platform/http/endpoint-route';
import type { SettingsService } from './settings.service';

export const settingsRoutes =
  (service: SettingsService): FastifyPluginAsyncZod =>
  async (app) => {
    route(app, settingsEndpoints.effective, async (request) => {
      assertInScope(request.params.code, requireUser(request));
      return { regionCode: request.params.code, settings: await service.effective(request.params.code) };
    });

    route(app, settingsEndpoints.set, async (request) => {
      const { code, key } = request.params;
      await service.set(requireUser(request), actorFromRequest(request), code, key, request.body);
      return { regionCode: code, settings: await service.effective(code) };
    });
  };
