import { describe, expect, it } from 'vitest';
import { ELDER_CATEGORY_LABELS, ELDER_STATUS_LABELS, labelsIn, LIVING_ARRANGEMENT_LABELS } from './labels';

describe('elder labels', () => {
  const tables: [string, Record<string, { 'zh-CN': string; en: string }>][] = [
    ['categories', ELDER_CATEGORY_LABELS],
    ['living arrangements', LIVING_ARRANGEMENT_LABELS],
    ['statuses', ELDER_STATUS_LABELS],
  ];
  it.each(tables)(
    'gives %s distinct labels in each language, since imports read them back',
    (_name, table) => {
      for (const locale of ['zh-CN', 'en'] as const) {
        const labels = Object.values(labelsIn(table, locale));
        expect(new Set(labels).size).toBe(labels.length);
      }
    },
  );

  it('picks one language', () => {
    expect(labelsIn(ELDER_CATEGORY_LABELS, 'zh-CN').dibao).toBe('低保');
    expect(labelsIn(LIVING_ARRANGEMENT_LABELS, 'en').with_children).toBe('With children');
  });
});
