import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  effectiveSettingsResponse,
  regionParams,
  regionSettingBody,
  regionSettingParams,
} from '@yiyang/contracts';
import { requireUser } from '../../platform/auth/access-control';
import { assertInScope } from '../../platform/auth/scope';
import { actorFromRequest } from '../../platform/audit/audit-writer';
import type { SettingsService } from './settings.service';

export const settingsRoutes =
  (service: SettingsService): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['settings'];

    app.get(
      '/api/v1/region-settings/:code',
      {
        config: { permission: 'session' },
        schema: {
          tags,
          summary: 'Settings as they apply to a region of the caller’s scope',
          params: regionParams,
          response: { 200: effectiveSettingsResponse },
        },
      },
      async (request) => {
        assertInScope(request.params.code, requireUser(request));
        return { regionCode: request.params.code, settings: await service.effective(request.params.code) };
      },
    );

    app.put(
      '/api/v1/region-settings/:code/:key',
      {
        config: { permission: 'settings:write' },
        schema: {
          tags,
          summary: 'Set a value for a region and everything below it',
          params: regionSettingParams,
          body: regionSettingBody,
          response: { 200: effectiveSettingsResponse },
        },
      },
      async (request) => {
        const { code, key } = request.params;
        await service.set(requireUser(request), actorFromRequest(request), code, key, request.body);
        return { regionCode: code, settings: await service.effective(code) };
      },
    );
  };
