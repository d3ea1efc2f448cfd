import { z } from 'zod';

export const TODO_SEVERITIES = ['info', 'warning', 'danger'] as const;
export type TodoSeverity = (typeof TODO_SEVERITIES)[number];

/** One thing waiting for the signed-in user on their 工作台, with how many and where to act. */
export const todoItem = z.object({
  /** Stable code of the kind of work ('elder_change_requests.pending'); never shown. */
  kind: z.string(),
  /** What it is, in the caller's language. */
  title: z.string(),
  count: z.number().int().min(0),
  /** The web page (with its filter) where the user acts on it. */
  link: z.string(),
  severity: z.enum(TODO_SEVERITIES),
});
export type TodoItemDto = z.infer<typeof todoItem>;

export const workbenchResponse = z.object({ items: z.array(todoItem) });
export type WorkbenchResponse = z.infer<typeof workbenchResponse>;
