import { describe, expect, it } from 'vitest';
import { permissionToHear } from './live-events';

describe('live events', () => {
  it('sends no event of a kind it does not know, even one named like a known one', () => {
    expect(permissionToHear('elder.created')).toBe('elders:read');
    expect(permissionToHear('elders.created')).toBeUndefined();
    expect(permissionToHear('toString.x')).toBeUndefined();
  });
});
