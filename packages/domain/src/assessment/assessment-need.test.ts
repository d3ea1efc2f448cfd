import { describe, expect, it } from 'vitest';
import { needsAssessment } from './assessment-workflow';

describe('needsAssessment', () => {
  it('is true for the categories whose subsidies depend on the level and for dementia, not for age', () => {
    expect(needsAssessment({ categories: ['dibao'], dementiaDiagnosed: false })).toBe(true);
    expect(needsAssessment({ categories: ['living_alone', 'special_care'], dementiaDiagnosed: false })).toBe(
      true,
    );
    expect(needsAssessment({ categories: [], dementiaDiagnosed: true })).toBe(true);
    expect(needsAssessment({ categories: ['living_alone', 'empty_nest'], dementiaDiagnosed: false })).toBe(
      false,
    );
    expect(needsAssessment({ categories: [], dementiaDiagnosed: false })).toBe(false);
  });
});
