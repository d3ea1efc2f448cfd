import type { Permission, Role } from '@yiyang/domain';
import type { Locale } from '../i18n/locale';

/** The signed-in caller as every route sees it. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** 12-digit code of the region the user works in; its prefix is the user's scope. */
  regionCode: string;
  providerId: string | null;
  permissions: readonly Permission[];
  mustChangePassword: boolean;
  /** Who created the account and who last set its password for it (maker-checker independence). */
  createdBy: string | null;
  passwordSetBy: string | null;
  sessionId: string;
}

export interface RegisteredRoute {
  method: string;
  url: string;
  config: unknown;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission a caller needs; every route declares one, or `public: true`. */
    permission?: Permission | 'session';
    public?: boolean;
  }
  interface FastifyInstance {
    /** Every route registered, with its access declaration: for the route-permission test. */
    routeTable(): RegisteredRoute[];
  }
  interface FastifyRequest {
    user: SessionUser | null;
    locale: Locale;
  }
}
