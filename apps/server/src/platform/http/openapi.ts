import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/** Checked in platform/idempotency, not by the route's schema; documented here. */
const IDEMPOTENCY_HEADER = {
  type: 'object',
  properties: {
    'idempotency-key': {
      type: 'string',
      minLength: 1,
      maxLength: 100,
      pattern: '^[\\x20-\\x7e]+$',
      description:
        'Optional. A retry with the same key and body gets the first successful answer without the request running again (kept 24 h, per user); the same key with another body is 422 IDEMPOTENCY_KEY_REUSED, while the first still runs 409 IDEMPOTENCY_KEY_IN_PROGRESS.',
    },
  },
};

/** The OpenAPI document is generated from the route schemas; nothing is written by hand. */
export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Yiyang 颐养 API',
        description: 'Home and community elderly care services and supervision platform',
        version,
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'yiyang_session' } },
      },
      security: [{ session: [] }],
    },
    transform: (input) => {
      const output = jsonSchemaTransform(input);
      const idempotent = (input.route.config as { idempotent?: unknown } | undefined)?.idempotent;
      return idempotent ? { ...output, schema: { ...output.schema, headers: IDEMPOTENCY_HEADER } } : output;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
}
