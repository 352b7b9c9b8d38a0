import { describe, expect, it } from 'vitest';
import { galleryLayout, type Rect } from '../../src/game/gallery-layout.ts';

const area: Rect = { x: 20, y: 80, width: 1200, height: 640 };

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('galleryLayout', () => {
  it('gives no cells for an empty bridge', () => {
    expect(galleryLayout(0, area, { gap: 8 }).cells).toEqual([]);
  });

  it('keeps every tile inside the area, apart from the others, and the same size', () => {
    for (let count = 1; count <= 14; count++) {
      const layout = galleryLayout(count, area, { gap: 8 });
      expect(layout.cells).toHaveLength(count);
      expect(layout.columns * layout.rows).toBeGreaterThanOrEqual(count);
      for (const [i, cell] of layout.cells.entries()) {
        expect(cell.width).toBe(layout.tileWidth);
        expect(cell.height).toBe(layout.tileHeight);
        expect(cell.x).toBeGreaterThanOrEqual(area.x);
        expect(cell.y).toBeGreaterThanOrEqual(area.y);
        expect(cell.x + cell.width).toBeLessThanOrEqual(area.x + area.width);
        expect(cell.y + cell.height).toBeLessThanOrEqual(area.y + area.height);
        for (const other of layout.cells.slice(i + 1)) expect(overlaps(cell, other)).toBe(false);
      }
    }
  });

  it('keeps tiles within the allowed shapes', () => {
    for (let count = 1; count <= 12; count++) {
      const { tileWidth, tileHeight } = galleryLayout(count, area, { gap: 8, minAspect: 4 / 3, maxAspect: 16 / 9 });
      expect(tileWidth / tileHeight).toBeGreaterThanOrEqual(4 / 3 - 0.02);
      expect(tileWidth / tileHeight).toBeLessThanOrEqual(16 / 9 + 0.02);
    }
  });

  it('picks the grid with the largest tiles: one wide tile alone, a 4 × 3 grid for 11 in a wide area', () => {
    const one = galleryLayout(1, area, { gap: 8 });
    expect([one.columns, one.rows]).toEqual([1, 1]);
    expect(one.tileHeight).toBe(640);
    const eleven = galleryLayout(11, area, { gap: 8 });
    expect([eleven.columns, eleven.rows]).toEqual([4, 3]);
    const tall = galleryLayout(4, { x: 0, y: 0, width: 400, height: 1200 }, { gap: 8 });
    expect(tall.columns).toBe(1);
  });

  it('centres an incomplete last row', () => {
    const layout = galleryLayout(5, area, { gap: 10 });
    const lastRow = layout.cells.filter((cell) => cell.y === layout.cells[4]!.y);
    const left = lastRow[0]!.x - area.x;
    const right = area.x + area.width - (lastRow.at(-1)!.x + layout.tileWidth);
    expect(Math.abs(left - right)).toBeLessThanOrEqual(1);
    expect(lastRow.length).toBeLessThan(layout.columns);
  });
});

describe('galleryLayout for any crowd', () => {
  const areas: Rect[] = [area, { x: 0, y: 96, width: 1366, height: 520 }, { x: 10, y: 10, width: 320, height: 200 }, { x: 0, y: 0, width: 12, height: 9 }];

  it('gives everyone from 0 to 500 people a cell of positive size inside the area, tiles apart where there is room', () => {
    const problems: string[] = [];
    for (const box of areas) {
      for (let count = 0; count <= 500; count++) {
        const layout = galleryLayout(count, box, { gap: 8 });
        if (layout.cells.length !== count) problems.push(`${count} in ${box.width}×${box.height}: ${layout.cells.length} cells`);
        const outside = layout.cells.filter(
          (cell) => !(cell.width > 0 && cell.height > 0 && cell.x >= box.x && cell.y >= box.y && cell.x + cell.width <= box.x + box.width && cell.y + cell.height <= box.y + box.height),
        );
        if (outside.length > 0) problems.push(`${count} in ${box.width}×${box.height}: ${JSON.stringify(outside[0])}`);
        if (box.width * box.height < count * 4) continue;
        if (layout.cells.slice(1).some((cell, index) => overlaps(layout.cells[index]!, cell))) problems.push(`${count} in ${box.width}×${box.height}: tiles overlap`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps the largest tiles it can past the size where the gaps alone fill a column (58 people and more)', () => {
    const layout = galleryLayout(58, area, { gap: 8 });
    expect(layout.tileHeight).toBeGreaterThan(40);
    expect(layout.rows * layout.tileHeight + (layout.rows - 1) * 8).toBeLessThanOrEqual(area.height);
  });
});
