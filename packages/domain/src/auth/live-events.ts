import type { Permission } from './roles';

/**
 * Who may hear a live update (decision 0018): the permission that reads what an event tells of,
 * by its kind — the part of its type before the dot (`elder` of `elder.updated`). The server sends
 * no event whose kind is not listed here.
 */
/** Every domain event type a module emits (`emitEvent` takes only these). */
export const DOMAIN_EVENT_TYPES = [
  'elder.created',
  'elder.updated',
  'elder.moved',
  'elder.deceased',
  'elder.import_finished',
  'change_request.created',
  'change_request.decided',
  'assessment.submitted',
  'assessment.approved',
  'assessment.returned',
  'provider.created',
  'provider.graded',
  'provider_change.created',
  'provider_change.decided',
] as const;
export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];
export type EventKind = DomainEventType extends `${infer Kind}.${string}` ? Kind : never;

/** Typed by the kinds above: a new kind of event does not compile until it says who hears it. */
export const EVENT_KIND_PERMISSIONS: Readonly<Record<EventKind, Permission>> = {
  elder: 'elders:read',
  change_request: 'elders:read',
  assessment: 'assessments:read',
  provider: 'providers:read',
  provider_change: 'providers:read',
};

export const eventKind = (type: string): string => type.split('.', 1)[0]!;

export function permissionToHear(type: string): Permission | undefined {
  const kind = eventKind(type);
  return Object.hasOwn(EVENT_KIND_PERMISSIONS, kind) ? EVENT_KIND_PERMISSIONS[kind as EventKind] : undefined;
}
