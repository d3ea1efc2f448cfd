import type { TodoSeverity } from '@yiyang/contracts';
import type { SessionUser } from '../auth/session-user';

/** A count of work waiting for a user, as a module reports it. */
export interface TodoItem {
  /** Stable code, `<list>.<state>`; the title catalog and the web app key on it. */
  kind: string;
  count: number;
  /** The web route, with the filter of the list that shows exactly these. */
  link: string;
  severity?: TodoSeverity;
}

export interface TodoTitle {
  'zh-CN': string;
  en: string;
}

/**
 * What a module answers for the 工作台: for a signed-in user, the work it holds for them — each
 * item only when the user holds the permission that acts on it, counted in the user's scope
 * exactly as the module's own list shows it.
 */
export interface TodoSource {
  /** kind → its title; every kind `items` may answer has one. */
  titles: Record<string, TodoTitle>;
  items(user: SessionUser): Promise<TodoItem[]>;
}

export const can = (user: SessionUser, permission: SessionUser['permissions'][number]) =>
  user.permissions.includes(permission);
