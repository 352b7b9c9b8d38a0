import type { FontSpec } from './text-style.ts';

/** Where everything in a tile goes, in device pixels, relative to the tile's top-left corner. */
export interface TileMetrics {
  readonly width: number;
  readonly height: number;
  readonly dpr: number;
  /** Room drawn around the tile for the focus outline. */
  readonly margin: number;
  readonly pad: number;
  readonly radius: number;
  readonly name: FontSpec;
  readonly detail: FontSpec;
  readonly badge: FontSpec;
  readonly badgeHeight: number;
  /** Role and team on separate lines (tall tiles) or joined on one. */
  readonly twoLineDetail: boolean;
  readonly avatarX: number;
  readonly avatarY: number;
  readonly avatarRadius: number;
  /** The ring around the avatar. */
  readonly ringRadius: number;
  readonly ringWidth: number;
  /** Top of the name line and of the role / team lines. */
  readonly nameY: number;
  readonly detailY: number;
  /** The round audio indicator left of the name. */
  readonly audioX: number;
  readonly audioY: number;
  readonly audioSize: number;
  /** Where the name starts, right of the audio indicator. */
  readonly textX: number;
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}

/** Metrics for a `width` × `height` tile (device pixels) at `dpr` device pixels per CSS pixel. */
export function tileMetrics(width: number, height: number, dpr: number): TileMetrics {
  const pad = Math.round(clamp(height * 0.065, 8 * dpr, 16 * dpr));
  const nameSize = Math.round(clamp(height * 0.09, 12 * dpr, 24 * dpr));
  const detailSize = Math.round(clamp(height * 0.068, 11 * dpr, 17 * dpr));
  const twoLineDetail = height >= 125 * dpr;
  const detailLine = Math.round(detailSize * 1.3);
  const detailY = Math.round(height - pad - detailLine * (twoLineDetail ? 2 : 1));
  const nameY = Math.round(detailY - nameSize * 1.35);
  const badgeHeight = Math.round(clamp(height * 0.12, 18 * dpr, 30 * dpr));
  const areaTop = pad + badgeHeight + Math.round(pad * 0.4);
  const areaBottom = nameY - Math.round(pad * 0.5);
  const avatarRadius = Math.round(clamp(Math.min((areaBottom - areaTop) * 0.4, width * 0.15), 12 * dpr, 90 * dpr));
  const ringWidth = Math.max(1, Math.round(1.5 * dpr));
  const audioSize = Math.round(nameSize * 1.15);
  return {
    width,
    height,
    dpr,
    margin: Math.round(5 * dpr),
    pad,
    radius: Math.round(clamp(height * 0.06, 8 * dpr, 14 * dpr)),
    name: { size: nameSize, weight: '600' },
    detail: { size: detailSize, weight: '400' },
    badge: { size: Math.round(badgeHeight * 0.5), weight: '600' },
    badgeHeight,
    twoLineDetail,
    avatarX: Math.round(width / 2),
    avatarY: Math.round((areaTop + areaBottom) / 2),
    avatarRadius,
    ringRadius: avatarRadius + ringWidth * 3,
    ringWidth,
    nameY,
    detailY,
    audioX: pad + Math.round(audioSize / 2),
    audioY: Math.round(nameY + nameSize * 0.6),
    audioSize,
    textX: pad + audioSize + Math.round(6 * dpr),
  };
}
