import type { Localized } from '../assessment/assessment-items';

/** GB/T 43153-2023 居家养老上门服务 categories. */
export const SERVICE_CATEGORIES = [
  'life_care',
  'basic_care',
  'health',
  'visiting',
  'spiritual',
  'errands',
  'adaptation',
] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];

export const SERVICE_UNITS = ['visit', 'hour', 'meal', 'day', 'item'] as const;
export type ServiceUnit = (typeof SERVICE_UNITS)[number];

export interface ServiceItem {
  code: string;
  category: ServiceCategory;
  unit: ServiceUnit;
  label: Localized;
}

export const SERVICE_CATEGORY_LABELS: Record<ServiceCategory, Localized> = {
  life_care: { 'zh-CN': '生活照料', en: 'Daily living care' },
  basic_care: { 'zh-CN': '基础照护', en: 'Basic care' },
  health: { 'zh-CN': '健康管理', en: 'Health management' },
  visiting: { 'zh-CN': '探访关爱', en: 'Visits and care' },
  spiritual: { 'zh-CN': '精神慰藉', en: 'Emotional support' },
  errands: { 'zh-CN': '委托代办', en: 'Errands' },
  adaptation: { 'zh-CN': '家庭生活环境适老化改造', en: 'Home adaptation' },
};

export const SERVICE_UNIT_LABELS: Record<ServiceUnit, Localized> = {
  visit: { 'zh-CN': '次', en: 'visit' },
  hour: { 'zh-CN': '小时', en: 'hour' },
  meal: { 'zh-CN': '餐', en: 'meal' },
  day: { 'zh-CN': '天', en: 'day' },
  item: { 'zh-CN': '项', en: 'item' },
};

const item = (
  code: string,
  category: ServiceCategory,
  unit: ServiceUnit,
  zh: string,
  en: string,
): ServiceItem => ({
  code,
  category,
  unit,
  label: { 'zh-CN': zh, en },
});

/** The everyday items of the plans (助餐、助洁、助浴、助行、助医、助急、康复护理 …). */
export const SERVICE_ITEMS: readonly ServiceItem[] = [
  item('meal_breakfast', 'life_care', 'meal', '助餐（早餐）', 'Meal: breakfast'),
  item('meal_lunch', 'life_care', 'meal', '助餐（午餐）', 'Meal: lunch'),
  item('meal_dinner', 'life_care', 'meal', '助餐（晚餐）', 'Meal: dinner'),
  item('meal_delivery', 'life_care', 'visit', '送餐上门', 'Meal delivery'),
  item('cleaning', 'life_care', 'hour', '助洁', 'Cleaning'),
  item('bathing', 'life_care', 'visit', '助浴', 'Bathing'),
  item('walking_aid', 'life_care', 'hour', '助行', 'Walking assistance'),
  item('personal_care', 'basic_care', 'hour', '生活护理', 'Personal care'),
  item('rehab_care', 'basic_care', 'visit', '康复护理', 'Rehabilitation care'),
  item('respite_day', 'basic_care', 'day', '喘息服务（日托）', 'Respite: day stay'),
  item('respite_week', 'basic_care', 'day', '喘息服务（周托）', 'Respite: week stay'),
  item('respite_month', 'basic_care', 'day', '喘息服务（月托）', 'Respite: month stay'),
  item('medical_escort', 'health', 'visit', '助医（陪同就医）', 'Escort to the doctor'),
  item('health_check', 'health', 'visit', '健康监测', 'Health monitoring'),
  item('capability_assessment', 'health', 'item', '能力评估', 'Capability assessment'),
  item('emergency_aid', 'visiting', 'visit', '助急', 'Emergency help'),
  item('home_visit', 'visiting', 'visit', '上门巡访', 'Home visit'),
  item('companionship', 'spiritual', 'hour', '陪伴聊天', 'Companionship'),
  item('errands', 'errands', 'visit', '代购代办', 'Shopping and errands'),
  item('carer_training', 'errands', 'hour', '家庭照护培训', 'Training for family carers'),
  item('home_adaptation', 'adaptation', 'item', '居家适老化改造', 'Home adaptation'),
];

export const SERVICE_ITEMS_BY_CODE: ReadonlyMap<string, ServiceItem> = new Map(
  SERVICE_ITEMS.map((i) => [i.code, i]),
);
