import { describe, expect, it } from 'vitest';
import type { MeasureText } from '../../src/game/ellipsize.ts';
import { fitName } from '../../src/game/name-fit.ts';

/** Each character is 0.6 of the font's size wide. */
const measure: MeasureText = (text, font) => Array.from(text).length * Number(/(\d+)px/.exec(font)![1]) * 0.6;

describe('fitName', () => {
  it('keeps a name that fits at the largest size on one line', () => {
    expect(fitName('Pete Lawson', { width: 200, largest: 20, smallest: 12, maxLines: 2 }, measure)).toEqual({ font: { size: 20, weight: '600' }, lines: ['Pete Lawson'], cut: false });
  });

  it('shrinks a little before wrapping', () => {
    // 11 characters × 0.6 × 17 = 112.2 fits 115; at 20 it would be 132.
    const fit = fitName('Pete Lawson', { width: 115, largest: 20, smallest: 12, maxLines: 2 }, measure);
    expect(fit.lines).toEqual(['Pete Lawson']);
    expect(fit.font.size).toBe(17);
  });

  it('wraps at the space that balances the lines, at the largest size that fits', () => {
    const fit = fitName('Unidentified SME', { width: 100, largest: 14, smallest: 12, maxLines: 2 }, measure);
    expect(fit).toEqual({ font: { size: 13, weight: '600' }, lines: ['Unidentified', 'SME'], cut: false });
    expect(fitName('Anna Maria de la Cruz', { width: 80, largest: 12, smallest: 12, maxLines: 2 }, measure).lines).toEqual(['Anna Maria', 'de la Cruz']);
  });

  it('shrinks to the smallest size on one line when it may not wrap', () => {
    const fit = fitName('Unidentified SME', { width: 116, largest: 16, smallest: 12, maxLines: 1 }, measure);
    expect(fit).toEqual({ font: { size: 12, weight: '600' }, lines: ['Unidentified SME'], cut: false });
  });

  it('cuts the name at the smallest size only when nothing fits, and a single word cannot wrap', () => {
    const fit = fitName('Supercalifragilistic', { width: 80, largest: 14, smallest: 12, maxLines: 2 }, measure);
    expect(fit.cut).toBe(true);
    expect(fit.font.size).toBe(12);
    expect(fit.lines).toHaveLength(1);
    expect(fit.lines[0]!.endsWith('…')).toBe(true);
    expect(measure(fit.lines[0]!, '600 12px x')).toBeLessThanOrEqual(80);
  });
});
