import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shiftDays } from './calendar-date';
import {
  comparePeriods,
  firstDayOf,
  lastDayOf,
  nextPeriod,
  parsePeriod,
  periodAt,
  periodOfDate,
  previousPeriod,
  shiftPeriod,
  type Period,
} from './period';

const period = fc
  .record({ year: fc.integer({ min: 1900, max: 2200 }), month: fc.integer({ min: 1, max: 12 }) })
  .map(({ year, month }) => `${year}-${String(month).padStart(2, '0')}` as Period);

describe('Period', () => {
  it('parses YYYY-MM months and refuses anything else', () => {
    expect(parsePeriod('2026-02')).toBe('2026-02');
    expect(parsePeriod(' 2026-12 ')).toBe('2026-12');
    for (const bad of ['2026-13', '2026-00', '2026-2', '202602', '2026-02-01', ''])
      expect(parsePeriod(bad)).toBeNull();
  });

  it('turns over the year', () => {
    expect(nextPeriod('2026-12')).toBe('2027-01');
    expect(previousPeriod('2026-01')).toBe('2025-12');
    expect(shiftPeriod('2026-11', -23)).toBe('2024-12');
  });

  it('knows the last day of each month, leap years included', () => {
    expect(lastDayOf('2024-02')).toBe('2024-02-29');
    expect(lastDayOf('2026-02')).toBe('2026-02-28');
    expect(lastDayOf('1900-02')).toBe('1900-02-28');
    expect(lastDayOf('2000-02')).toBe('2000-02-29');
    expect(lastDayOf('2026-04')).toBe('2026-04-30');
    expect(firstDayOf('2026-04')).toBe('2026-04-01');
  });

  it('finds the month an instant falls in on the Shanghai calendar', () => {
    expect(periodAt(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11');
    expect(periodAt(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12');
    expect(periodOfDate('2026-12-31')).toBe('2026-12');
  });

  it('next undoes previous, and the order agrees with the text order', () => {
    fc.assert(
      fc.property(period, period, (p, q) => {
        expect(nextPeriod(previousPeriod(p))).toBe(p);
        expect(previousPeriod(nextPeriod(p))).toBe(p);
        expect(Math.sign(comparePeriods(p, q))).toBe(Math.sign(p.localeCompare(q)));
        expect(comparePeriods(nextPeriod(p), p)).toBe(1);
      }),
    );
  });

  it('covers each day once: first ≤ last, and the day after the last is the next first', () => {
    fc.assert(
      fc.property(period, (p) => {
        expect(firstDayOf(p) <= lastDayOf(p)).toBe(true);
        expect(shiftDays(lastDayOf(p), 1)).toBe(firstDayOf(nextPeriod(p)));
        expect(periodOfDate(lastDayOf(p))).toBe(p);
      }),
    );
  });
});
