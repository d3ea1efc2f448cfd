import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { workbenchResponse, type TodoItemDto } from '@yiyang/contracts';
import { requireUser } from '../auth/access-control';
import type { TodoSource } from './todo-source';

/** 工作台: what waits for the signed-in user, gathered from every module's to-do source. */
export const workbenchRoutes =
  (sources: readonly TodoSource[]): FastifyPluginAsyncZod =>
  async (app) => {
    const titles = Object.assign({}, ...sources.map((s) => s.titles)) as TodoSource['titles'];
    app.get(
      '/api/v1/workbench',
      {
        config: { permission: 'session' },
        schema: {
          tags: ['workbench'],
          summary: "The signed-in user's to-dos with counts",
          response: { 200: workbenchResponse },
        },
      },
      async (request) => {
        const user = requireUser(request);
        // Until the initial password is changed the account may only see itself.
        if (user.mustChangePassword) return { items: [] };
        // One module failing to count must not blank the whole workbench: its cards are left out.
        const answers = await Promise.allSettled(sources.map((s) => s.items(user)));
        const items: TodoItemDto[] = [];
        for (const answer of answers) {
          if (answer.status === 'rejected') {
            request.log.error({ err: answer.reason }, 'a to-do source failed');
            continue;
          }
          for (const item of answer.value) {
            const title = titles[item.kind]?.[request.locale];
            if (!title) {
              request.log.error({ kind: item.kind }, 'a to-do kind has no title');
              continue;
            }
            items.push({ ...item, title, severity: item.severity ?? 'info' });
          }
        }
        return { items };
      },
    );
  };
