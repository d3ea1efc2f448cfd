import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASSESSMENT_ITEMS } from './assessment-items';
import { itemProblems, levelForTotal, scoreAssessment, type AssessmentInput } from './assessment-score';

const none = { coma: false, dementia: false, mentalDisorder: false, careRiskEvents30d: 0 };
const allMax = () => Object.fromEntries(ASSESSMENT_ITEMS.map((i) => [i.code, i.max]));

/** All items at their maximum, then lowered one point at a time, item by item, down to `total`. */
function itemsWithTotal(total: number): Record<string, number> {
  const items = allMax();
  let excess = 90 - total;
  for (const item of ASSESSMENT_ITEMS) {
    const down = Math.min(excess, item.max);
    items[item.code] = item.max - down;
    excess -= down;
  }
  return items;
}

describe('GB/T 42195 items', () => {
  it('has 26 items whose maxima add up to 32 + 15 + 28 + 15 = 90', () => {
    expect(ASSESSMENT_ITEMS).toHaveLength(26);
    const sums = { selfCare: 0, motor: 0, mental: 0, perception: 0 };
    for (const item of ASSESSMENT_ITEMS) sums[item.dimension] += item.max;
    expect(sums).toEqual({ selfCare: 32, motor: 15, mental: 28, perception: 15 });
  });

  it('offers one option per point value, from the maximum down to 0', () => {
    for (const item of ASSESSMENT_ITEMS)
      expect(item.options.map((o) => o.points)).toEqual(
        Array.from({ length: item.max + 1 }, (_, i) => item.max - i),
      );
  });

  it('has the narrower ranges of the standard', () => {
    const max = Object.fromEntries(ASSESSMENT_ITEMS.map((i) => [i.code, i.max]));
    expect([max.stairs, max.aggression, max.depression, max.consciousness]).toEqual([3, 1, 1, 2]);
    expect([max.vision, max.hearing, max.transportation]).toEqual([2, 2, 3]);
  });
});

describe('scoreAssessment: the worked examples of the spec', () => {
  it('all items at maximum, no adjustments → 90, level 0', () => {
    const r = scoreAssessment({ items: allMax(), ...none });
    expect(r).toEqual({
      dimensions: { selfCare: 32, motor: 15, mental: 28, perception: 15 },
      total: 90,
      initialLevel: 0,
      finalLevel: 0,
      levelCode: 'intact',
      reasons: [],
    });
  });

  it('every item one step below its maximum → 64, moderate', () => {
    const items = Object.fromEntries(ASSESSMENT_ITEMS.map((i) => [i.code, i.max - 1]));
    const r = scoreAssessment({ items, ...none });
    expect(r.total).toBe(64);
    expect(r.dimensions).toEqual({ selfCare: 24, motor: 11, mental: 19, perception: 10 });
    expect([r.initialLevel, r.finalLevel, r.levelCode]).toEqual([2, 2, 'moderate']);
  });

  it('70 + dementia → initial 1, final 2', () => {
    const r = scoreAssessment({ items: itemsWithTotal(70), ...none, dementia: true });
    expect([r.total, r.initialLevel, r.finalLevel, r.levelCode]).toEqual([70, 1, 2, 'moderate']);
    expect(r.reasons).toEqual(['dementia']);
  });

  it('70 + dementia + 3 risk events → final 2: one raise only, both reasons listed', () => {
    const r = scoreAssessment({ items: itemsWithTotal(70), ...none, dementia: true, careRiskEvents30d: 3 });
    expect([r.initialLevel, r.finalLevel]).toEqual([1, 2]);
    expect(r.reasons).toEqual(['dementia', 'care_risk_events']);
  });

  it('20 + dementia → initial 4, final 4 (capped)', () => {
    const r = scoreAssessment({ items: itemsWithTotal(20), ...none, dementia: true });
    expect([r.total, r.initialLevel, r.finalLevel, r.levelCode]).toEqual([20, 4, 4, 'total']);
    expect(r.reasons).toEqual(['dementia', 'capped']);
  });

  it('85 + coma → final 4, whatever else applies', () => {
    const r = scoreAssessment({ items: itemsWithTotal(85), ...none, coma: true, dementia: true });
    expect([r.total, r.initialLevel, r.finalLevel]).toEqual([85, 1, 4]);
    expect(r.reasons).toEqual(['coma']);
  });
});

describe('scoreAssessment: adjustments', () => {
  it('one care-risk event does not raise; two do', () => {
    expect(scoreAssessment({ items: itemsWithTotal(50), ...none, careRiskEvents30d: 1 }).finalLevel).toBe(2);
    expect(scoreAssessment({ items: itemsWithTotal(50), ...none, careRiskEvents30d: 2 }).finalLevel).toBe(3);
  });

  it('a mental disorder raises one level like dementia', () => {
    const r = scoreAssessment({ items: itemsWithTotal(40), ...none, mentalDisorder: true });
    expect([r.initialLevel, r.finalLevel, r.reasons]).toEqual([3, 4, ['mental_disorder']]);
  });

  it('consciousness 0 (昏睡) is a score, not the coma rule', () => {
    const items = { ...allMax(), consciousness: 0 };
    expect(scoreAssessment({ items, ...none }).finalLevel).toBe(1);
  });
});

describe('levelForTotal', () => {
  it.each([
    [90, 0],
    [89, 1],
    [66, 1],
    [65, 2],
    [46, 2],
    [45, 3],
    [30, 3],
    [29, 4],
    [0, 4],
  ])('%i → level %i', (total, level) => expect(levelForTotal(total)).toBe(level));
});

describe('itemProblems', () => {
  it('names every missing, unknown and out-of-range item; never clamps', () => {
    const items: Record<string, unknown> = { ...allMax(), stairs: 4, vision: -1, extra_item: 1 };
    delete items.eating;
    expect(itemProblems(items)).toEqual([
      { item: 'eating', problem: 'missing' },
      { item: 'stairs', problem: 'out_of_range', max: 3 },
      { item: 'vision', problem: 'out_of_range', max: 2 },
      { item: 'extra_item', problem: 'unknown' },
    ]);
    expect(itemProblems({ ...allMax(), memory: 2.5 })).toEqual([
      { item: 'memory', problem: 'out_of_range', max: 4 },
    ]);
    expect(() => scoreAssessment({ items: { ...allMax(), aggression: 2 }, ...none })).toThrow(RangeError);
  });
});

const assessmentInput = fc.record({
  items: fc.record(
    Object.fromEntries(ASSESSMENT_ITEMS.map((i) => [i.code, fc.integer({ min: 0, max: i.max })])),
  ),
  coma: fc.boolean(),
  dementia: fc.boolean(),
  mentalDisorder: fc.boolean(),
  careRiskEvents30d: fc.integer({ min: 0, max: 20 }),
}) as fc.Arbitrary<AssessmentInput>;

describe('scoreAssessment: properties', () => {
  it('total is the sum of the dimensions; the final level is never below the initial one', () => {
    fc.assert(
      fc.property(assessmentInput, (input) => {
        const r = scoreAssessment(input);
        const { selfCare, motor, mental, perception } = r.dimensions;
        expect(r.total).toBe(selfCare + motor + mental + perception);
        expect(r.initialLevel).toBe(levelForTotal(r.total));
        expect(r.finalLevel).toBeGreaterThanOrEqual(r.initialLevel);
        expect(r.finalLevel).toBeLessThanOrEqual(Math.max(r.initialLevel + 1, input.coma ? 4 : 0));
        if (r.reasons.length === 0) expect(r.finalLevel).toBe(r.initialLevel);
      }),
      { numRuns: 2000 },
    );
  });
});
