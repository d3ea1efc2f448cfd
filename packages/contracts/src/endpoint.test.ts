import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { endpointPath } from './endpoint';
import { usersEndpoints } from './users';
import { settingsEndpoints } from './settings';
import { issueText } from './validation-messages';
import { createUserBody } from './users';

describe('endpointPath', () => {
  it('fills the parameters in, encoded, so a value cannot reach another path', () => {
    expect(endpointPath(usersEndpoints.resetPassword, { id: 'a/b?c' })).toBe(
      '/api/v1/users/a%2Fb%3Fc/password',
    );
    expect(endpointPath(settingsEndpoints.set, { code: '150102000000', key: 'k' })).toBe(
      '/api/v1/region-settings/150102000000/k',
    );
    expect(endpointPath(usersEndpoints.list)).toBe('/api/v1/users');
  });

  it('refuses to call a path with a parameter missing rather than ask for /users/undefined', () => {
    expect(() => endpointPath(usersEndpoints.get, {})).toThrow(/parameter id is missing/);
  });
});

describe('issueText', () => {
  const firstIssue = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error!.issues[0]!;

  it('gives our text for a validation key and zod’s own otherwise, in either language', () => {
    const username = firstIssue(createUserBody.shape.username, 'A');
    expect(issueText(username, 'zh-CN')).toContain('用户名为3–32位');
    expect(issueText(username, 'en')).toContain('A username has 3–32');
    const tooLong = firstIssue(createUserBody.shape.displayName, 'x'.repeat(51));
    expect(issueText(tooLong, 'en')).toMatch(/Too big/);
    expect(issueText(tooLong, 'zh-CN')).toMatch(/50/);
  });
});
