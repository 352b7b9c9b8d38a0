import { describe, expect, it } from 'vitest';
import { fontString } from '../../src/game/text-style.ts';
import { estimateTextWidth as measure } from '../../src/game/text-estimate.ts';
import { nameLinesWanted, tileMetrics, type TileMetrics } from '../../src/game/tile-metrics.ts';

const sizes: [number, number, number][] = [
  [131, 121, 1],
  [119, 113, 1],
  [159, 89, 1],
  [190, 110, 1],
  [190, 180, 1],
  [290, 270, 1],
  [380, 360, 2],
  [600, 340, 1],
];

const NAMES = ['Li Wei', 'Pete Lawson', 'Tomás Alvarez', 'Unidentified SME', 'Hannah Lindqvist'];

function nameLinesFit(m: TileMetrics): boolean {
  return m.name.lines.every((line) => measure(line, fontString(m.name.font)) <= m.width - m.pad - m.textX);
}

describe('tileMetrics', () => {
  it.each(sizes)('keeps badge, avatar, name and role apart inside a %i × %i tile (dpr %i)', (width, height, dpr) => {
    for (const name of NAMES) {
      const m = tileMetrics(width, height, dpr, name, measure);
      const badgeBottom = m.pad + m.badgeHeight;
      if (m.avatar) {
        expect(m.avatarY - m.ringRadius).toBeGreaterThanOrEqual(badgeBottom - 1);
        expect(m.avatarY + m.ringRadius).toBeLessThanOrEqual(m.nameY);
        expect(m.avatarX).toBe(Math.round(width / 2));
      }
      expect(m.nameY).toBeGreaterThanOrEqual(badgeBottom);
      expect(m.nameY + m.name.lines.length * m.nameLineHeight).toBeLessThanOrEqual(m.detailY);
      expect(m.detailY + m.detailLineHeight * m.detailLines).toBeLessThanOrEqual(height - m.pad);
      expect(m.textX).toBeGreaterThan(m.audioX + m.audioSize / 2);
      expect(nameLinesFit(m), `${name} in ${width} × ${height}`).toBe(true);
      expect(m.name.cut).toBe(false);
      expect(m.name.lines.join(' ')).toBe(name);
    }
  });

  it('puts role and team on separate lines only in tall tiles, and scales text with the display', () => {
    expect(tileMetrics(190, 110, 1, 'Pete Lawson', measure).detailLines).toBe(1);
    expect(tileMetrics(190, 180, 1, 'Pete Lawson', measure).detailLines).toBe(2);
    expect(tileMetrics(380, 360, 2, 'Pete Lawson', measure).name.font.size).toBeGreaterThanOrEqual(2 * tileMetrics(190, 180, 1, 'Pete Lawson', measure).name.font.size - 1);
    expect(tileMetrics(190, 110, 1, 'Pete Lawson', measure).name.font.size).toBeGreaterThanOrEqual(12);
  });

  it('wraps a long name onto two lines in a small tile, keeping the avatar and the role line (1280 × 720, eleven people)', () => {
    const m = tileMetrics(131, 121, 1, 'Unidentified SME', measure);
    expect(m.name.lines).toEqual(['Unidentified', 'SME']);
    expect(m.name.font.size).toBe(12);
    expect(m.avatar).toBe(true);
    expect(m.detailLines).toBe(1);
    expect(tileMetrics(131, 121, 1, 'Ana Costa', measure).name.lines).toEqual(['Ana Costa']);
  });

  it('lines a one-line name up with a wrapped one when the gallery gives both a two-line block', () => {
    expect(nameLinesWanted(131, 121, 1, 'Unidentified SME', measure)).toBe(2);
    expect(nameLinesWanted(131, 121, 1, 'Ana Costa', measure)).toBe(1);
    const wrapped = tileMetrics(131, 121, 1, 'Unidentified SME', measure, 2);
    const short = tileMetrics(131, 121, 1, 'Ana Costa', measure, 2);
    expect([short.avatarY, short.avatarRadius, short.detailY]).toEqual([wrapped.avatarY, wrapped.avatarRadius, wrapped.detailY]);
    // The short name sits on the block's second line, just above the role.
    expect(short.nameY).toBe(wrapped.nameY + wrapped.nameLineHeight);
  });

  it('shrinks a name a little before wrapping it (900 px wide, eight people)', () => {
    const m = tileMetrics(203, 193, 1, 'Unidentified SME', measure);
    expect(m.name.lines).toEqual(['Unidentified SME']);
    expect(m.name.font.size).toBeLessThan(tileMetrics(203, 193, 1, 'Ana Costa', measure).name.font.size);
    expect(m.name.font.size).toBeGreaterThanOrEqual(12);
  });

  it('gives a long name the avatar’s room before cutting it, and cuts it only when nothing else fits', () => {
    const short = tileMetrics(119, 73, 1, 'Hannah Lindqvist', measure);
    expect(short.name.cut).toBe(false);
    expect(short.avatar).toBe(false);
    const tiny = tileMetrics(70, 60, 1, 'Unidentified SME', measure);
    expect(tiny.name.cut).toBe(true);
    expect(tiny.name.lines).toHaveLength(1);
    expect(tiny.name.lines[0]!.endsWith('…')).toBe(true);
    expect(tiny.name.font.size).toBe(12);
  });
});
