import { describe, expect, it } from 'vitest';
import { isRegionCode, parentRegionCode, regionLevel } from '@yiyang/domain';
import { hohhotDemoRegions } from './regions.demo';

describe('hohhotDemoRegions', () => {
  const rows = hohhotDemoRegions();

  it('has Hohhot and its nine real county-level divisions, not marked as demo', () => {
    const counties = rows.filter((r) => r.level === 'county');
    expect(counties.map((c) => c.code)).toEqual([
      '150102000000',
      '150103000000',
      '150104000000',
      '150105000000',
      '150121000000',
      '150122000000',
      '150123000000',
      '150124000000',
      '150125000000',
    ]);
    expect(counties.every((c) => !c.demo)).toBe(true);
    expect(rows.find((r) => r.code === '150100000000')?.name).toBe('呼和浩特市');
  });

  it('generates valid, unique codes whose parent is the code one level up, marked as demo', () => {
    const codes = new Set(rows.map((r) => r.code));
    expect(codes.size).toBe(rows.length);
    for (const r of rows) {
      expect(isRegionCode(r.code)).toBe(true);
      expect(regionLevel(r.code)).toBe(r.level);
      expect(r.parentCode).toBe(parentRegionCode(r.code));
      if (r.level === 'street' || r.level === 'community') expect(r.demo).toBe(true);
    }
    expect(rows.filter((r) => r.level === 'community')).toHaveLength(9 * 8 * 8);
  });

  it('is deterministic for a seed', () => {
    expect(hohhotDemoRegions(7)).toEqual(hohhotDemoRegions(7));
    expect(hohhotDemoRegions(7)).not.toEqual(hohhotDemoRegions(8));
  });
});
