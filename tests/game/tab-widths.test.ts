import { describe, expect, it } from 'vitest';
import { fitTabWidths } from '../../src/game/tab-widths.ts';

describe('fitTabWidths', () => {
  it('keeps natural widths when they fit', () => {
    expect(fitTabWidths([120, 300], 500)).toEqual([120, 300]);
  });

  it('cuts only the wide tabs, to one cap, when they do not fit', () => {
    const widths = fitTabWidths([120, 300, 260], 500);
    expect(widths[0]).toBe(120);
    expect(widths[1]).toBe(widths[2]);
    expect(widths.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(500);
    expect(widths.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(497);
  });

  it('shares equally when every tab is too wide', () => {
    expect(fitTabWidths([400, 400], 300)).toEqual([150, 150]);
  });
});
