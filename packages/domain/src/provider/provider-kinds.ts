import type { Localized } from '../assessment/assessment-items';

/** The supply side's facility kinds: the three-level network, institutions, home services. */
export const PROVIDER_KINDS = [
  'institution',
  'street_center',
  'day_care',
  'community_station',
  'care_point',
  'rural_mutual_aid',
  'home_service',
  'canteen',
  'medical',
] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const OWNERSHIPS = ['public', 'public_private', 'private_nonprofit', 'private_forprofit'] as const;
export type Ownership = (typeof OWNERSHIPS)[number];

export const OPERATING_STATUSES = ['preparing', 'operating', 'suspended', 'closed'] as const;
export type OperatingStatus = (typeof OPERATING_STATUSES)[number];

/** 备案: filing replaces licences (民政部 2019); a change or cancellation is filed too. */
export const FILING_STATUSES = ['not_filed', 'filed', 'changed', 'cancelled'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

/** GB/T 37276 grades 一级 … 五级. */
export const PROVIDER_GRADES = [1, 2, 3, 4, 5] as const;
export type ProviderGrade = (typeof PROVIDER_GRADES)[number];

/** The 15-minute service circle (Hohhot plan: 10–15 minutes). */
export const DEFAULT_SERVICE_RADIUS_M = 1500;

export const PROVIDER_KIND_LABELS: Record<ProviderKind, Localized> = {
  institution: { 'zh-CN': '养老机构', en: 'Care institution' },
  street_center: { 'zh-CN': '街道/乡镇综合养老服务中心', en: 'Street/township care centre' },
  day_care: { 'zh-CN': '社区日间照料中心', en: 'Community day-care centre' },
  community_station: { 'zh-CN': '社区/村养老服务站', en: 'Community/village care station' },
  care_point: { 'zh-CN': '小区/村屯养老关爱之家', en: 'Neighbourhood care point' },
  rural_mutual_aid: { 'zh-CN': '农村互助幸福院', en: 'Rural mutual-aid home' },
  home_service: { 'zh-CN': '居家上门服务机构', en: 'Home-service provider' },
  canteen: { 'zh-CN': '老年助餐点/食堂', en: 'Meal point / canteen' },
  medical: { 'zh-CN': '签约医疗卫生机构', en: 'Contracted medical institution' },
};

export const OWNERSHIP_LABELS: Record<Ownership, Localized> = {
  public: { 'zh-CN': '公办', en: 'Public' },
  public_private: { 'zh-CN': '公建民营', en: 'Publicly built, privately run' },
  private_nonprofit: { 'zh-CN': '民办非营利', en: 'Private non-profit' },
  private_forprofit: { 'zh-CN': '民办营利', en: 'Private for-profit' },
};

export const OPERATING_STATUS_LABELS: Record<OperatingStatus, Localized> = {
  preparing: { 'zh-CN': '筹建中', en: 'Preparing' },
  operating: { 'zh-CN': '运营中', en: 'Operating' },
  suspended: { 'zh-CN': '暂停运营', en: 'Suspended' },
  closed: { 'zh-CN': '已关闭', en: 'Closed' },
};

export const FILING_STATUS_LABELS: Record<FilingStatus, Localized> = {
  not_filed: { 'zh-CN': '未备案', en: 'Not filed' },
  filed: { 'zh-CN': '已备案', en: 'Filed' },
  changed: { 'zh-CN': '已变更备案', en: 'Filing changed' },
  cancelled: { 'zh-CN': '已注销备案', en: 'Filing cancelled' },
};

export const GRADE_LABELS: Record<ProviderGrade, Localized> = {
  1: { 'zh-CN': '一级', en: 'Grade 1' },
  2: { 'zh-CN': '二级', en: 'Grade 2' },
  3: { 'zh-CN': '三级', en: 'Grade 3' },
  4: { 'zh-CN': '四级', en: 'Grade 4' },
  5: { 'zh-CN': '五级', en: 'Grade 5' },
};

export type BedsProblem = 'negative' | 'nursing_exceeds_total' | 'occupied_exceeds_total';

/** Beds must add up: none negative, nursing-type and occupied beds within the total. */
export function bedsProblem(beds: { total: number; nursing: number; occupied: number }): BedsProblem | null {
  if (beds.total < 0 || beds.nursing < 0 || beds.occupied < 0) return 'negative';
  if (beds.nursing > beds.total) return 'nursing_exceeds_total';
  if (beds.occupied > beds.total) return 'occupied_exceeds_total';
  return null;
}

export interface Bounds {
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

export function withinBounds(lat: number, lng: number, b: Bounds): boolean {
  return lat >= b.minLat && lat <= b.maxLat && lng >= b.minLng && lng <= b.maxLng;
}
