export { createAuthService, endSessionsOf, type AuthService, IP_FAILURE_LIMIT } from './auth.service';
export { authRoutes, SESSION_COOKIE } from './auth.routes';
export { AUTH_ERRORS } from './auth.errors';
