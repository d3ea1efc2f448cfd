import { describe, expect, it } from 'vitest';
import { deciderConflict } from './maker-checker';

const decider = (createdBy: string | null = null, passwordSetBy: string | null = null) => ({
  id: 'checker',
  createdBy,
  passwordSetBy,
});

describe('maker-checker independence', () => {
  it('refuses the preparer themselves', () => {
    expect(deciderConflict(decider(), ['checker'])).toBe('self');
  });
  it('refuses an account the preparer created', () => {
    expect(deciderConflict(decider('maker'), ['maker'])).toBe('created_by_preparer');
  });
  it('refuses an account whose password the preparer set', () => {
    expect(deciderConflict(decider('admin', 'maker'), ['maker'])).toBe('password_set_by_preparer');
  });
  it('accepts an independent account, and checks every preparer of a two-person task', () => {
    expect(deciderConflict(decider('admin', 'admin'), ['maker'])).toBeNull();
    expect(deciderConflict(decider('second'), ['first', 'second'])).toBe('created_by_preparer');
    expect(deciderConflict(decider(), [null, undefined])).toBeNull();
  });
});
