import { passesVarTest, type VarTest } from '../expr/compare.ts';
import type { Scalar } from '../schema-primitives.ts';

const isNumeric = (test: VarTest) => test.gt !== undefined || test.gte !== undefined || test.lt !== undefined || test.lte !== undefined;
const aboveLower = (test: VarTest, value: number) => (test.gt === undefined || value > test.gt) && (test.gte === undefined || value >= test.gte);
const belowUpper = (test: VarTest, value: number) => (test.lt === undefined || value < test.lt) && (test.lte === undefined || value <= test.lte);

/**
 * The values a variable can take, kept so that whether some or every value passes a `var` test is
 * answered in logarithmic time: a scenario may set one variable to thousands of values and test it
 * thousands of times.
 */
export class VarValues {
  readonly values = new Set<Scalar>();
  private truthy = 0;
  private sorted: number[] | undefined;

  add(value: Scalar): void {
    if (this.values.has(value)) return;
    this.values.add(value);
    if (value) this.truthy++;
    this.sorted = undefined;
  }

  private numbers(): number[] {
    this.sorted ??= [...this.values].filter((value): value is number => typeof value === 'number').sort((a, b) => a - b);
    return this.sorted;
  }

  /** Whether some value passes the test. */
  some(test: VarTest): boolean {
    if (test.eq !== undefined) return this.values.has(test.eq) && passesVarTest(test, test.eq);
    if (!isNumeric(test)) return test.ne === undefined ? this.truthy > 0 : this.values.size > (this.values.has(test.ne) ? 1 : 0);
    const numbers = this.numbers();
    for (let i = firstAtLeast(numbers, (value) => aboveLower(test, value)); i < numbers.length && belowUpper(test, numbers[i]!); i++) {
      if (numbers[i] !== test.ne) return true;
    }
    return false;
  }

  /** Whether every value passes the test. */
  every(test: VarTest): boolean {
    if (test.eq !== undefined) return this.values.size === 1 && this.values.has(test.eq) && passesVarTest(test, test.eq);
    if (!isNumeric(test)) return test.ne === undefined ? this.truthy === this.values.size : !this.values.has(test.ne);
    const numbers = this.numbers();
    if (numbers.length < this.values.size || (test.ne !== undefined && this.values.has(test.ne))) return false;
    return numbers.length === 0 || (aboveLower(test, numbers[0]!) && belowUpper(test, numbers[numbers.length - 1]!));
  }
}

/** The first index whose value passes `passes`, for a test that, once passed, passes for every later value. */
function firstAtLeast(numbers: readonly number[], passes: (value: number) => boolean): number {
  let low = 0;
  let high = numbers.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (passes(numbers[mid]!)) high = mid;
    else low = mid + 1;
  }
  return low;
}
