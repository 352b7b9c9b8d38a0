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

function fitFor(count: number, columns: number, area: Rect, gap: number, minAspect: number, maxAspect: number): Fit {
  const rows = Math.ceil(count / columns);
  const cellWidth = (area.width - (columns - 1) * gap) / columns;
  const cellHeight = (area.height - (rows - 1) * gap) / rows;
  let width = cellWidth;
  let height = cellHeight;
  if (width / height > maxAspect) width = height * maxAspect;
  else if (width / height < minAspect) height = width / minAspect;
  return { columns, rows, width: Math.max(0, Math.floor(width)), height: Math.max(0, Math.floor(height)) };
}

/**
 * A video-call gallery: the grid of equal tiles that makes each tile as large as it can be in `area`,
 * keeping tiles between `minAspect` and `maxAspect`. The grid is centred in the area.
 */
export function galleryLayout(count: number, area: Rect, options: GalleryOptions): GalleryLayout {
  const { gap, minAspect = 1.05, maxAspect = 16 / 9 } = options;
  if (count <= 0) return { columns: 0, rows: 0, tileWidth: 0, tileHeight: 0, cells: [] };
  let best = fitFor(count, 1, area, gap, minAspect, maxAspect);
  for (let columns = 2; columns <= count; columns++) {
    const fit = fitFor(count, columns, area, gap, minAspect, maxAspect);
    if (fit.width * fit.height > best.width * best.height) best = fit;
  }
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
