import type { ElderCategory, ElderStatus, LivingArrangement } from './categories';

type Labels<K extends string> = Record<K, { 'zh-CN': string; en: string }>;

/** How categories read to people: on screen (both languages) and in officials' Excel ledgers (zh-CN). */
export const ELDER_CATEGORY_LABELS: Labels<ElderCategory> = {
  tekun: { 'zh-CN': '特困', en: 'Extreme poverty (tekun)' },
  dibao: { 'zh-CN': '低保', en: 'Minimum living guarantee' },
  dibao_edge: { 'zh-CN': '低保边缘', en: 'Near dibao' },
  low_income: { 'zh-CN': '低收入', en: 'Low income' },
  shidu: { 'zh-CN': '失独', en: 'Lost only child' },
  empty_nest: { 'zh-CN': '空巢', en: 'Empty nest' },
  left_behind: { 'zh-CN': '留守', en: 'Left behind' },
  living_alone: { 'zh-CN': '独居', en: 'Living alone' },
  disabled_cert: { 'zh-CN': '持残疾证', en: 'Disability certificate' },
  special_care: { 'zh-CN': '重点优抚', en: 'Veteran / martyr family' },
  special_contribution: { 'zh-CN': '特殊贡献', en: 'Special contribution' },
};

export const LIVING_ARRANGEMENT_LABELS: Labels<LivingArrangement> = {
  alone: { 'zh-CN': '独居', en: 'Alone' },
  with_spouse: { 'zh-CN': '与配偶同住', en: 'With spouse' },
  with_children: { 'zh-CN': '与子女同住', en: 'With children' },
  in_institution: { 'zh-CN': '入住机构', en: 'In an institution' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const ELDER_STATUS_LABELS: Labels<ElderStatus> = {
  active: { 'zh-CN': '在册', en: 'Active' },
  moved_out: { 'zh-CN': '迁出', en: 'Moved out' },
  deceased: { 'zh-CN': '已故', en: 'Deceased' },
};

/** One language's texts, keyed by code: for i18n resources and spreadsheets. */
export function labelsIn<K extends string>(labels: Labels<K>, locale: 'zh-CN' | 'en'): Record<K, string> {
  return Object.fromEntries(
    Object.entries<{ 'zh-CN': string; en: string }>(labels).map(([k, v]) => [k, v[locale]]),
  ) as Record<K, string>;
}
