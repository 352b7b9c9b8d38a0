import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { galleryLayout, type Rect } from '../../src/game/gallery-layout.ts';
import { stageLayout } from '../../src/game/stage-layout.ts';
import { fontString } from '../../src/game/text-style.ts';
import { estimateTextWidth as measure } from '../../src/game/text-estimate.ts';
import { nameLinesWanted, READABLE_NAME_PX, tileMetrics, type TileMetrics } from '../../src/game/tile-metrics.ts';
import { readRepoText, repoPath } from '../helpers.ts';

/** Every cast name of every bundled scenario. */
const NAMES = readdirSync(repoPath('scenarios'))
  .filter((file) => file.endsWith('.json') && !file.endsWith('.schema.json'))
  .flatMap((file) => (JSON.parse(readRepoText(`scenarios/${file}`)) as { cast: { name: string }[] }).cast.map((person) => person.name));

/** Call stages (CSS px): a phone, 900 px wide, 1280 × 720 and 1920 × 1080 as laid out with and without presentation mode. */
const DESKTOP_STAGES = [
  [900, 400],
  [866, 486],
  [1280, 430],
  [848, 319],
  [822, 316],
  [1920, 700],
  [1352, 586],
  [1258, 503],
] as const;
const PHONE_STAGES = [
  [390, 300],
  [356, 446],
] as const;

function inside(inner: Rect, outer: Rect): boolean {
  return inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
}

/** The gallery of `count` people on a `width` × `height` stage at `dpr`, with a tile's metrics for `name` in a name block of 1 or 2 lines. */
function call(width: number, height: number, dpr: number, count: number) {
  const stage = stageLayout(width * dpr, height * dpr, dpr);
  const gallery = galleryLayout(count, stage.gallery, { gap: stage.gap });
  return { stage, gallery, metrics: (name: string, nameBlock: 1 | 2 = 1): TileMetrics => tileMetrics(gallery.tileWidth, gallery.tileHeight, dpr, name, measure, nameBlock) };
}

describe('the call layout for 1 to 12 people', () => {
  it('keeps every tile, with its focus outline, inside the stage and below the header', () => {
    const problems: string[] = [];
    for (const [width, height] of [...DESKTOP_STAGES, ...PHONE_STAGES]) {
      for (const dpr of [1, 2]) {
        const box = { x: 0, y: 0, width: width * dpr, height: height * dpr };
        for (let count = 1; count <= 12; count++) {
          const { stage, gallery, metrics } = call(width, height, dpr, count);
          const margin = metrics('Pete Lawson').margin;
          for (const cell of gallery.cells) {
            const outline = { x: cell.x - margin, y: cell.y - margin, width: cell.width + margin * 2, height: cell.height + margin * 2 };
            if (!inside(cell, stage.gallery) || !inside(outline, box) || cell.y < stage.header.y + stage.header.height) problems.push(`${count} on ${width} × ${height} at ${dpr}×: ${JSON.stringify(cell)}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('sets every cast name whole, at a readable size, on the stages of a laptop and a desktop', () => {
    expect(NAMES.length).toBeGreaterThan(50);
    const problems: string[] = [];
    for (const [width, height] of DESKTOP_STAGES) {
      for (const dpr of [1, 2]) {
        for (let count = 1; count <= 12; count++) {
          const { gallery, metrics } = call(width, height, dpr, count);
          // Alone, and beside anyone whose name takes two lines at this size.
          const someoneWraps = NAMES.some((name) => nameLinesWanted(gallery.tileWidth, gallery.tileHeight, dpr, name, measure) === 2);
          for (const m of NAMES.flatMap((name) => (someoneWraps ? [metrics(name), metrics(name, 2)] : [metrics(name)]))) {
            const room = m.width - m.pad - m.textX;
            const whole = !m.name.cut && m.name.lines.every((line) => measure(line, fontString(m.name.font)) <= room);
            const readable = m.name.font.size >= READABLE_NAME_PX * dpr;
            if (!whole || !readable || !m.avatar) problems.push(`${count} on ${width} × ${height} at ${dpr}× (${gallery.tileWidth} × ${gallery.tileHeight}): ${m.name.lines.join(' / ')} at ${m.name.font.size}px${m.avatar ? '' : ', no avatar'}`);
          }
          for (const name of NAMES) expect(metrics(name).name.lines.join(' ')).toBe(name);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('on a phone, cuts a name only at the smallest readable size, when even two lines cannot hold it', () => {
    const cut: string[] = [];
    for (const [width, height] of PHONE_STAGES) {
      for (let count = 1; count <= 12; count++) {
        const { metrics } = call(width, height, 1, count);
        for (const name of NAMES) {
          const m = metrics(name);
          if (!m.name.cut) continue;
          cut.push(`${name}, ${count} on ${width} × ${height}`);
          expect(m.name.font.size).toBe(READABLE_NAME_PX);
          const longestWord = Math.max(...name.split(' ').map((word) => measure(word, fontString(m.name.font))));
          expect(longestWord).toBeGreaterThan(m.width - m.pad - m.textX);
        }
      }
    }
    // The phone's own stage holds eight people (Acme at the start) with every name whole.
    expect(cut.filter((problem) => problem.includes('356 × 446') && Number(/, (\d+) on/.exec(problem)![1]) <= 8)).toEqual([]);
  });
});
