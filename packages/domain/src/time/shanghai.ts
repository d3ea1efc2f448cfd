/**
 * Which calendar day an instant falls on in Asia/Shanghai, where the platform's days begin and
 * end (docs/design.md). Intl knows the zone's history (summer time 1986–1991), a fixed +8 would not.
 */
const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export function shanghaiDateAt(instant: Date): string {
  return formatter.format(instant);
}
