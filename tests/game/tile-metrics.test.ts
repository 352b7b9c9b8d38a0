import { describe, expect, it } from 'vitest';
import { tileMetrics } from '../../src/game/tile-metrics.ts';

const sizes: [number, number, number][] = [
  [190, 110, 1],
  [190, 180, 1],
  [290, 270, 1],
  [380, 360, 2],
  [600, 340, 1],
];

describe('tileMetrics', () => {
  it.each(sizes)('keeps badge, avatar, name and role apart inside a %i × %i tile (dpr %i)', (width, height, dpr) => {
    const m = tileMetrics(width, height, dpr);
    const badgeBottom = m.pad + m.badgeHeight;
    expect(m.avatarY - m.ringRadius).toBeGreaterThanOrEqual(badgeBottom - 1);
    expect(m.avatarY + m.ringRadius).toBeLessThanOrEqual(m.nameY);
    expect(m.nameY + m.name.size).toBeLessThanOrEqual(m.detailY + 1);
    const detailBottom = m.detailY + Math.round(m.detail.size * 1.3) * (m.twoLineDetail ? 2 : 1);
    expect(detailBottom).toBeLessThanOrEqual(height - m.pad + 1);
    expect(m.avatarX).toBe(Math.round(width / 2));
    expect(m.textX).toBeGreaterThan(m.audioX + m.audioSize / 2);
  });

  it('puts role and team on separate lines only in tall tiles, and scales text with the display', () => {
    expect(tileMetrics(190, 110, 1).twoLineDetail).toBe(false);
    expect(tileMetrics(190, 180, 1).twoLineDetail).toBe(true);
    expect(tileMetrics(380, 360, 2).name.size).toBeGreaterThanOrEqual(2 * tileMetrics(190, 180, 1).name.size - 1);
    expect(tileMetrics(190, 110, 1).name.size).toBeGreaterThanOrEqual(12);
  });
});
