import { describe, expect, it } from 'vitest';
import {
  isRegionCode,
  isWithinScope,
  normalizeRegionCode,
  parentRegionCode,
  regionAncestors,
  regionLevel,
  regionPrefix,
} from './region-code';

describe('region codes', () => {
  it('derives the level from trailing zero groups', () => {
    expect(regionLevel('150000000000')).toBe('province');
    expect(regionLevel('150100000000')).toBe('city');
    expect(regionLevel('150102000000')).toBe('county');
    expect(regionLevel('150102001000')).toBe('street');
    expect(regionLevel('150102001001')).toBe('community');
  });

  it('rejects codes of the wrong shape', () => {
    for (const bad of [
      '15010200000',
      '1501020000000',
      '15010200000a',
      '000000000000',
      '150000000001'.slice(0, 11),
    ]) {
      expect(isRegionCode(bad)).toBe(false);
    }
    expect(() => regionLevel('abc')).toThrow(RangeError);
  });

  it('gives the significant prefix used for scope filters', () => {
    expect(regionPrefix('150100000000')).toBe('1501');
    expect(regionPrefix('150102001000')).toBe('150102001');
    expect(regionPrefix('150102001001')).toBe('150102001001');
  });

  it('normalises prefixes people type into 12-digit codes', () => {
    expect(normalizeRegionCode('150102')).toBe('150102000000');
    expect(normalizeRegionCode(' 1501 ')).toBe('150100000000');
    expect(normalizeRegionCode('150102001001')).toBe('150102001001');
    expect(normalizeRegionCode('15010')).toBeNull();
    expect(normalizeRegionCode('15x102')).toBeNull();
  });

  it('finds the parent one level up', () => {
    expect(parentRegionCode('150102001001')).toBe('150102001000');
    expect(parentRegionCode('150102000000')).toBe('150100000000');
    expect(parentRegionCode('150000000000')).toBeNull();
  });

  it('tests scope membership by prefix, so a street cannot see its district or a sibling street', () => {
    const street = '150102001000';
    expect(isWithinScope('150102001007', street)).toBe(true);
    expect(isWithinScope('150102000000', street)).toBe(false);
    expect(isWithinScope('150102002003', street)).toBe(false);
    expect(isWithinScope('150102002003', '150102000000')).toBe(true);
  });
});

describe('regionAncestors', () => {
  it('runs from the code up to its province', () => {
    expect(regionAncestors('150102001001')).toEqual([
      '150102001001',
      '150102001000',
      '150102000000',
      '150100000000',
      '150000000000',
    ]);
    expect(regionAncestors('150000000000')).toEqual(['150000000000']);
  });
});
