import { describe, expect, it } from 'vitest';
import { estimateTextWidth } from '../../src/game/text-estimate.ts';

describe('estimateTextWidth', () => {
  it('scales with the font size in the font string', () => {
    expect(estimateTextWidth('Pete Lawson', '600 24px system-ui')).toBeCloseTo(2 * estimateTextWidth('Pete Lawson', '600 12px system-ui'));
  });

  it('gives narrow letters less room than wide ones', () => {
    expect(estimateTextWidth('iiii', '600 10px sans-serif')).toBeLessThan(estimateTextWidth('MMMM', '600 10px sans-serif'));
  });

  it('measures an accented letter as its base letter, and bidi controls as nothing', () => {
    expect(estimateTextWidth('Tomás', '600 10px x')).toBe(estimateTextWidth('Tomas', '600 10px x'));
    expect(estimateTextWidth('\u2068Pete\u2069', '600 10px x')).toBe(estimateTextWidth('Pete', '600 10px x'));
  });

  it('is at least what DejaVu Sans Bold draws (what system-ui is on Linux) for some names at 100 px', () => {
    // Widths a canvas measured in headless Chromium with "600 100px system-ui, …".
    const drawn: [string, number][] = [
      ['Unidentified SME', 967.5],
      ['Pete Lawson', 714.6],
      ['Tomás Alvarez', 809.3],
      ["Kevin O'Brien", 763.5],
      ['Hannah Lindqvist', 986.2],
    ];
    for (const [name, width] of drawn) {
      expect(estimateTextWidth(name, '600 100px system-ui')).toBeGreaterThanOrEqual(width);
      expect(estimateTextWidth(name, '600 100px system-ui')).toBeLessThan(width * 1.05);
    }
  });
});
