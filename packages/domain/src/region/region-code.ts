/**
 * Administrative division codes: 12 digits = province 2 + city 2 + county 2 + street 3 + community 3
 * (GB/T 2260 extended by the statistical township/village codes). A scope is the code's significant
 * prefix, so "is X inside scope S" is a string prefix test that an index can answer.
 */
export const REGION_LEVELS = ['province', 'city', 'county', 'street', 'community'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];

/** Length of the significant prefix for each level. */
const PREFIX_LENGTH: Record<RegionLevel, number> = {
  province: 2,
  city: 4,
  county: 6,
  street: 9,
  community: 12,
};
const PREFIX_LENGTHS = [2, 4, 6, 9, 12];

export const REGION_CODE_PATTERN = /^\d{12}$/;

export function isRegionCode(value: string): boolean {
  return REGION_CODE_PATTERN.test(value) && regionLevelOrNull(value) !== null;
}

function regionLevelOrNull(code: string): RegionLevel | null {
  if (code.slice(0, 2) === '00') return null;
  if (code.slice(2) === '0000000000') return 'province';
  if (code.slice(4) === '00000000') return code.slice(2, 4) === '00' ? null : 'city';
  if (code.slice(6) === '000000') return 'county';
  if (code.slice(9) === '000') return 'street';
  return 'community';
}

/** The level a 12-digit code stands for, judged by its trailing zero groups. */
export function regionLevel(code: string): RegionLevel {
  const level = REGION_CODE_PATTERN.test(code) ? regionLevelOrNull(code) : null;
  if (!level) throw new RangeError(`not a region code: ${code}`);
  return level;
}

/** The significant prefix of a code: `150102000000` → `150102`. */
export function regionPrefix(code: string): string {
  return code.slice(0, PREFIX_LENGTH[regionLevel(code)]);
}

/**
 * Accepts what people type — a full 12-digit code or a significant prefix (`1501`, `150102`,
 * `150102001`) — and returns the 12-digit code, or null if it is neither.
 */
export function normalizeRegionCode(input: string): string | null {
  const value = input.trim();
  if (!/^\d+$/.test(value) || !PREFIX_LENGTHS.includes(value.length)) return null;
  const code = value.padEnd(12, '0');
  return isRegionCode(code) ? code : null;
}

/** Parent's 12-digit code, or null for a province. */
export function parentRegionCode(code: string): string | null {
  const level = regionLevel(code);
  const index = REGION_LEVELS.indexOf(level);
  if (index === 0) return null;
  const parentLevel = REGION_LEVELS[index - 1] as RegionLevel;
  return code.slice(0, PREFIX_LENGTH[parentLevel]).padEnd(12, '0');
}

/** The code itself, then its parent, up to the province: for "the nearest region that set it". */
export function regionAncestors(code: string): string[] {
  const codes: string[] = [];
  for (let c: string | null = code; c; c = parentRegionCode(c)) codes.push(c);
  return codes;
}

/** Is `code` (a 12-digit code) inside the scope whose 12-digit code is `scopeCode`? */
export function isWithinScope(code: string, scopeCode: string): boolean {
  return code.startsWith(regionPrefix(scopeCode));
}
