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

/**
 * The event types the web app listens for. A browser's EventSource hands a named event only to a
 * listener of that exact name (there is no wildcard), so a module that emits a new type lists it
 * here for screens to hear it.
 */
export const LIVE_EVENT_TYPES = [
  'elder.created',
  'elder.updated',
  'elder.deceased',
  'elder.removed',
  'elder.imported',
  'change_request.created',
  'change_request.decided',
  'survival.checked',
  'assessment.created',
  'assessment.submitted',
  'assessment.decided',
  'agency.created',
  'agency.updated',
  'provider.created',
  'provider.updated',
  'provider_change.created',
  'provider_change.decided',
  'staff.created',
  'staff.updated',
  'catalogue.updated',
] as const;
