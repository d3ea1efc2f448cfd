import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Times are stored in UTC and always shown in Asia/Shanghai, whatever the browser's zone. */
export const TIME_ZONE = 'Asia/Shanghai';

export function formatDateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).tz(TIME_ZONE).format('YYYY-MM-DD HH:mm:ss') : '—';
}

/** Today's date in Asia/Shanghai, YYYY-MM-DD: the day the server's rules use. */
export function todayInShanghai(): string {
  return dayjs().tz(TIME_ZONE).format('YYYY-MM-DD');
}

/** Amounts are integer fen in code and yuan with two decimals on screen. */
export function formatYuan(fen: number | null | undefined): string {
  return fen === null || fen === undefined ? '—' : (fen / 100).toFixed(2);
}

/** Yuan typed by a person, as integer fen (no floating-point drift). */
export function yuanToFen(yuan: number): number {
  return Math.round(yuan * 100);
}

/** A date picked in a form (dayjs) as the API's YYYY-MM-DD, or null when none was picked. */
export function formatDay(d: unknown): string | null {
  return d ? (d as { format: (f: string) => string }).format('YYYY-MM-DD') : null;
}
