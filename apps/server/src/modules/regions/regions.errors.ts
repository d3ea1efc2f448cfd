import type { CodesOf } from '../../platform/errors/error-codes';
import type { ErrorCatalog } from '../../platform/errors/error-catalog';

export const REGION_ERRORS = {
  REGION_NOT_FOUND: { status: 404, 'zh-CN': '行政区划 {code} 不存在', en: 'Region {code} does not exist' },
} satisfies ErrorCatalog;

declare module '../../platform/errors/error-codes' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface ErrorCodes extends CodesOf<typeof REGION_ERRORS> {}
}
