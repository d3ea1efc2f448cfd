import { z } from 'zod';
import { REGION_SETTING_KEYS } from '@yiyang/domain';
import { keyedVersion, regionCode } from './common';

export const regionSettingParams = z.strictObject({ code: regionCode, key: z.enum(REGION_SETTING_KEYS) });
export const regionSettingBody = z.strictObject({ value: z.number().int(), version: keyedVersion });
export const effectiveSetting = z.object({
  key: z.enum(REGION_SETTING_KEYS),
  value: z.number().int(),
  /** The region whose setting applies, or null for the default. */
  setAt: z.string().nullable(),
  /** The version of the region's own value; 0 when the value shown is inherited or the default. */
  version: z.number().int(),
});
export const effectiveSettingsResponse = z.object({
  regionCode: z.string(),
  settings: z.array(effectiveSetting),
});
