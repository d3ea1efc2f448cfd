/**
 * Money is an integer number of fen (分, 1/100 yuan) everywhere in code, the database and the
 * API; yuan with two decimals appear only on screen and in what people type. Nothing here goes
 * through floating point: 0.1 + 0.2 is not 0.3 in binary, and a subsidy total that is off by a
 * fen is a finding in an audit.
 *
 * Amounts are plain `number`s (JSON and the database driver hand them over as such) branded
 * `Fen` so that a yuan number cannot be passed where fen are meant. Every amount is a safe
 * integer (|n| ≤ 2^53 − 1 fen, about 90 trillion yuan), where a double is exact. Sums and
 * products are worked out in `bigint`, so an intermediate value may pass that bound without
 * losing a fen, and only a result that does not fit is refused (RangeError) — cheaper than
 * carrying bigint through JSON, the database and React, for amounts that never come near it.
 */
declare const fenBrand: unique symbol;
export type Fen = number & { readonly [fenBrand]: true };

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

export function isFen(value: unknown): value is Fen {
  return Number.isSafeInteger(value);
}

/** An amount in fen; refuses fractions, NaN, infinities and integers a double cannot hold exactly. */
export function fen(value: number): Fen {
  if (!isFen(value)) throw new RangeError(`Not a whole, safe number of fen: ${value}`);
  return value;
}

function fromBigInt(value: bigint): Fen {
  if (value > MAX || value < -MAX) throw new RangeError(`Amount beyond ${Number.MAX_SAFE_INTEGER} fen`);
  return Number(value) as Fen;
}

/** The exact sum; refuses a total beyond the safe range instead of rounding it. */
export function sumFen(amounts: Iterable<Fen>): Fen {
  let total = 0n;
  for (const amount of amounts) total += BigInt(fen(amount));
  return fromBigInt(total);
}

export function addFen(...amounts: Fen[]): Fen {
  return sumFen(amounts);
}

export function subtractFen(a: Fen, b: Fen): Fen {
  return fromBigInt(BigInt(fen(a)) - BigInt(fen(b)));
}

/** An exact ratio of two integers, such as 35/100 for a 35 % subsidy. */
export interface Ratio {
  numerator: number;
  denominator: number;
}

const DECIMAL_RATE = /^(\d+)(?:\.(\d+))?(%?)$/;

/** A rate written as a decimal ("0.35", "1.5") or a percentage ("35%", "12.5%"), as an exact ratio. */
export function parseRate(text: string): Ratio | null {
  const match = DECIMAL_RATE.exec(text.trim());
  if (!match) return null;
  const decimals = match[2] ?? '';
  const scale = decimals.length + (match[3] ? 2 : 0);
  const numerator = Number(match[1]! + decimals);
  const denominator = 10 ** scale;
  return Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator)
    ? { numerator, denominator }
    : null;
}

/**
 * `amount × rate`, rounded half-up to the fen: a half fen or more goes up, less goes down
 * (1.5 → 2, 1.49 → 1). For a negative amount (a refund) the rule is mirrored — half away from
 * zero — so that refunding a subsidy gives back exactly what was granted. The rate is an exact
 * ratio or its decimal text ("0.35", "35%"), never a float: 0.35 as a double is 0.34999….
 */
export function multiplyFen(amount: Fen, rate: Ratio | string): Fen {
  const ratio = typeof rate === 'string' ? parseRate(rate) : rate;
  if (!ratio) throw new RangeError(`Not a rate: ${String(rate)}`);
  const { numerator, denominator } = ratio;
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || denominator <= 0)
    throw new RangeError(`Not an exact ratio: ${numerator}/${denominator}`);
  const product = BigInt(fen(amount)) * BigInt(numerator);
  const d = BigInt(denominator);
  const negative = product < 0n;
  const magnitude = negative ? -product : product;
  const rounded = (magnitude * 2n + d) / (2n * d);
  return fromBigInt(negative ? -rounded : rounded);
}

export interface YuanFormat {
  /** Prefix ¥ (for text that stands alone; a column headed 价格（元） does without). Default false. */
  symbol?: boolean;
  /** Thousands separators, 1,234.50. Default true; false for the value of an input field. */
  grouping?: boolean;
}

/**
 * Fen as yuan with two decimals: 123450 → "1,234.50", with `symbol` "¥1,234.50", negative
 * "-¥1,234.50". zh-CN and en write amounts alike (comma groups, point decimals, ¥ before the
 * number), so one format serves both languages.
 */
export function formatYuan(amount: Fen, options: YuanFormat = {}): string {
  const value = BigInt(fen(amount));
  const digits = (value < 0n ? -value : value).toString().padStart(3, '0');
  const whole = digits.slice(0, -2);
  const grouped = options.grouping === false ? whole : whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return `${value < 0n ? '-' : ''}${options.symbol ? '¥' : ''}${grouped}.${digits.slice(-2)}`;
}

export type YuanProblem = 'empty' | 'format' | 'decimals' | 'negative' | 'too_large';

export type YuanParseResult = { ok: true; value: Fen } | { ok: false; problem: YuanProblem };

const YUAN = /^([-−]?)[¥￥]?([-−]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * Yuan as a person types them — "12", "12.5", "12.50", "1,234.56", "¥12", " 12 " — as fen, by
 * reading the digits (no floating point). Refused: more than two decimals (a third would have to
 * be rounded away, and silently changing an amount is worse than asking), a minus sign unless
 * `allowNegative`, misplaced commas, and anything else that is not an amount.
 */
export function parseYuan(text: string, options: { allowNegative?: boolean } = {}): YuanParseResult {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'empty' };
  const match = YUAN.exec(trimmed);
  if (!match || (match[1] && match[2])) return { ok: false, problem: 'format' };
  const decimals = match[4] ?? '';
  if (decimals.length > 2) return { ok: false, problem: 'decimals' };
  const negative = !!(match[1] || match[2]);
  const magnitude = BigInt(match[3]!.replaceAll(',', '') + decimals.padEnd(2, '0'));
  if (negative && magnitude !== 0n && !options.allowNegative) return { ok: false, problem: 'negative' };
  if (magnitude > MAX) return { ok: false, problem: 'too_large' };
  return { ok: true, value: Number(negative ? -magnitude : magnitude) as Fen };
}

/** What each problem of a typed amount reads as in a message. */
export const YUAN_PROBLEM_LABELS = {
  empty: { 'zh-CN': '请输入金额', en: 'enter an amount' },
  format: { 'zh-CN': '金额格式不正确，如 12.50', en: 'not an amount; write it like 12.50' },
  decimals: { 'zh-CN': '最多两位小数（精确到分）', en: 'at most two decimals (to the fen)' },
  negative: { 'zh-CN': '金额不能为负数', en: 'the amount cannot be negative' },
  too_large: { 'zh-CN': '金额过大', en: 'the amount is too large' },
} as const satisfies Record<YuanProblem, { 'zh-CN': string; en: string }>;
