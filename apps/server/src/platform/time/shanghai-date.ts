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
