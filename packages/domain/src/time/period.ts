import { dateParts, daysInMonth, formatDate } from './calendar-date';
import { shanghaiDateAt } from './shanghai';

/**
 * A period is a calendar month written YYYY-MM: what a subsidy, a statistic or a settlement is
 * "for". Written as text so that periods sort and compare as strings and go to the database and
 * the API unchanged.
 */
export type Period = `${number}-${number}`;

const PERIOD = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isPeriod(text: string): text is Period {
  return PERIOD.test(text);
}

/** The period written in `text`, or null when it is not a YYYY-MM month. */
export function parsePeriod(text: string): Period | null {
  const trimmed = text.trim();
  return isPeriod(trimmed) ? trimmed : null;
}

function parts(period: Period): [year: number, month: number] {
  if (!isPeriod(period)) throw new RangeError(`Not a period: ${String(period)}`);
  return [Number(period.slice(0, 4)), Number(period.slice(5, 7))];
}

function periodOfIndex(index: number): Period {
  const year = Math.floor(index / 12);
  return formatDate(year, index - year * 12 + 1, 1).slice(0, 7) as Period;
}

/** The period `months` later (earlier if negative). */
export function shiftPeriod(period: Period, months: number): Period {
  const [y, m] = parts(period);
  return periodOfIndex(y * 12 + m - 1 + months);
}

export function nextPeriod(period: Period): Period {
  return shiftPeriod(period, 1);
}

export function previousPeriod(period: Period): Period {
  return shiftPeriod(period, -1);
}

/** The first calendar day of the period, YYYY-MM-01. */
export function firstDayOf(period: Period): string {
  const [y, m] = parts(period);
  return formatDate(y, m, 1);
}

/** The last calendar day of the period: 28, 29, 30 or 31. */
export function lastDayOf(period: Period): string {
  const [y, m] = parts(period);
  return formatDate(y, m, daysInMonth(y, m));
}

/** The period a calendar date (YYYY-MM-DD) falls in. */
export function periodOfDate(date: string): Period {
  const [y, m] = dateParts(date);
  return formatDate(y, m, 1).slice(0, 7) as Period;
}

/** The period an instant falls in on the Asia/Shanghai calendar (16:00 UTC on the last day is next month). */
export function periodAt(instant: Date): Period {
  return periodOfDate(shanghaiDateAt(instant));
}

/** Negative, zero or positive as `a` is before, the same as or after `b` (a sort comparator). */
export function comparePeriods(a: Period, b: Period): number {
  const [ay, am] = parts(a);
  const [by, bm] = parts(b);
  return ay * 12 + am - (by * 12 + bm);
}
