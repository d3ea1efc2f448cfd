import { shanghaiDateAt } from '@yiyang/domain';

/** Today's date (YYYY-MM-DD) in Asia/Shanghai, where the platform's days begin and end. */
export function shanghaiDate(at: Date = new Date()): string {
  return shanghaiDateAt(at);
}

const SHANGHAI_CLOCK = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An instant as read on a clock in Asia/Shanghai, `YYYY-MM-DD HH:mm:ss` (what the web app shows). */
export function shanghaiDateTime(at: Date): string {
  const part = Object.fromEntries(SHANGHAI_CLOCK.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`;
}
