import { describe, expect, it } from 'vitest';
import type { Rect } from '../../src/game/gallery-layout.ts';
import { stageLayout } from '../../src/game/stage-layout.ts';

function inside(inner: Rect, outer: Rect): boolean {
  return inner.width >= 0 && inner.height >= 0 && inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

describe('stageLayout', () => {
  it('matches the call screen at 1280 × 720: a 40 px header and the gallery below it, 10 px in from the edges', () => {
    const stage = stageLayout(848, 319, 1);
    expect(stage.header).toEqual({ x: 10, y: 10, width: 828, height: 40 });
    expect(stage.gallery).toEqual({ x: 10, y: 58, width: 828, height: 251 });
    expect(stage.gap).toBe(8);
  });

  it('keeps the header and the gallery inside the stage and apart, however small the stage', () => {
    const problems: string[] = [];
    for (const dpr of [1, 2, 3]) {
      for (let width = 0; width <= 600; width += 7) {
        for (let height = 0; height <= 600; height += 7) {
          const box = { x: 0, y: 0, width, height };
          const { header, gallery } = stageLayout(width, height, dpr);
          if (!inside(header, box) || !inside(gallery, box) || gallery.y < header.y + header.height) problems.push(`${width} × ${height} at ${dpr}×`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});
