/** Elder categories that rules refer to (docs/domain/policy-sources.md); age, level and hukou are derived, never stored here. */
export const ELDER_CATEGORIES = [
  'tekun',
  'dibao',
  'dibao_edge',
  'low_income',
  'shidu',
  'empty_nest',
  'left_behind',
  'living_alone',
  'disabled_cert',
  'special_care',
  'special_contribution',
] as const;
export type ElderCategory = (typeof ELDER_CATEGORIES)[number];

export const LIVING_ARRANGEMENTS = [
  'alone',
  'with_spouse',
  'with_children',
  'in_institution',
  'other',
] as const;
export type LivingArrangement = (typeof LIVING_ARRANGEMENTS)[number];

export const ELDER_STATUSES = ['active', 'moved_out', 'deceased'] as const;
export type ElderStatus = (typeof ELDER_STATUSES)[number];

/** Disability certificate grades 1 (most severe) to 4; only with `disabled_cert`. */
export const DISABILITY_GRADES = [1, 2, 3, 4] as const;

/** The age from which a person is an elder for these services (60 周岁). */
export const ELDER_MIN_AGE = 60;
