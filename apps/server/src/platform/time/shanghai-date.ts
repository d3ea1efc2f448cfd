/** Today's date (YYYY-MM-DD) in Asia/Shanghai, where the platform's days begin and end. */
const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function shanghaiDate(at: Date = new Date()): string {
  return formatter.format(at);
}

/** A calendar date `days` later (or earlier, if negative). */
export function shiftDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
