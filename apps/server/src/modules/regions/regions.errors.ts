import type { ErrorCatalog } from '../../platform/errors/error-catalog';

export const REGION_ERRORS = {
  REGION_NOT_FOUND: { status: 404, 'zh-CN': '行政区划 {code} 不存在', en: 'Region {code} does not exist' },
} satisfies ErrorCatalog;
