import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passesVarTest, type VarTest } from '../../src/core/expr/compare.ts';
import { VarValues } from '../../src/core/scenario/var-values.ts';

describe('the values a variable can take', () => {
  it('say whether some and whether every value passes a test, as trying each value does', () => {
    const scalar = fc.oneof(fc.integer({ min: -4, max: 4 }), fc.constantFrom(0.5, -0, '', 'a', true, false));
    const bound = fc.option(fc.integer({ min: -5, max: 5 }), { nil: undefined });
    const test = fc.record({ eq: fc.option(scalar, { nil: undefined }), ne: fc.option(scalar, { nil: undefined }), gt: bound, gte: bound, lt: bound, lte: bound });
    fc.assert(
      fc.property(fc.array(scalar, { minLength: 1, maxLength: 8 }), test, (values, raw) => {
        const varTest = Object.fromEntries(Object.entries({ var: 'v', ...raw }).filter(([, value]) => value !== undefined)) as VarTest;
        const possible = new VarValues();
        for (const value of values) possible.add(value);
        const all = [...possible.values];
        expect(possible.some(varTest)).toBe(all.some((value) => passesVarTest(varTest, value)));
        expect(possible.every(varTest)).toBe(all.every((value) => passesVarTest(varTest, value)));
      }),
      { numRuns: 3_000 },
    );
  });
});
