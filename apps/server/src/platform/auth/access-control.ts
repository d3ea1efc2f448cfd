import type { FastifyInstance, FastifyRequest } from 'fastify';
import { localeFromAcceptLanguage } from '../i18n/locale';
import { AppError } from '../errors/app-error';
import type { RegisteredRoute, SessionUser } from './session-user';

/** Turns a request's credentials into a user, or null; provided by the accounts module. */
export type SessionResolver = (request: FastifyRequest) => Promise<SessionUser | null>;

/** Routes that plugins register (docs, static files) and that are public by nature. */
const PUBLIC_PREFIXES = ['/api/docs', '/api/openapi.json', '/api/health'];
const isPluginPublic = (url: string) =>
  !url.startsWith('/api/') || PUBLIC_PREFIXES.some((p) => url.startsWith(p));

export function routeAccess(route: { config?: unknown }): 'public' | string | null {
  const config = route.config as { permission?: string; public?: boolean } | undefined;
  if (config?.public) return 'public';
  return config?.permission ?? null;
}

/**
 * Every route says who may call it: a permission, 'session' (any signed-in user) or public.
 * A route under /api that says neither does not start: the server refuses to boot.
 */
export function registerAccessControl(app: FastifyInstance, resolveSession: SessionResolver): void {
  app.decorateRequest('user', null);
  app.decorateRequest('locale', 'zh-CN');

  const table: RegisteredRoute[] = [];
  app.decorate('routeTable', () => table);
  app.addHook('onRoute', (route) => {
    if (routeAccess(route) === null) {
      if (!isPluginPublic(route.url)) {
        throw new Error(
          `route ${String(route.method)} ${route.url} declares neither a permission nor public`,
        );
      }
      route.config = { ...(route.config as object), public: true };
    }
    for (const method of [route.method].flat()) table.push({ method, url: route.url, config: route.config });
  });

  app.addHook('onRequest', async (request) => {
    request.locale = localeFromAcceptLanguage(request.headers['accept-language']);
  });

  // Before validation: an anonymous or unauthorised caller learns nothing about a route's schema.
  app.addHook('preValidation', async (request) => {
    const access = routeAccess(request.routeOptions);
    // Public routes, and unknown ones (the 404 handler), neither need nor look up a session.
    if (access === 'public' || access === null) return;
    request.user = await resolveSession(request);
    if (!request.user) throw new AppError('AUTH_REQUIRED');
    if (access === 'session') return;
    // An account whose password someone else set may only see itself until it changes it.
    if (request.user.mustChangePassword) throw new AppError('AUTH_PASSWORD_CHANGE_REQUIRED');
    if (!request.user.permissions.includes(access as never)) {
      throw new AppError('AUTH_FORBIDDEN');
    }
  });
}

export function requireUser(request: FastifyRequest): SessionUser {
  if (!request.user) throw new AppError('AUTH_REQUIRED');
  return request.user;
}
