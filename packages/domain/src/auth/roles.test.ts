import { describe, expect, it } from 'vitest';
import { PERMISSIONS, ROLE_PERMISSIONS, ROLES, grantableRoles, hasPermission } from './roles';
import { passwordProblem } from './password-policy';

describe('roles', () => {
  it('maps every role to known permissions only', () => {
    for (const role of ROLES) {
      for (const p of ROLE_PERMISSIONS[role]) expect(PERMISSIONS).toContain(p);
    }
  });

  it('lets only an admin grant admin', () => {
    expect(grantableRoles('admin')).toContain('admin');
    expect(grantableRoles('civil_affairs')).not.toContain('admin');
    expect(grantableRoles('civil_affairs')).toContain('community_worker');
    expect(grantableRoles('caregiver')).toEqual([]);
  });

  it('does not give the technical admin clear personal data', () => {
    expect(hasPermission('admin', 'pii:reveal')).toBe(false);
    expect(hasPermission('civil_affairs', 'pii:reveal')).toBe(true);
  });
});

describe('password policy', () => {
  it('accepts a long password with three character classes', () => {
    expect(passwordProblem('Yiyang-care-2026')).toBeNull();
  });
  it.each([
    ['Ab1!', 'too_short'],
    ['abcdefghijklmnop', 'too_simple'],
    ['a'.repeat(129), 'too_long'],
  ])('rejects %s as %s', (pw, problem) => {
    expect(passwordProblem(pw)).toBe(problem);
  });
  it('rejects a password containing the username', () => {
    expect(passwordProblem('Zhangwei-2026!', 'zhangwei')).toBe('contains_username');
  });
});
