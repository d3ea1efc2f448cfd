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

/**
 * `text`: a column Excel must keep as text — an identity number typed into a General cell becomes a
 * number and loses its last digits, a landline its leading 0. `aliases`: headers officials' own
 * sheets use for the same column.
 */
export const COLUMNS = [
  {
    key: 'idNumber',
    header: '身份证号',
    aliases: ['身份证号码', '公民身份号码', '身份证', '证件号码'],
    required: true,
    text: true,
    width: 22,
  },
  { key: 'name', header: '姓名', aliases: ['老人姓名'], required: true, text: false, width: 10 },
  {
    key: 'phone',
    header: '联系电话',
    aliases: ['电话', '手机', '手机号', '手机号码', '本人电话', '联系方式'],
    required: false,
    text: true,
    width: 14,
  },
  { key: 'hukouRegionCode', header: '户籍地区划代码', aliases: [], required: true, text: false, width: 16 },
  { key: 'regionCode', header: '居住社区区划代码', aliases: [], required: true, text: false, width: 16 },
  {
    key: 'address',
    header: '详细地址',
    aliases: ['地址', '居住地址', '现住址'],
    required: true,
    text: false,
    width: 28,
  },
  { key: 'lat', header: '纬度', aliases: [], required: false, text: false, width: 10 },
  { key: 'lng', header: '经度', aliases: [], required: false, text: false, width: 10 },
  {
    key: 'livingArrangement',
    header: '居住情况',
    aliases: ['居住状况'],
    required: true,
    text: false,
    width: 12,
  },
  { key: 'categories', header: '人员类别', aliases: [], required: false, text: false, width: 20 },
  { key: 'disabilityGrade', header: '残疾等级', aliases: [], required: false, text: false, width: 8 },
  { key: 'contactName', header: '联系人姓名', aliases: ['联系人'], required: false, text: false, width: 10 },
  {
    key: 'contactRelation',
    header: '联系人关系',
    aliases: ['与老人关系'],
    required: false,
    text: false,
    width: 10,
  },
  {
    key: 'contactPhone',
    header: '联系人电话',
    aliases: ['联系人手机', '联系人联系电话'],
    required: false,
    text: true,
    width: 14,
  },
  { key: 'notes', header: '备注', aliases: [], required: false, text: false, width: 20 },
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

/** The column a header names, as officials type it: spaces and required-markers (`*`, `（必填）`) ignored. */
export function columnForHeader(text: string): ColumnKey | null {
  const h = text.replace(/\s|[*＊]|[（(]必填[）)]/g, '');
  return COLUMNS.find((c) => c.header === h || (c.aliases as readonly string[]).includes(h))?.key ?? null;
}

/** Sheet columns for a workbook officials fill in or correct: the text columns formatted as text. */
export const sheetColumns = () =>
  COLUMNS.map((c) => ({
    header: c.header,
    key: c.key,
    width: c.width,
    ...(c.text ? { style: { numFmt: '@' } } : {}),
  }));

export { safeCell } from '../../platform/http/safe-cell';
