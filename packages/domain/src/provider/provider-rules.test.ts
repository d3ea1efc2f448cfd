import { describe, expect, it } from 'vitest';
import { bedsProblem, withinBounds } from './provider-kinds';
import { certificateAlert } from './workforce';
import { SERVICE_CATEGORIES, SERVICE_ITEMS } from './service-catalogue';

describe('bedsProblem', () => {
  it('accepts consistent beds and names what is inconsistent', () => {
    expect(bedsProblem({ total: 100, nursing: 60, occupied: 80 })).toBeNull();
    expect(bedsProblem({ total: 0, nursing: 0, occupied: 0 })).toBeNull();
    expect(bedsProblem({ total: -1, nursing: 0, occupied: 0 })).toBe('negative');
    expect(bedsProblem({ total: 50, nursing: 51, occupied: 0 })).toBe('nursing_exceeds_total');
    expect(bedsProblem({ total: 50, nursing: 10, occupied: 51 })).toBe('occupied_exceeds_total');
  });
});

describe('withinBounds', () => {
  const hohhot = { minLat: 39.5, maxLat: 41.5, minLng: 110.4, maxLng: 112.4 };
  it('includes the edges and excludes outside', () => {
    expect(withinBounds(40.84, 111.75, hohhot)).toBe(true);
    expect(withinBounds(41.5, 112.4, hohhot)).toBe(true);
    expect(withinBounds(39.9, 116.4, hohhot)).toBe(false);
  });
});

describe('certificateAlert', () => {
  it('warns 30 days ahead and after expiry', () => {
    expect(certificateAlert('2026-12-23', '2026-11-23')).toBe('expiring');
    expect(certificateAlert('2026-12-24', '2026-11-23')).toBeNull();
    expect(certificateAlert('2026-11-23', '2026-11-23')).toBe('expiring');
    expect(certificateAlert('2026-11-22', '2026-11-23')).toBe('expired');
    expect(certificateAlert(null, '2026-11-23')).toBeNull();
  });
});

describe('service catalogue', () => {
  it('covers every GB/T 43153 category with unique codes', () => {
    expect(new Set(SERVICE_ITEMS.map((i) => i.category))).toEqual(new Set(SERVICE_CATEGORIES));
    expect(new Set(SERVICE_ITEMS.map((i) => i.code)).size).toBe(SERVICE_ITEMS.length);
  });
});
