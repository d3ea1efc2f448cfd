import { describe, expect, it } from 'vitest';
import { shanghaiDate, shanghaiDateTime } from './shanghai-date';

describe('shanghaiDate', () => {
  it('turns to the next day at 16:00 UTC', () => {
    expect(shanghaiDate(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
    expect(shanghaiDate(new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24');
  });
});

describe('shanghaiDateTime', () => {
  it('reads the clock in Shanghai, midnight as 00 not 24', () => {
    expect(shanghaiDateTime(new Date('2026-11-23T16:00:05Z'))).toBe('2026-11-24 00:00:05');
    expect(shanghaiDateTime(new Date('2026-11-23T01:02:03Z'))).toBe('2026-11-23 09:02:03');
  });
});
