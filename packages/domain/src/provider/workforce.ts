import type { Localized } from '../assessment/assessment-items';
import { shiftDays } from '../time/calendar-date';

export const STAFF_ROLES = [
  'caregiver',
  'nurse',
  'doctor',
  'social_worker',
  'dietitian',
  'manager',
  'other',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const CERTIFICATE_KINDS = ['caregiver_skill', 'health', 'nurse_licence', 'other'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/** 养老护理员 vocational skill levels (国家职业技能标准 2019): 5 is the entry level. */
export const CAREGIVER_SKILL_LEVELS = [5, 4, 3, 2, 1] as const;
export type CaregiverSkillLevel = (typeof CAREGIVER_SKILL_LEVELS)[number];

export const STAFF_ROLE_LABELS: Record<StaffRole, Localized> = {
  caregiver: { 'zh-CN': '养老护理员', en: 'Caregiver' },
  nurse: { 'zh-CN': '护士', en: 'Nurse' },
  doctor: { 'zh-CN': '医生', en: 'Doctor' },
  social_worker: { 'zh-CN': '社会工作者', en: 'Social worker' },
  dietitian: { 'zh-CN': '营养师', en: 'Dietitian' },
  manager: { 'zh-CN': '管理人员', en: 'Manager' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

export const CERTIFICATE_KIND_LABELS: Record<CertificateKind, Localized> = {
  caregiver_skill: { 'zh-CN': '养老护理员职业技能等级证书', en: 'Caregiver skill certificate' },
  health: { 'zh-CN': '健康证', en: 'Health certificate' },
  nurse_licence: { 'zh-CN': '护士执业证书', en: 'Nurse licence' },
  other: { 'zh-CN': '其他证书', en: 'Other certificate' },
};

export const SKILL_LEVEL_LABELS: Record<CaregiverSkillLevel, Localized> = {
  5: { 'zh-CN': '五级/初级工', en: 'Level 5 (entry)' },
  4: { 'zh-CN': '四级/中级工', en: 'Level 4 (intermediate)' },
  3: { 'zh-CN': '三级/高级工', en: 'Level 3 (advanced)' },
  2: { 'zh-CN': '二级/技师', en: 'Level 2 (technician)' },
  1: { 'zh-CN': '一级/高级技师', en: 'Level 1 (senior technician)' },
};

/** Alerts start this many days before a certificate expires. */
export const CERTIFICATE_ALERT_DAYS = 30;

/** `expired` after the expiry date, `expiring` within the alert window, else null. */
export function certificateAlert(
  expiresOn: string | null,
  today: string,
  alertDays = CERTIFICATE_ALERT_DAYS,
): 'expired' | 'expiring' | null {
  if (!expiresOn) return null;
  if (expiresOn < today) return 'expired';
  return expiresOn <= shiftDays(today, alertDays) ? 'expiring' : null;
}
