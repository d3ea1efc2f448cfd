import { z } from 'zod';
import { REGION_SETTING_KEYS } from '@yiyang/domain';
import { keyedVersion, regionCode } from './common';
import { defineEndpoint } from './endpoint';
import { regionParams } from './regions';

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

const tags = ['settings'];
/** The region-setting endpoints (decision 0019). */
export const settingsEndpoints = {
  effective: defineEndpoint({
    method: 'GET',
    path: '/api/v1/region-settings/:code',
    permission: 'session',
    params: regionParams,
    response: effectiveSettingsResponse,
    tags,
    summary: 'Settings as they apply to a region of the caller’s scope',
  }),
  set: defineEndpoint({
    method: 'PUT',
    path: '/api/v1/region-settings/:code/:key',
    permission: 'settings:write',
    params: regionSettingParams,
    body: regionSettingBody,
    response: effectiveSettingsResponse,
    tags,
    summary: 'Set a value for a region and everything below it',
  }),
};
