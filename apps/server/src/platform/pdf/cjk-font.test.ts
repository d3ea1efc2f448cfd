import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCjkFont } from './cjk-font';

describe('findCjkFont', () => {
  it('uses the configured file and face, and nothing else when that file is missing', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'font-')), 'mine.ttc');
    writeFileSync(file, '');
    expect(findCjkFont(`${file}#MyFace`)).toEqual({ path: file, family: 'MyFace' });
    expect(findCjkFont(file)).toEqual({ path: file, family: undefined });
    expect(findCjkFont('/nowhere/font.ttc')).toBeNull();
  });
});
