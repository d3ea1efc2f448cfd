import type { QueryKey } from '@tanstack/react-query';
import { WORKBENCH_KEY } from './workbench';

/** One event as the server streams it (`GET /api/v1/events/stream`). */
export interface LiveEvent {
  id: string;
  type: string;
  entity: string;
  entityId: string | null;
  regionCode: string | null;
  occurredAt: string;
  payload: Record<string, unknown>;
}

/**
 * Which cached queries an event's kind (`elder` of `elder.updated`) makes stale, by the first part
 * of their keys: a name (`['elder', id]`) or an API path, which also covers the paths below it
 * (`['/api/v1/providers/…/staff']`). A page whose key is not listed refreshes as before, on its
 * own; a new kind of event or a new page adds its keys here.
 */
/** The 工作台 counts (home page and header bell) follow every kind that has to-dos. */
const WORKBENCH = WORKBENCH_KEY[0];
const ELDERS = [
  WORKBENCH,
  'elder',
  '/api/v1/elders',
  '/api/v1/elder-change-requests',
  '/api/v1/survival-checks',
];
const ASSESSMENTS = [
  WORKBENCH,
  'assessment',
  'assessment-agencies',
  'certificate-alerts',
  '/api/v1/assessments',
  '/api/v1/assessment-agencies',
];
const PROVIDERS = [
  WORKBENCH,
  'provider',
  'provider-change-requests',
  'public-provider',
  'public-providers',
  'purchase-list',
  'service-items',
  '/api/v1/providers',
];
const KEY_ROOTS: Record<string, readonly string[]> = {
  elder: ELDERS,
  elder_change: ELDERS,
  change_request: ELDERS,
  survival: ELDERS,
  assessment: [...ASSESSMENTS, 'elder'],
  agency: ASSESSMENTS,
  provider: PROVIDERS,
  provider_change: PROVIDERS,
  staff: PROVIDERS,
  catalogue: PROVIDERS,
};

/** Whether a query with `key` shows something that events of these kinds may have changed. */
export function isAffected(key: QueryKey, kinds: Iterable<string>): boolean {
  const head = key[0];
  if (typeof head !== 'string') return false;
  for (const kind of kinds)
    for (const root of KEY_ROOTS[kind] ?? [])
      if (head === root || (root.startsWith('/') && head.startsWith(`${root}/`))) return true;
  return false;
}
