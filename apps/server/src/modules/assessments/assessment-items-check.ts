import { itemProblems, type ItemProblem } from '@yiyang/domain';
import { AppError } from '../../platform/errors/app-error';
import { ITEM_PROBLEMS } from './assessments.errors';

function problemText(p: ItemProblem) {
  const text = ITEM_PROBLEMS[p.problem];
  const max = String(p.max ?? '');
  return { 'zh-CN': text['zh-CN'].replace('{max}', max), en: text.en.replace('{max}', max) };
}

/**
 * Throws ASSESSMENT_ITEM_INVALID naming the first bad item, with every problem in the details.
 * `partial` (a draft being saved) lets items be missing, never unknown or out of range.
 */
export function assertItemsValid(items: Record<string, unknown>, options: { partial?: boolean } = {}): void {
  const problems = itemProblems(items).filter((p) => !(options.partial && p.problem === 'missing'));
  const first = problems[0];
  if (first)
    throw new AppError(
      'ASSESSMENT_ITEM_INVALID',
      { item: first.item, problem: problemText(first) },
      problems,
    );
}
