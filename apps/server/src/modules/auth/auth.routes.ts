import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { changePasswordBody, loginBody, okResponse, sessionUser } from '@yiyang/contracts';
import { requireUser } from '../../platform/auth/access-control';
import { actorFromRequest } from '../../platform/audit/audit-writer';
import type { AuthService } from './auth.service';

export const SESSION_COOKIE = 'yiyang_session';

export const authRoutes =
  (service: AuthService, cookieSecure: boolean): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['auth'];
    const cookieOptions = {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: cookieSecure,
      maxAge: service.sessionHours * 3600,
    };

    app.post(
      '/api/v1/auth/login',
      {
        config: { public: true },
        schema: {
          tags,
          summary: 'Sign in; sets the session cookie',
          body: loginBody,
          response: { 200: sessionUser },
        },
      },
      async (request, reply) => {
        const actor = { ...actorFromRequest(request), ip: request.ip };
        const token = await service.login(
          request.body.username,
          request.body.password,
          actor,
          request.locale,
        );
        const user = await service.resolve(token);
        reply.setCookie(SESSION_COOKIE, token, cookieOptions);
        return service.me(user!);
      },
    );

    app.post(
      '/api/v1/auth/logout',
      {
        config: { permission: 'session' },
        schema: { tags, summary: 'Sign out; ends the session', response: { 200: okResponse } },
      },
      async (request, reply) => {
        await service.logout(requireUser(request), actorFromRequest(request));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    app.get(
      '/api/v1/auth/me',
      {
        config: { permission: 'session' },
        schema: {
          tags,
          summary: 'The signed-in user, with role, scope and permissions',
          response: { 200: sessionUser },
        },
      },
      async (request) => service.me(requireUser(request)),
    );

    app.post(
      '/api/v1/auth/password',
      {
        config: { permission: 'session' },
        schema: {
          tags,
          summary: 'Change one’s own password; other sessions end',
          body: changePasswordBody,
          response: { 200: sessionUser },
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const { currentPassword, newPassword } = request.body;
        const token = await service.changePassword(
          user,
          { ...actorFromRequest(request), ip: request.ip },
          currentPassword,
          newPassword,
          request.locale,
        );
        reply.setCookie(SESSION_COOKIE, token, cookieOptions);
        return service.me((await service.resolve(token))!);
      },
    );
  };
