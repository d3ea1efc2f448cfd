import { useMemo } from 'react';
import {
  ASSESSMENT_DIMENSIONS,
  ASSESSMENT_ITEMS,
  scoreAssessment,
  type AssessmentInput,
} from '@yiyang/domain';

/** The live score of a form being filled in: partial sums always, the full result once complete. */
export function useAssessmentScore(input: AssessmentInput) {
  return useMemo(() => {
    const dimensions = Object.fromEntries(ASSESSMENT_DIMENSIONS.map((d) => [d, 0])) as Record<string, number>;
    let answered = 0;
    for (const item of ASSESSMENT_ITEMS) {
      const points = input.items[item.code];
      if (points === undefined) continue;
      answered++;
      dimensions[item.dimension]! += points;
    }
    const result = answered === ASSESSMENT_ITEMS.length ? scoreAssessment(input) : null;
    return { dimensions, answered, result };
  }, [input]);
}
