import { describe, expect, it } from 'vitest';
import { parseCategory, parseLiving, safeCell } from './elder-sheet';

describe('elder sheet', () => {
  it('neutralises formula injection in exported cells', () => {
    expect(safeCell('=HYPERLINK("http://x","y")')).toBe('\'=HYPERLINK("http://x","y")');
    expect(safeCell('+86 138')).toBe("'+86 138");
    expect(safeCell('-1+1')).toBe("'-1+1");
    expect(safeCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeCell('王秀兰')).toBe('王秀兰');
    expect(safeCell(42)).toBe(42);
  });

  it('reads categories and living arrangements by Chinese label or code', () => {
    expect(parseCategory('低保')).toBe('dibao');
    expect(parseCategory('tekun')).toBe('tekun');
    expect(parseCategory('富裕')).toBeNull();
    expect(parseLiving('与子女同住')).toBe('with_children');
  });
});
