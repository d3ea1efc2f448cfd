import type { CodesOf } from '../../platform/errors/error-codes';
import type { ErrorCatalog } from '../../platform/errors/error-catalog';

export const SETTINGS_ERRORS = {
  SETTING_OUT_OF_RANGE: {
    status: 400,
    'zh-CN': '{key} 的取值范围是 {min}–{max}',
    en: '{key} must be between {min} and {max}',
  },
} satisfies ErrorCatalog;

declare module '../../platform/errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends CodesOf<typeof SETTINGS_ERRORS> {}
}
