/**
 * Calendar dates (YYYY-MM-DD) as people write them: a birthday, the day an assessment was made,
 * the day a certificate expires. No time of day and no time zone — which day "today" is belongs
 * to Asia/Shanghai (`shanghaiDateAt`), the arithmetic here does not.
 *
 * The arithmetic counts days since 1970-01-01 in the proleptic Gregorian calendar with integer
 * formulas (H. Hinnant's days_from_civil) rather than `Date`: `Date.UTC` reads years 0–99 as
 * 1900–1999 and rolls 31 February over into March, both of which copies of this code had to
 * work around.
 */

/** A date written YYYY-MM-DD that exists in the calendar (no 2025-02-29, no 2026-13-01). */
export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Year, month (1–12) and day of a YYYY-MM-DD date; throws on anything else, as a bug would be. */
export function dateParts(date: string): [year: number, month: number, day: number] {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date: ${date}`);
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

/** The YYYY-MM-DD text of a date; years outside 0–9999 are not dates this platform meets. */
export function formatDate(year: number, month: number, day: number): string {
  if (year < 0 || year > 9999) throw new RangeError(`Year out of range: ${year}`);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Days from 1970-01-01 to the date (negative before it). */
export function dayNumber(date: string): number {
  const [year, month, day] = dateParts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date `days` after 1970-01-01: the inverse of `dayNumber`. */
export function dateOfDayNumber(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return formatDate(yoe + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

/** A calendar date (YYYY-MM-DD) `days` later, or earlier if negative. */
export function shiftDays(date: string, days: number): string {
  return dateOfDayNumber(dayNumber(date) + days);
}

/** Days from `from` to `to`: positive when `to` is later, 0 on the same day. */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/**
 * The same day `months` later (earlier if negative); when that month is shorter, its last day:
 * 31 January + 1 month is 28 February (29 in a leap year), 29 February + 12 months is 28 February.
 * This is what "valid for 12 months" means on a document, and it never skips into the next month.
 */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = dateParts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return formatDate(year, month, Math.min(d, daysInMonth(year, month)));
}

/**
 * Whole years of age on `today` (both YYYY-MM-DD). Someone born on 29 February turns a year older
 * on 1 March in a common year (the birthday has not come while February lasts) — the reading of
 * 周岁 that the resident-identity rules and the elder register use.
 */
export function ageOn(birthDate: string, today: string): number {
  const [by, bm, bd] = dateParts(birthDate);
  const [ty, tm, td] = dateParts(today);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}
