/**
 * Roles and what they may do. This is the one table that maps roles to permissions; routes
 * declare a permission, never a role. Each module adds its permissions here.
 */
export const ROLES = [
  'admin',
  'civil_affairs',
  'community_worker',
  'assessor',
  'provider_manager',
  'caregiver',
  'operator',
  'inspector',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  /** Read the user accounts in one's scope. */
  'users:read',
  /** Create, change, lock and unlock user accounts in one's scope. */
  'users:write',
  /** Read the audit log of one's scope. */
  'audit:read',
  /** See identity numbers and phone numbers in clear (every reveal is audited). */
  'pii:reveal',
  /** Read elder records of one's scope (masked). */
  'elders:read',
  /** Register elders and change their records. */
  'elders:write',
  /** Approve or reject changes that move money or eligibility (never one's own). */
  'elders:approve',
  /** Change the settings of one's region (survival-check interval, …). */
  'settings:write',
  /** Read capability assessments, due lists and level statistics of one's scope. */
  'assessments:read',
  /** Open assessment tasks; as one of a task's two assessors, fill it in and submit it. */
  'assessments:write',
  /** Approve or return submitted assessments (agency reviewers: never one they assessed). */
  'assessments:review',
  /** Ask for an immediate re-assessment from the elder record (condition changed, fall). */
  'assessments:request',
  /** Register assessment agencies and their assessors. */
  'agencies:write',
  /** Read providers, their staff (masked) and prices: officials in scope, provider roles their own. */
  'providers:read',
  /** Register and change providers; a provider manager only their own, filing and grade by request. */
  'providers:write',
  /** Confirm or reject a provider's filing and grade changes (district level or above). */
  'providers:approve',
  /** Set a region's reference prices and government-purchase list. */
  'catalogue:write',
  /** See every background job (后台任务) and run a failed one again or cancel one. */
  'jobs:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ['users:read', 'users:write', 'audit:read', 'jobs:manage'],
  civil_affairs: [
    'users:read',
    'users:write',
    'audit:read',
    'pii:reveal',
    'elders:read',
    'elders:write',
    'elders:approve',
    'settings:write',
    'assessments:read',
    'assessments:write',
    'assessments:review',
    'assessments:request',
    'agencies:write',
    'providers:read',
    'providers:write',
    'providers:approve',
    'catalogue:write',
  ],
  community_worker: [
    'elders:read',
    'elders:write',
    'assessments:read',
    'assessments:request',
    'providers:read',
  ],
  assessor: ['elders:read', 'assessments:read', 'assessments:write', 'assessments:review'],
  provider_manager: ['providers:read', 'providers:write'],
  caregiver: ['providers:read'],
  operator: ['elders:read', 'providers:read'],
  inspector: ['providers:read'],
};

/** Roles that act for one service provider and so carry a provider id. */
export const PROVIDER_ROLES: readonly Role[] = ['provider_manager', 'caregiver'];

export function permissionsOf(role: Role): readonly Permission[] {
  return ROLE_PERMISSIONS[role];
}

export function hasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/**
 * Which roles a user may hand out. Nobody but an admin grants admin; officials create the
 * accounts that work in their region.
 */
export function grantableRoles(role: Role): readonly Role[] {
  if (role === 'admin') return ROLES;
  if (hasPermission(role, 'users:write')) return ROLES.filter((r) => r !== 'admin');
  return [];
}
