import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { z } from 'zod';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { defineEndpoint, idParams } from '@yiyang/contracts';
import { registerAccessControl, routeAccess } from '../auth/access-control';
import { registerErrorHandler } from '../errors/error-handler';
import { route } from './endpoint-route';
import { validatorCompiler } from './zod-compilers';

const thing = z.object({ id: z.string(), name: z.string() });
const createThing = defineEndpoint({
  method: 'POST',
  path: '/api/v1/things/:id',
  permission: 'users:write',
  idempotent: true,
  params: idParams,
  body: z.strictObject({ name: z.string().trim().min(1) }),
  response: thing,
  status: 201,
});
const publicThing = defineEndpoint({ method: 'GET', path: '/api/v1/things', public: true, response: thing });

async function appWith(register: (app: ReturnType<typeof Fastify>) => void) {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  registerAccessControl(app, async () => null);
  register(app);
  await app.ready();
  return app;
}

describe('a route registered from an endpoint', () => {
  it('declares the endpoint’s access and idempotency, so the access table and the hooks see them', async () => {
    const app = await appWith((app) => {
      route(app, createThing, async (request) => ({ id: request.params.id, name: request.body.name }));
      route(app, publicThing, async () => ({ id: 'x', name: 'y' }));
    });
    const declared = app.routeTable().map((r) => [`${r.method} ${r.url}`, routeAccess(r)]);
    expect(declared).toEqual(
      expect.arrayContaining([
        ['POST /api/v1/things/:id', 'users:write'],
        ['GET /api/v1/things', 'public'],
      ]),
    );
    const config = app.routeTable().find((r) => r.method === 'POST')!.config as { idempotent?: boolean };
    expect(config.idempotent).toBe(true);
    // Without a session the permission is enforced before the body is even looked at.
    const anonymous = await app.inject({ method: 'POST', url: '/api/v1/things/x', payload: {} });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().error.code).toBe('AUTH_REQUIRED');
    expect((await app.inject({ method: 'GET', url: '/api/v1/things' })).json()).toEqual({
      id: 'x',
      name: 'y',
    });
  });

  it('validates with the endpoint’s schemas and answers with its status', async () => {
    const id = '6f1c1f0e-3b3a-4d6e-9a53-1b2c3d4e5f60';
    const openCreate = defineEndpoint({ ...createThing, permission: undefined, public: true });
    const app = await appWith((app) =>
      route(app, openCreate, async (request) => ({ id: request.params.id, name: request.body.name })),
    );
    const created = await app.inject({
      method: 'POST',
      url: `/api/v1/things/${id}`,
      payload: { name: '  a ' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ id, name: 'a' });
    const badId = await app.inject({ method: 'POST', url: '/api/v1/things/x', payload: { name: 'a' } });
    expect(badId.statusCode).toBe(400);
    const badBody = await app.inject({ method: 'POST', url: `/api/v1/things/${id}`, payload: { name: '' } });
    expect(badBody.statusCode).toBe(400);
  });
});
