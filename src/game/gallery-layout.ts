export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface GalleryLayout {
  readonly columns: number;
  readonly rows: number;
  readonly tileWidth: number;
  readonly tileHeight: number;
  /** One cell per tile, in order, row by row; an incomplete last row is centred. */
  readonly cells: readonly Rect[];
}

export interface GalleryOptions {
  readonly gap: number;
  /** The widest and narrowest tile shape allowed, as width / height. */
  readonly maxAspect?: number;
  readonly minAspect?: number;
}

interface Fit {
  readonly columns: number;
  readonly rows: number;
  readonly width: number;
  readonly height: number;
}

const NO_FIT: Fit = { columns: 0, rows: 0, width: 0, height: 0 };

function fitFor(count: number, columns: number, area: Rect, gap: number, minAspect: number, maxAspect: number): Fit {
  const rows = Math.ceil(count / columns);
  const cellWidth = (area.width - (columns - 1) * gap) / columns;
  const cellHeight = (area.height - (rows - 1) * gap) / rows;
  // Too many rows or columns for the area: the gaps alone fill it.
  if (cellWidth < 1 || cellHeight < 1) return NO_FIT;
  const width = Math.min(cellWidth, cellHeight * maxAspect);
  const height = Math.min(cellHeight, width / minAspect);
  return { columns, rows, width: Math.floor(width), height: Math.floor(height) };
}

function bestFit(count: number, area: Rect, gap: number, minAspect: number, maxAspect: number): Fit {
  let best = NO_FIT;
  for (let columns = 1; columns <= count; columns++) {
    const fit = fitFor(count, columns, area, gap, minAspect, maxAspect);
    if (fit.width >= 1 && fit.height >= 1 && (best === NO_FIT || fit.width * fit.height > best.width * best.height)) best = fit;
  }
  return best;
}

/**
 * A video-call gallery: the grid of equal tiles that makes each tile as large as it can be in `area`,
 * keeping tiles between `minAspect` and `maxAspect`. The grid is centred in the area. Every tile gets a
 * cell of at least one pixel inside the area, however many people there are: when the gaps alone would
 * fill the area the tiles touch, and in an area with fewer pixels than people they share pixels.
 */
export function galleryLayout(count: number, area: Rect, options: GalleryOptions): GalleryLayout {
  const { minAspect = 1.05, maxAspect = 16 / 9 } = options;
  if (count <= 0) return { columns: 0, rows: 0, tileWidth: 0, tileHeight: 0, cells: [] };
  let gap = options.gap;
  let best = bestFit(count, area, gap, minAspect, maxAspect);
  if (best === NO_FIT) {
    gap = 0;
    best = bestFit(count, area, gap, minAspect, maxAspect);
  }
  if (best === NO_FIT) return crowded(count, area);
  const { columns, rows, width, height } = best;
  const gridHeight = rows * height + (rows - 1) * gap;
  const top = area.y + Math.floor((area.height - gridHeight) / 2);
  const cells: Rect[] = [];
  for (let index = 0; index < count; index++) {
    const row = Math.floor(index / columns);
    const inRow = row === rows - 1 ? count - row * columns : columns;
    const rowWidth = inRow * width + (inRow - 1) * gap;
    const left = area.x + Math.floor((area.width - rowWidth) / 2);
    cells.push({ x: left + (index % columns) * (width + gap), y: top + row * (height + gap), width, height });
  }
  return { columns, rows, tileWidth: width, tileHeight: height, cells };
}

/** One-pixel tiles for an area too small for everyone, overlapping but never outside it. */
function crowded(count: number, area: Rect): GalleryLayout {
  const columns = Math.max(1, Math.floor(area.width));
  const rows = Math.max(1, Math.floor(area.height));
  const cells = Array.from({ length: count }, (_, index) => ({ x: area.x + (index % columns), y: area.y + (Math.floor(index / columns) % rows), width: 1, height: 1 }));
  return { columns, rows, tileWidth: 1, tileHeight: 1, cells };
}
