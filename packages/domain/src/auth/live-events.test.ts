import { describe, expect, it } from 'vitest';
import { LIVE_EVENT_TYPES, permissionToHear } from './live-events';

describe('live events', () => {
  it('every type the web app listens for is one the server sends to someone', () => {
    expect(LIVE_EVENT_TYPES.filter((type) => !permissionToHear(type))).toEqual([]);
  });

  it('sends no event of a kind it does not know, even one named like a known one', () => {
    expect(permissionToHear('elder.created')).toBe('elders:read');
    expect(permissionToHear('elders.created')).toBeUndefined();
    expect(permissionToHear('toString.x')).toBeUndefined();
  });
});
