import type { Permission } from './roles';

/**
 * Who may hear a live update (decision 0018): the permission that reads what an event tells of,
 * by its kind — the part of its type before the dot (`elder` of `elder.updated`). The server sends
 * no event whose kind is not listed here.
 */
export const EVENT_KIND_PERMISSIONS: Readonly<Record<string, Permission>> = {
  elder: 'elders:read',
  elder_change: 'elders:read',
  change_request: 'elders:read',
  survival: 'elders:read',
  assessment: 'assessments:read',
  agency: 'assessments:read',
  provider: 'providers:read',
  provider_change: 'providers:read',
  staff: 'providers:read',
  catalogue: 'providers:read',
};

export const eventKind = (type: string): string => type.split('.', 1)[0]!;

export function permissionToHear(type: string): Permission | undefined {
  const kind = eventKind(type);
  return Object.hasOwn(EVENT_KIND_PERMISSIONS, kind) ? EVENT_KIND_PERMISSIONS[kind] : undefined;
}
