import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addMonths,
  ageOn,
  dateOfDayNumber,
  dayNumber,
  daysBetween,
  daysInMonth,
  isCalendarDate,
  shiftDays,
} from './calendar-date';

const date = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('calendar dates', () => {
  it('accepts only dates that exist', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    for (const bad of ['2025-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-1-01', '26-01-01'])
      expect(isCalendarDate(bad)).toBe(false);
  });

  it('counts days as Date does, also before 1970 and in years below 100', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dateOfDayNumber(-1)).toBe('1969-12-31');
    expect(shiftDays('0099-12-31', 1)).toBe('0100-01-01');
    fc.assert(
      fc.property(date, fc.integer({ min: -40_000, max: 40_000 }), (d, n) => {
        expect(dayNumber(d)).toBe(Date.parse(`${d}T00:00:00Z`) / 86_400_000);
        expect(daysBetween(d, shiftDays(d, n))).toBe(n);
      }),
    );
  });

  it('shifts across month, year and leap days', () => {
    expect(shiftDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });

  it('adds months keeping the day, or the last day of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2028-02-29', 12)).toBe('2029-02-28');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 14)).toBe('2028-01-15');
    fc.assert(
      fc.property(date, fc.integer({ min: -1200, max: 1200 }), (d, n) => {
        const result = addMonths(d, n);
        const [y, m, day] = d.split('-').map(Number) as [number, number, number];
        const [ry, rm, rd] = result.split('-').map(Number) as [number, number, number];
        expect(ry * 12 + rm - (y * 12 + m)).toBe(n);
        expect(rd).toBe(Math.min(day, daysInMonth(ry, rm)));
      }),
    );
  });

  it('counts age in whole years; a 29 February birthday comes on 1 March in a common year', () => {
    expect(ageOn('1966-11-23', '2026-11-23')).toBe(60);
    expect(ageOn('1966-11-24', '2026-11-23')).toBe(59);
    expect(ageOn('1960-02-29', '2026-02-28')).toBe(65);
    expect(ageOn('1960-02-29', '2026-03-01')).toBe(66);
    expect(ageOn('1960-02-29', '2028-02-29')).toBe(68);
  });

  it('makes someone exactly n years old on the same date n years on, and not a day before', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 0, max: 120 }), (birth, years) => {
        const birthday = addMonths(birth, 12 * years);
        if (birth.endsWith('-02-29') && !birthday.endsWith('-02-29')) {
          // 28 February of a common year: the birthday is tomorrow.
          expect(ageOn(birth, birthday)).toBe(years - 1);
          expect(ageOn(birth, shiftDays(birthday, 1))).toBe(years);
        } else {
          expect(ageOn(birth, birthday)).toBe(years);
          if (years > 0) expect(ageOn(birth, shiftDays(birthday, -1))).toBe(years - 1);
        }
      }),
    );
  });
});
