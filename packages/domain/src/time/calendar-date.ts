/** A calendar date (YYYY-MM-DD) `days` later, or earlier if negative; no time zone involved. */
export function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
