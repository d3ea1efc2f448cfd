import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { fen, formatYuan, parseYuan, YUAN_PROBLEM_LABELS, type Fen } from '@yiyang/domain';

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

/**
 * Amounts are integer fen in code and yuan with two decimals on screen (1,234.50), as the
 * domain's `formatYuan` writes them; a missing amount (no reference price set) reads as a dash.
 */
export function yuanOrDash(amount: number | null | undefined): string {
  return amount === null || amount === undefined ? '—' : formatYuan(fen(amount));
}

/**
 * A price field: an InputNumber in string mode, so that what is typed stays text until the
 * domain's `parseYuan` reads it into fen (a float would hold 0.29 as 0.28999…).
 */
export const yuanInputProps = { stringMode: true, min: '0', max: '100000', precision: 2 } as const;

/** The fen typed in a price field, or null when it holds no amount. */
export function typedFen(text: string | null | undefined): Fen | null {
  if (text === null || text === undefined) return null;
  const parsed = parseYuan(text);
  return parsed.ok ? parsed.value : null;
}

/** A price field's current value, for showing a stored amount in it (1234.50, no separators). */
export function fenAsTyped(amount: number | null): string | null {
  return amount === null ? null : formatYuan(fen(amount), { grouping: false });
}

/** Form rule: the price field holds an amount the domain reads, or says why not in `lang`. */
export function yuanRule(lang: 'zh-CN' | 'en') {
  return {
    validator: async (_: unknown, value: string | null | undefined) => {
      if (value === null || value === undefined || value === '') return;
      const parsed = parseYuan(String(value));
      if (!parsed.ok) throw new Error(YUAN_PROBLEM_LABELS[parsed.problem][lang]);
    },
  };
}

/** A date picked in a form (dayjs) as the API's YYYY-MM-DD, or null when none was picked. */
export function formatDay(d: unknown): string | null {
  return d ? (d as { format: (f: string) => string }).format('YYYY-MM-DD') : null;
}
