import type { Permission, Role } from '@yiyang/domain';
import type { Locale } from '../i18n/locale';
import type { Scope } from './scope';

/** The signed-in caller as every route sees it: who they are, and their scope. */
export interface SessionUser extends Scope {
  id: string;
  username: string;
  displayName: string;
  role: Role;
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
