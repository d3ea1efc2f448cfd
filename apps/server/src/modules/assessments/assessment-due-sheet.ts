import {
  ASSESSMENT_LEVEL_CODES,
  ELDER_CATEGORY_LABELS,
  LEVEL_LABELS,
  REASSESSMENT_CAUSE_LABELS,
  type ElderCategory,
} from '@yiyang/domain';
import type { DueElderDto } from '@yiyang/contracts';
import type { Locale } from '../../platform/i18n/locale';

/** Columns of the due-list workbook, in the caller's language. */
export function dueSheetColumns(locale: Locale) {
  const t = (zh: string, en: string) => (locale === 'en' ? en : zh);
  const level = (l: number | null) => (l === null ? '' : LEVEL_LABELS[ASSESSMENT_LEVEL_CODES[l]!][locale]);
  return [
    { key: 'name', header: t('姓名', 'Name'), width: 12, value: (r: DueElderDto) => r.name },
    {
      key: 'idNumber',
      header: t('身份证号', 'Identity number'),
      width: 22,
      value: (r: DueElderDto) => r.idNumber,
    },
    { key: 'age', header: t('年龄', 'Age'), width: 6, value: (r: DueElderDto) => r.age },
    { key: 'region', header: t('所在社区', 'Community'), width: 24, value: (r: DueElderDto) => r.regionName },
    {
      key: 'categories',
      header: t('人员类别', 'Categories'),
      width: 24,
      value: (r: DueElderDto) =>
        r.categories
          .map((c) => ELDER_CATEGORY_LABELS[c as ElderCategory]?.[locale] ?? c)
          .join(locale === 'en' ? ', ' : '、'),
    },
    {
      key: 'level',
      header: t('当前等级', 'Current level'),
      width: 12,
      value: (r: DueElderDto) => level(r.currentLevel),
    },
    {
      key: 'assessedOn',
      header: t('评估日期', 'Assessed on'),
      width: 12,
      value: (r: DueElderDto) => r.levelAssessedOn ?? '',
    },
    {
      key: 'validUntil',
      header: t('有效期至', 'Valid until'),
      width: 12,
      value: (r: DueElderDto) => r.levelValidUntil ?? '',
    },
    {
      key: 'request',
      header: t('即时评估原因', 'Re-assessment cause'),
      width: 16,
      value: (r: DueElderDto) => (r.request ? REASSESSMENT_CAUSE_LABELS[r.request.cause][locale] : ''),
    },
    {
      key: 'inProgress',
      header: t('评估进行中', 'In progress'),
      width: 10,
      value: (r: DueElderDto) => (r.openAssessmentId ? t('是', 'yes') : ''),
    },
  ];
}
