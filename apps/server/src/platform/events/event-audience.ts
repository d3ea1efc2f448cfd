import { sql, type SQL } from 'drizzle-orm';
import { permissionToHear, PROVIDER_ROLES, regionLevel } from '@yiyang/domain';
import type { SessionUser } from '../auth/session-user';
import { isInScope, scopePrefix } from '../auth/scope';
import { domainEvents, type DomainEventRow } from './events.tables';

const isProviderRole = (user: Pick<SessionUser, 'role'>) => PROVIDER_ROLES.includes(user.role);

/**
 * An event without a region (a city-wide setting, say) concerns the whole deployment: only
 * users whose scope is a city or wider hear it, never a district, street or community.
 */
const seesRegionless = (user: Pick<SessionUser, 'regionCode' | 'role'>) =>
  user.role === 'admin' || ['province', 'city'].includes(regionLevel(user.regionCode));

type Listener = Pick<SessionUser, 'regionCode' | 'role' | 'providerId' | 'permissions'>;

/**
 * The one rule for who hears an event: the permission its kind needs (`EVENT_KIND_PERMISSIONS`
 * in the domain; an unlisted kind goes to nobody), then — for provider roles —
 * their own provider only, and for everyone else the region scope (the owner's current region,
 * as lists filter).
 */
export function canHear(
  user: Listener,
  event: Pick<DomainEventRow, 'type' | 'regionCode' | 'providerId'>,
): boolean {
  const needed = permissionToHear(event.type);
  if (!needed || !user.permissions.includes(needed)) return false;
  if (isProviderRole(user)) return !!user.providerId && event.providerId === user.providerId;
  if (event.regionCode === null) return seesRegionless(user);
  return isInScope(event.regionCode, user);
}

/**
 * The same audience as SQL, to narrow a replay before its bound is counted (a street official
 * who missed a busy city's hour still gets their street's few events). `canHear` is applied to
 * the rows as well; this only has to be no narrower than it.
 */
export function audienceSql(user: Listener): SQL {
  if (isProviderRole(user)) {
    return user.providerId ? sql`${domainEvents.providerId} = ${user.providerId}` : sql`false`;
  }
  const inRegion = sql`${domainEvents.regionCode} like ${scopePrefix(user) + '%'}`;
  return seesRegionless(user) ? sql`(${inRegion} or ${domainEvents.regionCode} is null)` : inRegion;
}
