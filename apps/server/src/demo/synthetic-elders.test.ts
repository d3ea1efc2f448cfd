import { describe, expect, it } from 'vitest';
import { ageOn, parseResidentId } from '@yiyang/domain';
import { hohhotDemoRegions } from '../modules/regions/index';
import { createElderGenerator } from './synthetic-elders';

const communities = hohhotDemoRegions().filter((r) => r.level === 'community');
const TODAY = '2026-11-23';
const sample = (seed: number, n: number) => {
  const next = createElderGenerator(seed, communities, TODAY);
  return Array.from({ length: n }, next);
};

describe('synthetic elders', () => {
  const people = sample(7, 20_000);

  it('is deterministic for a seed', () => {
    expect(sample(7, 50)).toEqual(people.slice(0, 50));
    expect(sample(8, 50)).not.toEqual(people.slice(0, 50));
  });

  it('gives valid, unique identity numbers with Hohhot address codes matching birth date and sex', () => {
    expect(new Set(people.map((p) => p.idNumber)).size).toBe(people.length);
    for (const p of people.slice(0, 2000)) {
      const parsed = parseResidentId(p.idNumber, TODAY);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.value.birthDate).toBe(p.birthDate);
      expect(parsed.value.sex).toBe(p.sex);
      expect(p.idNumber.slice(0, 4)).toBe('1501');
      expect(p.hukouRegionCode.slice(0, 6)).toBe(p.idNumber.slice(0, 6));
    }
  });

  it('follows the age pyramid and the category prevalences', () => {
    const ages = people.map((p) => ageOn(p.birthDate, TODAY));
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(60);
    expect(Math.max(...ages)).toBeLessThanOrEqual(105);
    const share = (f: (p: (typeof people)[number]) => boolean) => people.filter(f).length / people.length;
    expect(share((p) => ageOn(p.birthDate, TODAY) < 70)).toBeCloseTo(0.55, 1);
    expect(share((p) => ageOn(p.birthDate, TODAY) >= 80)).toBeCloseTo(0.15, 1);
    expect(share((p) => p.categories.includes('dibao'))).toBeCloseTo(0.03, 2);
    expect(share((p) => p.categories.includes('tekun'))).toBeCloseTo(0.005, 2);
    expect(share((p) => p.categories.includes('living_alone'))).toBeCloseTo(0.1, 1);
    expect(share((p) => p.categories.includes('empty_nest'))).toBeCloseTo(0.3, 1);
    expect(share((p) => p.categories.includes('disabled_cert'))).toBeCloseTo(0.06, 2);
    expect(people.every((p) => p.categories.includes('disabled_cert') === (p.disabilityGrade !== null))).toBe(
      true,
    );
    expect(share((p) => p.sex === 'female')).toBeGreaterThan(0.5);
  });

  it('places everyone inside their county’s box when the regions have bounds', () => {
    const regions = hohhotDemoRegions();
    const bounded = communities.map((c) => {
      const county = regions.find((r) => r.code === c.code.slice(0, 6) + '000000')!;
      return {
        ...c,
        bounds: {
          minLat: county.minLat!,
          maxLat: county.maxLat!,
          minLng: county.minLng!,
          maxLng: county.maxLng!,
        },
      };
    });
    const next = createElderGenerator(7, bounded, TODAY);
    for (const p of Array.from({ length: 5000 }, next)) {
      const b = bounded.find((c) => c.code === p.regionCode)!.bounds;
      expect(p.lat >= b.minLat && p.lat <= b.maxLat && p.lng >= b.minLng && p.lng <= b.maxLng).toBe(true);
    }
  });

  it('puts everyone in a demo community, inside the Hohhot area', () => {
    const codes = new Set(communities.map((c) => c.code));
    expect(people.every((p) => codes.has(p.regionCode))).toBe(true);
    expect(people.every((p) => p.lat > 40 && p.lat < 41.6 && p.lng > 110.8 && p.lng < 112.6)).toBe(true);
  });
});
