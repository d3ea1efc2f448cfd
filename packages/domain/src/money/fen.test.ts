import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addFen,
  fen,
  formatYuan,
  multiplyFen,
  parseRate,
  parseYuan,
  subtractFen,
  sumFen,
  type Fen,
} from './fen';

const safeFen = fc.maxSafeInteger().map((n) => n as Fen);
const nonNegativeFen = fc.maxSafeNat().map((n) => n as Fen);
/** Amounts a platform meets: up to ten million yuan either way. */
const everydayFen = fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }).map((n) => n as Fen);

describe('fen', () => {
  it('takes whole safe integers and refuses anything else', () => {
    expect(fen(123)).toBe(123);
    expect(fen(-5)).toBe(-5);
    for (const bad of [1.5, 0.1 + 0.2, Number.NaN, Infinity, Number.MAX_SAFE_INTEGER + 1])
      expect(() => fen(bad)).toThrow(RangeError);
  });
});

describe('formatYuan', () => {
  it('writes yuan with two decimals and thousands separators', () => {
    expect(formatYuan(fen(123450))).toBe('1,234.50');
    expect(formatYuan(fen(123450), { symbol: true })).toBe('¥1,234.50');
    expect(formatYuan(fen(123450), { grouping: false })).toBe('1234.50');
    expect(formatYuan(fen(5))).toBe('0.05');
    expect(formatYuan(fen(0))).toBe('0.00');
    expect(formatYuan(fen(-120), { symbol: true })).toBe('-¥1.20');
    expect(formatYuan(fen(Number.MAX_SAFE_INTEGER))).toBe('90,071,992,547,409.91');
  });

  it('matches what the screens showed for amounts under a thousand yuan', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999 }), (n) => {
        expect(formatYuan(fen(n))).toBe((n / 100).toFixed(2));
      }),
    );
  });
});

describe('parseYuan', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12.50', 1250],
    ['0.05', 5],
    ['1,234.56', 123456],
    ['¥12', 1200],
    ['￥1,000,000', 100_000_000],
    ['  7.1 ', 710],
    ['-0', 0],
  ])('reads %s as %i fen', (text, expected) => {
    expect(parseYuan(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['12.345', 'decimals'],
    ['0.001', 'decimals'],
    ['-12', 'negative'],
    ['¥-1.50', 'negative'],
    ['12.', 'format'],
    ['.5', 'format'],
    ['1,23', 'format'],
    ['12,34.00', 'format'],
    ['1e3', 'format'],
    ['12元', 'format'],
    ['abc', 'format'],
    ['--1', 'format'],
    ['0x10', 'format'],
    ['90071992547409.92', 'too_large'],
  ])('refuses %j: %s', (text, problem) => {
    expect(parseYuan(text)).toEqual({ ok: false, problem });
  });

  it('reads negative amounts when asked to', () => {
    expect(parseYuan('-¥1,234.50', { allowNegative: true })).toEqual({ ok: true, value: -123450 });
  });

  it('reads back whatever formatYuan wrote, in every style', () => {
    fc.assert(
      fc.property(safeFen, fc.boolean(), fc.boolean(), (amount, symbol, grouping) => {
        expect(parseYuan(formatYuan(amount, { symbol, grouping }), { allowNegative: true })).toEqual({
          ok: true,
          value: amount,
        });
      }),
    );
  });

  it('refuses any amount with three or more decimals', () => {
    fc.assert(
      fc.property(nonNegativeFen, fc.stringMatching(/^\d{3,6}$/), (amount, extra) => {
        const text = `${formatYuan(amount).slice(0, -3)}.${extra}`;
        expect(parseYuan(text)).toEqual({ ok: false, problem: 'decimals' });
      }),
    );
  });
});

describe('sums', () => {
  it('are exact and do not depend on grouping or order', () => {
    fc.assert(
      fc.property(everydayFen, everydayFen, everydayFen, (a, b, c) => {
        expect(addFen(addFen(a, b), c)).toBe(addFen(a, addFen(b, c)));
        expect(sumFen([a, b, c])).toBe(sumFen([c, a, b]));
        expect(subtractFen(addFen(a, b), b)).toBe(a);
      }),
    );
  });

  it('add ten fen ten times to exactly one yuan, where floating point would not', () => {
    expect(sumFen(Array<Fen>(10).fill(fen(10)))).toBe(100);
  });

  it('refuse a total beyond the safe range instead of rounding it', () => {
    const max = fen(Number.MAX_SAFE_INTEGER);
    expect(() => addFen(max, fen(1))).toThrow(RangeError);
    // An intermediate value beyond the range is fine when the result fits.
    expect(sumFen([max, fen(1), fen(-2)])).toBe(Number.MAX_SAFE_INTEGER - 1);
  });
});

describe('multiplyFen', () => {
  it('rounds half-up to the fen', () => {
    expect(multiplyFen(fen(1), '50%')).toBe(1); // 0.5 fen → 1
    expect(multiplyFen(fen(3), '50%')).toBe(2); // 1.5 → 2
    expect(multiplyFen(fen(149), '1%')).toBe(1); // 1.49 → 1
    expect(multiplyFen(fen(2999), '35%')).toBe(1050); // 1049.65 → 1050
    expect(multiplyFen(fen(1000), { numerator: 1, denominator: 3 })).toBe(333);
    expect(multiplyFen(fen(2000), { numerator: 1, denominator: 3 })).toBe(667);
  });

  it('mirrors the rule for refunds, so a refund gives back what was granted', () => {
    fc.assert(
      fc.property(everydayFen, fc.integer({ min: 0, max: 1000 }), (amount, permille) => {
        const rate = { numerator: permille, denominator: 1000 };
        expect(multiplyFen(fen(-amount), rate)).toBe(-multiplyFen(amount, rate) || 0);
      }),
    );
  });

  it('reads rates exactly where a float would not (0.35 is 0.34999… as a double)', () => {
    expect(parseRate('0.35')).toEqual({ numerator: 35, denominator: 100 });
    expect(parseRate('12.5%')).toEqual({ numerator: 125, denominator: 1000 });
    expect(parseRate('-1')).toBeNull();
    expect(multiplyFen(fen(10), '0.35')).toBe(4); // 3.5 → 4; 10 * 0.35 in floats is 3.4999999999999996
    expect(() => multiplyFen(fen(10), 'a lot')).toThrow(RangeError);
  });

  it('never leaves more than half a fen between the result and the exact product', () => {
    fc.assert(
      fc.property(everydayFen, fc.integer({ min: 0, max: 10_000 }), (amount, bp) => {
        const result = multiplyFen(amount, { numerator: bp, denominator: 10_000 });
        const error = BigInt(result) * 10_000n - BigInt(amount) * BigInt(bp);
        expect(error * 2n <= 10_000n && error * 2n >= -10_000n).toBe(true);
      }),
    );
  });
});
