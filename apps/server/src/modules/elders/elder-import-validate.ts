import {
  ageOn,
  ELDER_MIN_AGE,
  isWithinScope,
  normalizeRegionCode,
  parseResidentId,
  regionLevel,
  RESIDENT_ID_PROBLEM_LABELS,
  type ElderCategory,
  type RegionLevel,
} from '@yiyang/domain';
import { hasControlCharacter, isCleanName, isEmptyOrVisible } from '@yiyang/contracts';
import type { Locale } from '../../platform/i18n/locale';
import type { RawRow } from './elder-import-read';
import type { NewElder } from './elders-bulk-insert';
import { COLUMNS, parseCategory, parseLiving, type ColumnKey } from './elder-sheet';

const TEXT = {
  required: { 'zh-CN': '必填', en: 'required' },
  tooLong: { 'zh-CN': '过长', en: 'too long' },
  phone: {
    'zh-CN': '应为11位手机号或带区号的固定电话',
    en: 'an 11-digit mobile or a landline with area code',
  },
  region: { 'zh-CN': '区划代码不存在', en: 'no such region code' },
  community: { 'zh-CN': '须为社区/村一级的区划代码', en: 'must be a community or village code' },
  scope: { 'zh-CN': '不在您的管辖范围内', en: 'outside your scope' },
  underAge: {
    'zh-CN': '未满60周岁，请通过档案页面单独登记',
    en: 'under 60: register separately through the record form',
  },
  living: {
    'zh-CN': '应为：独居、与配偶同住、与子女同住、入住机构、其他',
    en: 'one of: alone, with spouse, with children, in institution, other',
  },
  category: { 'zh-CN': '无法识别的人员类别', en: 'unknown category' },
  grade: {
    'zh-CN': '持残疾证的须填写1–4级，未持证的不填',
    en: '1–4 with the disability certificate category, and only with it',
  },
  number: { 'zh-CN': '应为数字且在有效范围内', en: 'must be a number in range' },
  contact: {
    'zh-CN': '联系人姓名、关系、电话须一起填写',
    en: 'contact name, relation and phone go together',
  },
  control: { 'zh-CN': '不能包含控制字符（如 NUL）', en: 'control characters (such as NUL) are not allowed' },
  nameCharacters: {
    'zh-CN': '须为一行可见文字，且不能包含文字方向控制字符',
    en: 'one line of visible text, without text-direction control characters',
  },
  duplicateInFile: { 'zh-CN': '与第 {row} 行身份证号重复', en: 'same identity number as row {row}' },
} as const;

const PHONE = /^(1\d{10}|0\d{2,3}-?\d{7,8})$/;
const header = (key: ColumnKey) => COLUMNS.find((c) => c.key === key)!.header;

export interface RowError {
  row: number;
  field: string;
  message: string;
}

export interface ValidationContext {
  today: string;
  locale: Locale;
  scopeCode: string;
  regions: Map<string, RegionLevel>;
  /** Normalised identity number → first row it was seen in. */
  seen: Map<string, number>;
}

/** Checks one row; returns the elder to insert, or every problem of the row. */
export function validateRow(
  raw: RawRow,
  ctx: ValidationContext,
): { elder: NewElder } | { errors: RowError[] } {
  const v = raw.values;
  const errors: RowError[] = [];
  const fail = (
    key: ColumnKey,
    text: { 'zh-CN': string; en: string },
    params: Record<string, string | number> = {},
  ) =>
    errors.push({
      row: raw.row,
      field: header(key),
      message: text[ctx.locale].replace(/\{(\w+)\}/g, (_, p: string) => String(params[p])),
    });

  // What the API refuses in every request string and name, a cell may not hold either.
  for (const [key, value] of Object.entries(v) as [ColumnKey, string][])
    if (hasControlCharacter(value)) fail(key, TEXT.control);
  for (const key of ['name', 'contactName', 'contactRelation'] as const) {
    const value = v[key];
    if (value && !hasControlCharacter(value) && !(isEmptyOrVisible(value) && isCleanName(value)))
      fail(key, TEXT.nameCharacters);
  }
  if (v.address && !isEmptyOrVisible(v.address)) fail('address', TEXT.required);

  let identity: { number: string; birthDate: string; sex: 'male' | 'female' } | null = null;
  if (!v.idNumber) fail('idNumber', TEXT.required);
  else {
    const parsed = parseResidentId(v.idNumber, ctx.today);
    if (!parsed.ok) fail('idNumber', RESIDENT_ID_PROBLEM_LABELS[parsed.problem]);
    else if (ageOn(parsed.value.birthDate, ctx.today) < ELDER_MIN_AGE) fail('idNumber', TEXT.underAge);
    else {
      const first = ctx.seen.get(parsed.value.number);
      if (first !== undefined) fail('idNumber', TEXT.duplicateInFile, { row: first });
      else {
        ctx.seen.set(parsed.value.number, raw.row);
        identity = parsed.value;
      }
    }
  }
  if (!v.name) fail('name', TEXT.required);
  else if ([...v.name].length > 50) fail('name', TEXT.tooLong);
  if (v.phone && !PHONE.test(v.phone)) fail('phone', TEXT.phone);

  const region = (key: 'hukouRegionCode' | 'regionCode') => {
    const code = v[key] ? normalizeRegionCode(v[key]!) : null;
    if (!v[key]) fail(key, TEXT.required);
    else if (!code || !ctx.regions.has(code)) fail(key, TEXT.region);
    return code && ctx.regions.has(code) ? code : null;
  };
  const hukou = region('hukouRegionCode');
  const residence = region('regionCode');
  if (residence && regionLevel(residence) !== 'community') fail('regionCode', TEXT.community);
  else if (residence && !isWithinScope(residence, ctx.scopeCode)) fail('regionCode', TEXT.scope);

  if (!v.address) fail('address', TEXT.required);
  else if (v.address.length > 200) fail('address', TEXT.tooLong);
  const coordinate = (key: 'lat' | 'lng', limit: number) => {
    if (!v[key]) return null;
    const n = Number(v[key]);
    if (!Number.isFinite(n) || Math.abs(n) > limit) {
      fail(key, TEXT.number);
      return null;
    }
    return n;
  };
  const lat = coordinate('lat', 90);
  const lng = coordinate('lng', 180);
  const living = v.livingArrangement ? parseLiving(v.livingArrangement) : null;
  if (!living) fail('livingArrangement', v.livingArrangement ? TEXT.living : TEXT.required);

  const categories: ElderCategory[] = [];
  for (const part of (v.categories ?? '').split(/[、,，;；\s]+/).filter(Boolean)) {
    const category = parseCategory(part);
    if (category) categories.push(category);
    else fail('categories', TEXT.category);
  }
  const grade = v.disabilityGrade ? Number(v.disabilityGrade) : null;
  if (
    (grade !== null && ![1, 2, 3, 4].includes(grade)) ||
    categories.includes('disabled_cert') !== (grade !== null)
  ) {
    fail('disabilityGrade', TEXT.grade);
  }
  const contactGiven = [v.contactName, v.contactRelation, v.contactPhone].filter(Boolean).length;
  if (contactGiven > 0 && contactGiven < 3) fail('contactName', TEXT.contact);
  else if (v.contactPhone && !PHONE.test(v.contactPhone)) fail('contactPhone', TEXT.phone);
  if (v.notes && v.notes.length > 1000) fail('notes', TEXT.tooLong);

  if (errors.length || !identity || !hukou || !residence || !living) return { errors };
  return {
    elder: {
      idNumber: identity.number,
      name: v.name!,
      sex: identity.sex,
      birthDate: identity.birthDate,
      phone: v.phone ?? null,
      hukouRegionCode: hukou,
      regionCode: residence,
      address: v.address!,
      lat,
      lng,
      livingArrangement: living,
      categories: [...new Set(categories)],
      disabilityGrade: grade,
      contacts:
        contactGiven === 3
          ? [{ name: v.contactName!, relation: v.contactRelation!, phone: v.contactPhone!, guardian: false }]
          : [],
      notes: v.notes ?? null,
    },
  };
}
