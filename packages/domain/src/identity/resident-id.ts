import { isCalendarDate } from '../time/calendar-date';

/**
 * Resident identity numbers (公民身份号码, GB 11643-1999): 6-digit address code + birth date
 * YYYYMMDD + 3-digit sequence (odd = male) + ISO 7064 MOD 11-2 check character.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type IdNumberProblem =
  'length' | 'characters' | 'check_character' | 'birth_date' | 'future_birth_date';
export type Sex = 'male' | 'female';

export interface ResidentId {
  /** 18 characters, check character upper-case. */
  number: string;
  /** Registration place (户籍地) code, not the residence. */
  addressCode: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: Sex;
}

export type ParseResult = { ok: true; value: ResidentId } | { ok: false; problem: IdNumberProblem };

/** The check character for the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] as number);
  return CHECK_CHARS[sum % 11] as string;
}

/**
 * Parses an 18-character number (lower-case x accepted) or an old 15-digit one (converted:
 * `19` inserted into the year, check character computed). `today` (YYYY-MM-DD, Asia/Shanghai)
 * rejects birth dates in the future.
 */
export function parseResidentId(input: string, today: string): ParseResult {
  let value = input.trim().toUpperCase();
  if (value.length === 15) {
    if (!/^\d{15}$/.test(value)) return { ok: false, problem: 'characters' };
    const first17 = value.slice(0, 6) + '19' + value.slice(6);
    value = first17 + checkCharacter(first17);
  } else if (value.length !== 18) {
    return { ok: false, problem: 'length' };
  } else {
    if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'characters' };
    if (checkCharacter(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'check_character' };
  }
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (Number(value.slice(6, 10)) < 1850 || !isCalendarDate(birthDate))
    return { ok: false, problem: 'birth_date' };
  if (birthDate > today) return { ok: false, problem: 'future_birth_date' };
  return {
    ok: true,
    value: {
      number: value,
      addressCode: value.slice(0, 6),
      birthDate,
      sex: Number(value[16]) % 2 === 1 ? 'male' : 'female',
    },
  };
}

/** What each problem of an identity number reads as in an error message. */
export const RESIDENT_ID_PROBLEM_LABELS = {
  length: { 'zh-CN': '长度应为18位（或旧版15位）', en: 'it must have 18 characters (or 15 for old numbers)' },
  characters: { 'zh-CN': '只能包含数字，最后一位可以是X', en: 'only digits, with X allowed last' },
  check_character: { 'zh-CN': '校验码不正确', en: 'the check character is wrong' },
  birth_date: { 'zh-CN': '出生日期不存在', en: 'the birth date does not exist' },
  future_birth_date: { 'zh-CN': '出生日期晚于今天', en: 'the birth date is in the future' },
} as const;
