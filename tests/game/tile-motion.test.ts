import { describe, expect, it } from 'vitest';
import { galleryLayout, type Rect } from '../../src/game/gallery-layout.ts';
import { stageLayout } from '../../src/game/stage-layout.ts';
import { easeOutCubic, Motion, poseIn, poseWithin, shownRect, type Pose } from '../../src/game/tile-motion.ts';

const STAGES = [
  [390, 300],
  [900, 400],
  [1280, 430],
  [1920, 700],
  [848, 319],
] as const;

/** Half a pixel of rounding either way. */
function inside(inner: Rect, outer: Rect): boolean {
  return inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
}

/** A small seeded generator, so the same motions are tried every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1664525 + 1013904223) % 4294967296;
    return state / 4294967296;
  };
}

describe('easeOutCubic', () => {
  it('goes from 0 to 1 and never past either end', () => {
    let last = -1;
    for (let step = -2; step <= 22; step++) {
      const value = easeOutCubic(step / 20);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
      expect(value).toBeGreaterThanOrEqual(last);
      last = value;
    }
    expect(easeOutCubic(0)).toBe(0);
    expect(easeOutCubic(1)).toBe(1);
  });
});

describe('Motion', () => {
  it('starts its clock at the first frame that asks, so a motion begun while the loop slept is still seen', () => {
    const motion = new Motion({ x: 0, y: 0, scale: 1, alpha: 0 }, { x: 100, y: 0, scale: 1, alpha: 1 }, 300);
    expect(motion.poseAt(50_000)).toEqual({ x: 0, y: 0, scale: 1, alpha: 0 });
    expect(motion.doneAt(50_150)).toBe(false);
    expect(motion.poseAt(50_150).x).toBeGreaterThan(50);
    expect(motion.poseAt(50_300)).toEqual({ x: 100, y: 0, scale: 1, alpha: 1 });
    expect(motion.doneAt(50_300)).toBe(true);
  });

  it('starts a tile that grows into a larger cell no larger than it is shown now', () => {
    const from = poseWithin({ x: 700, y: 200, width: 131, height: 121 }, { width: 216, height: 121 }, 1);
    expect(shownRect(from, { width: 216, height: 121 }).width).toBeLessThanOrEqual(131);
    expect(from.x).toBe(765.5);
  });

  it('keeps every tile inside the gallery on every frame while people join and leave at any pace', () => {
    const problems: string[] = [];
    for (const [width, height] of STAGES) {
      const { gallery: area, gap } = stageLayout(width, height, 1);
      const random = seeded(width * height);
      let count = 8;
      let cells = galleryLayout(count, area, { gap }).cells;
      let poses: Pose[] = cells.map((cell) => poseIn(cell));
      let motions: (Motion | null)[] = cells.map(() => null);
      let time = 0;
      for (let change = 0; change < 300; change++) {
        // The next change comes after a fraction of a motion (fast clocks) or after it has ended.
        const wait = Math.floor(random() * 400);
        for (let frame = 0; frame <= wait; frame += 16) {
          time += 16;
          motions.forEach((motion, index) => {
            if (!motion) return;
            poses[index] = motion.poseAt(time);
            const shown = shownRect(poses[index]!, cells[index]!);
            if (!inside(shown, area)) problems.push(`${width} × ${height}, change ${change}: ${JSON.stringify(shown)}`);
          });
        }
        // Someone joins or leaves; the grid is laid out again and every tile moves from where it is shown.
        const next = Math.max(1, Math.min(12, count + (random() < 0.5 ? -1 : 1) * (1 + Math.floor(random() * 3))));
        const nextCells = galleryLayout(next, area, { gap }).cells;
        const nextPoses: Pose[] = [];
        const nextMotions: Motion[] = [];
        nextCells.forEach((cell, index) => {
          const before = index < count ? shownRect(poses[index]!, cells[index]!) : null;
          const from = before ? poseWithin(before, cell, poses[index]!.alpha) : { ...poseIn(cell, 0), scale: 0.86 };
          if (!inside(shownRect(from, cell), area)) problems.push(`${width} × ${height}, change ${change}: starts outside`);
          nextPoses.push(from);
          nextMotions.push(new Motion(from, poseIn(cell), 300));
        });
        count = next;
        cells = nextCells;
        poses = nextPoses;
        motions = nextMotions;
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });
});
