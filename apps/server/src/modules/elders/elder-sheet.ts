import {
  ELDER_CATEGORIES,
  ELDER_CATEGORY_LABELS,
  ELDER_STATUS_LABELS,
  labelsIn,
  LIVING_ARRANGEMENT_LABELS,
  LIVING_ARRANGEMENTS,
} from '@yiyang/domain';

/** The sheet officials keep (台账): its name and Chinese column headers, in template order. */
export const SHEET_NAME = '老年人信息';

export const COLUMNS = [
  { key: 'idNumber', header: '身份证号', required: true, width: 22 },
  { key: 'name', header: '姓名', required: true, width: 10 },
  { key: 'phone', header: '联系电话', required: false, width: 14 },
  { key: 'hukouRegionCode', header: '户籍地区划代码', required: true, width: 16 },
  { key: 'regionCode', header: '居住社区区划代码', required: true, width: 16 },
  { key: 'address', header: '详细地址', required: true, width: 28 },
  { key: 'lat', header: '纬度', required: false, width: 10 },
  { key: 'lng', header: '经度', required: false, width: 10 },
  { key: 'livingArrangement', header: '居住情况', required: true, width: 12 },
  { key: 'categories', header: '人员类别', required: false, width: 20 },
  { key: 'disabilityGrade', header: '残疾等级', required: false, width: 8 },
  { key: 'contactName', header: '联系人姓名', required: false, width: 10 },
  { key: 'contactRelation', header: '联系人关系', required: false, width: 10 },
  { key: 'contactPhone', header: '联系人电话', required: false, width: 14 },
  { key: 'notes', header: '备注', required: false, width: 20 },
] as const;
export type ColumnKey = (typeof COLUMNS)[number]['key'];

export const CATEGORY_LABELS = labelsIn(ELDER_CATEGORY_LABELS, 'zh-CN');
export const LIVING_LABELS = labelsIn(LIVING_ARRANGEMENT_LABELS, 'zh-CN');
export const STATUS_LABELS = labelsIn(ELDER_STATUS_LABELS, 'zh-CN');

const byLabel =
  <T extends string>(labels: Record<T, string>, codes: readonly T[]) =>
  (value: string): T | null => {
    const v = value.trim();
    return codes.find((c) => c === v || labels[c] === v) ?? null;
  };
export const parseCategory = byLabel(CATEGORY_LABELS, ELDER_CATEGORIES);
export const parseLiving = byLabel(LIVING_LABELS, LIVING_ARRANGEMENTS);

export { safeCell } from '../../platform/http/safe-cell';
