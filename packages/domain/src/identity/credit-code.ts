/**
 * Unified social credit code 统一社会信用代码 (GB 32100-2015): 18 characters over 31 symbols
 * (no I, O, S, V, Z); the last is a check character over the first 17 with weights 3^i mod 31.
 */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem = 'length' | 'character' | 'check';

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  return ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Normalises (trim, upper case) and checks a code: the code, or what is wrong with it. */
export function parseCreditCode(input: string): { code: string } | { problem: CreditCodeProblem } {
  const code = input.trim().toUpperCase();
  if (code.length !== 18) return { problem: 'length' };
  if ([...code].some((c) => !ALPHABET.includes(c))) return { problem: 'character' };
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code[17]) return { problem: 'check' };
  return { code };
}

/** What each problem reads as in an error message. */
export const CREDIT_CODE_PROBLEM_LABELS: Record<CreditCodeProblem, { 'zh-CN': string; en: string }> = {
  length: { 'zh-CN': '应为18位', en: 'it must have 18 characters' },
  character: {
    'zh-CN': '只能包含数字和大写字母（不含I、O、S、V、Z）',
    en: 'only digits and capital letters except I, O, S, V, Z',
  },
  check: { 'zh-CN': '校验码不正确', en: 'the check character is wrong' },
};
