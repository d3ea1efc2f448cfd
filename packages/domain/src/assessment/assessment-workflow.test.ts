import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_ACTIONS,
  ASSESSMENT_STATUSES,
  assessmentTransition,
  assessmentValidUntil,
} from './assessment-workflow';

describe('assessment state machine', () => {
  it('allows exactly the legal transitions', () => {
    const legal = ASSESSMENT_STATUSES.flatMap((s) =>
      ASSESSMENT_ACTIONS.flatMap((a) => {
        const to = assessmentTransition(s, a);
        return to ? [`${s} -${a}-> ${to}`] : [];
      }),
    );
    expect(legal).toEqual([
      'draft -edit-> draft',
      'draft -submit-> submitted',
      'draft -cancel-> cancelled',
      'submitted -approve-> approved',
      'submitted -return-> returned',
      'returned -edit-> returned',
      'returned -submit-> submitted',
      'returned -cancel-> cancelled',
    ]);
  });

  it('never leaves approved or cancelled', () => {
    for (const a of ASSESSMENT_ACTIONS) {
      expect(assessmentTransition('approved', a)).toBeNull();
      expect(assessmentTransition('cancelled', a)).toBeNull();
    }
  });
});

describe('assessmentValidUntil', () => {
  it('runs to the day before the same date `months` later', () => {
    expect(assessmentValidUntil('2026-03-15', 2, 12)).toBe('2027-03-14');
    expect(assessmentValidUntil('2026-01-01', 1, 6)).toBe('2026-06-30');
  });

  it('handles month ends and leap years', () => {
    expect(assessmentValidUntil('2027-02-28', 1, 12)).toBe('2028-02-27');
    expect(assessmentValidUntil('2028-02-29', 1, 12)).toBe('2029-02-27');
    expect(assessmentValidUntil('2026-08-31', 1, 6)).toBe('2027-02-27');
  });

  it('does not expire at level 4', () => {
    expect(assessmentValidUntil('2026-03-15', 4, 12)).toBeNull();
  });
});
