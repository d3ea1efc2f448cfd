import { describe, expect, it } from 'vitest';
import { shanghaiDate } from './shanghai-date';

describe('shanghaiDate', () => {
  it('turns to the next day at 16:00 UTC', () => {
    expect(shanghaiDate(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
    expect(shanghaiDate(new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24');
  });
});
