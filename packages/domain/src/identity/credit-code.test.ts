import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, parseCreditCode } from './credit-code';

describe('parseCreditCode (GB 32100)', () => {
  it('accepts the valid examples, also in lower case with spaces', () => {
    expect(parseCreditCode('91350100M000100Y43')).toEqual({ code: '91350100M000100Y43' });
    expect(parseCreditCode(' 91110000600037341l ')).toEqual({ code: '91110000600037341L' });
  });

  it('computes the check character, 31 → 0', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(creditCodeCheckCharacter('91110000600037341')).toBe('L');
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0');
  });

  it('names what is wrong', () => {
    expect(parseCreditCode('91350100M000100Y4')).toEqual({ problem: 'length' });
    expect(parseCreditCode('91350100M000100Y4I')).toEqual({ problem: 'character' });
    expect(parseCreditCode('91350100M000100Y44')).toEqual({ problem: 'check' });
  });
});
