import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listRegionsQuery, region, regionParams, regionTreeNode, regionTreeQuery } from '@yiyang/contracts';
import type { RegionsService } from './regions.service';

/** Administrative divisions are public information, needed before sign-in (public directory). */
export const regionsRoutes =
  (regions: RegionsService): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/v1/regions',
      {
        config: { public: true },
        schema: {
          tags: ['regions'],
          summary: 'Children of a region, or the top of the tree',
          querystring: listRegionsQuery,
          response: { 200: z.object({ items: z.array(region) }) },
        },
      },
      async (request) => {
        if (request.query.parent) await regions.require(request.query.parent);
        return { items: await regions.children(request.query.parent) };
      },
    );

    app.get(
      '/api/v1/regions/tree',
      {
        config: { public: true },
        schema: {
          tags: ['regions'],
          summary: 'The subtree under a region, some levels deep',
          querystring: regionTreeQuery,
          response: { 200: regionTreeNode },
        },
      },
      async (request) => regions.tree(request.query.root, request.query.depth),
    );

    app.get(
      '/api/v1/regions/:code',
      {
        config: { public: true },
        schema: { tags: ['regions'], summary: 'One region', params: regionParams, response: { 200: region } },
      },
      async (request) => {
        const row = await regions.require(request.params.code);
        const children = await regions.children(row.code);
        return { ...row, childCount: children.length };
      },
    );
  };
