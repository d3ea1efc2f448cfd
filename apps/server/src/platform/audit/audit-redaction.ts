import type { Permission } from '@yiyang/domain';

/**
 * What a reader of the audit log needs to see the before/after values of an entry: the
 * permission that reads the record itself. An admin who manages accounts but may not read
 * elder records sees that an elder was changed, by whom and when — not the names, addresses
 * or health data in the change. Modules declare their entities; an undeclared entity's details
 * are shown to nobody, so a new module cannot leak by forgetting.
 */
export type AuditEntityReaders = Record<string, Permission>;

const readers = new Map<string, Permission>();

export function registerAuditEntities(entities: AuditEntityReaders): void {
  for (const [entity, permission] of Object.entries(entities)) readers.set(entity, permission);
}

export function mayReadAuditDetails(entity: string, permissions: readonly Permission[]): boolean {
  const needed = readers.get(entity);
  return needed !== undefined && permissions.includes(needed);
}
