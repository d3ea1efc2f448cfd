import {
  ELDER_CATEGORIES,
  LIVING_ARRANGEMENTS,
  type ElderCategory,
  type LivingArrangement,
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

export const CATEGORY_LABELS: Record<ElderCategory, string> = {
  tekun: '特困',
  dibao: '低保',
  dibao_edge: '低保边缘',
  low_income: '低收入',
  shidu: '失独',
  empty_nest: '空巢',
  left_behind: '留守',
  living_alone: '独居',
  disabled_cert: '持残疾证',
  special_care: '重点优抚',
  special_contribution: '特殊贡献',
};

export const LIVING_LABELS: Record<LivingArrangement, string> = {
  alone: '独居',
  with_spouse: '与配偶同住',
  with_children: '与子女同住',
  in_institution: '入住机构',
  other: '其他',
};

const byLabel =
  <T extends string>(labels: Record<T, string>, codes: readonly T[]) =>
  (value: string): T | null => {
    const v = value.trim();
    return codes.find((c) => c === v || labels[c] === v) ?? null;
  };
export const parseCategory = byLabel(CATEGORY_LABELS, ELDER_CATEGORIES);
export const parseLiving = byLabel(LIVING_LABELS, LIVING_ARRANGEMENTS);

/**
 * Cells that a spreadsheet would run as a formula (=, +, -, @, and tab/CR tricks) are written as
 * text with a leading apostrophe, so an exported list cannot carry a formula injection.
 */
export function safeCell(value: string | number | null | undefined): string | number | null {
  if (typeof value !== 'string') return value ?? null;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
