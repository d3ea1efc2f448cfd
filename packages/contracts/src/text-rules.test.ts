import { describe, expect, it } from 'vitest';
import { isoDate, isoDateTime, nameText, text } from './common';
import { controlCharacterPaths, hasControlCharacter } from './text-rules';

describe('control characters', () => {
  it('finds NUL and C0 controls, but not tab, line feed or carriage return', () => {
    expect(hasControlCharacter('a\u0000b')).toBe(true);
    expect(hasControlCharacter('\u001b[31m')).toBe(true);
    expect(hasControlCharacter('\u007f')).toBe(true);
    expect(hasControlCharacter('第一行\r\n第二行\t')).toBe(false);
  });

  it('finds a lone surrogate, not a pair', () => {
    expect(hasControlCharacter('\ud800')).toBe(true);
    expect(hasControlCharacter('x\udc00')).toBe(true);
    expect(hasControlCharacter('😀')).toBe(false);
  });

  it('names the path of every offending string and object key', () => {
    expect(
      controlCharacterPaths({ name: 'ok', contacts: [{ name: 'a\u0000' }], items: { 'k\u0000': 1 } }),
    ).toEqual([
      ['contacts', 0, 'name'],
      ['items', 'k\u0000'],
    ]);
  });
});

describe('text and names', () => {
  it('refuses text made only of invisible characters', () => {
    expect(text(50).safeParse('\u200b\u200d\ufeff').success).toBe(false);
    expect(text(50).safeParse('\u2060\u202e ').success).toBe(false);
    expect(text(50, 0).safeParse('').success).toBe(true);
    expect(text(50).safeParse('新华大街1号').success).toBe(true);
  });

  it('refuses bidi controls and line breaks in names, not in other text', () => {
    expect(nameText(50).safeParse('王\u202e秀兰').success).toBe(false);
    expect(nameText(50).safeParse('王\n秀兰').success).toBe(false);
    expect(text(500).safeParse('原因\n第二行').success).toBe(true);
    expect(nameText(50).safeParse('Anne-Marie O’Neil').success).toBe(true);
  });
});

describe('dates', () => {
  it('refuses year 0, impossible days and years out of range', () => {
    for (const bad of ['0000-01-01', '9999-99-99', '2026-02-30', '1899-12-31', '2200-01-01'])
      expect(isoDate.safeParse(bad).success, bad).toBe(false);
    expect(isoDate.safeParse('2024-02-29').success).toBe(true);
    expect(isoDateTime.safeParse('0000-01-01T00:00:00Z').success).toBe(false);
    expect(isoDateTime.safeParse('2026-01-01T08:00:00+08:00').success).toBe(true);
  });
});

describe('deeply nested input', () => {
  it('is walked without overflowing the stack', () => {
    const deep = JSON.parse('['.repeat(20_000) + '"\\u0000"' + ']'.repeat(20_000));
    expect(controlCharacterPaths(deep)).toHaveLength(1);
  });
});
