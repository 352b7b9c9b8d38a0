import { describe, expect, it } from 'vitest';
import { ellipsize, type MeasureText } from '../../src/game/ellipsize.ts';

/** Ten units per character, whatever the font. */
const measure: MeasureText = (text) => Array.from(text).length * 10;

describe('ellipsize', () => {
  it('leaves text that fits alone', () => {
    expect(ellipsize('Pete Lawson', 'f', 110, measure)).toBe('Pete Lawson');
  });

  it('cuts text that does not fit and ends it with an ellipsis', () => {
    const cut = ellipsize('Senior executive, VP of IT Operations', 'f', 100, measure);
    expect(cut.endsWith('…')).toBe(true);
    expect(measure(cut, 'f')).toBeLessThanOrEqual(100);
    expect(cut).toBe('Senior ex…');
  });

  it('does not leave a space before the ellipsis', () => {
    expect(ellipsize('Release manager', 'f', 90, measure)).toBe('Release…');
  });

  it('gives nothing when not even one letter fits', () => {
    expect(ellipsize('Pete', 'f', 15, measure)).toBe('');
  });
});
