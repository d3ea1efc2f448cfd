/**
 * Settings a region may set for itself and everything below it; the most specific region's value
 * wins, then the default. Each setting has its bounds here, shared by the server and the web app.
 */
export const REGION_SETTINGS = {
  /** How often an elder's survival is confirmed (生存认证), in months. */
  'survival.intervalMonths': { default: 12, min: 1, max: 36 },
  /** Days past the due date before an elder is flagged (and payments suspended). */
  'survival.graceDays': { default: 30, min: 0, max: 180 },
  /** How long a capability assessment stays valid (level 4 never expires), in months. */
  'assessment.validityMonths': { default: 12, min: 3, max: 36 },
} as const;
export type RegionSettingKey = keyof typeof REGION_SETTINGS;
export const REGION_SETTING_KEYS = Object.keys(REGION_SETTINGS) as RegionSettingKey[];

export const SURVIVAL_METHODS = ['face', 'video', 'home_visit', 'hospital'] as const;
export type SurvivalMethod = (typeof SURVIVAL_METHODS)[number];
