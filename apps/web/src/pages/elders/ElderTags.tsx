import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLOR = { active: 'green', moved_out: 'default', deceased: 'default' } as const;

export function CategoryTags({ categories }: { categories: string[] }) {
  const { t } = useTranslation();
  return (
    <>
      {categories.map((c) => (
        <Tag key={c} color={['tekun', 'dibao', 'dibao_edge', 'low_income'].includes(c) ? 'orange' : 'blue'}>
          {t(`category.${c}`)}
        </Tag>
      ))}
    </>
  );
}

export function ElderStatusTag({ status }: { status: keyof typeof STATUS_COLOR }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`elderStatus.${status}`)}</Tag>;
}
