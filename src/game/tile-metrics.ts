import { clamp } from './clamp.ts';
import type { MeasureText } from './ellipsize.ts';
import { fitName, type NameFit, type NameRoom } from './name-fit.ts';
import type { FontSpec } from './text-style.ts';

/** The smallest name a tile draws without cutting it, in CSS pixels. */
export const READABLE_NAME_PX = 12;
/** Below this radius (CSS pixels) an avatar is left out. */
const MIN_AVATAR_PX = 10;

/** Where everything in a tile goes, in device pixels, relative to the tile's top-left corner. */
export interface TileMetrics {
  readonly width: number;
  readonly height: number;
  readonly dpr: number;
  /** Room drawn around the tile for the focus outline. */
  readonly margin: number;
  readonly pad: number;
  readonly radius: number;
  /** The name as set: its font, its one or two lines, and whether it had to be cut. */
  readonly name: NameFit;
  readonly nameLineHeight: number;
  /** Top of the first name line. */
  readonly nameY: number;
  readonly detail: FontSpec;
  /** Role and team: on separate lines (tall tiles), joined on one, or left out (small tiles with a long name). */
  readonly detailLines: 0 | 1 | 2;
  readonly detailLineHeight: number;
  readonly detailY: number;
  readonly badge: FontSpec;
  readonly badgeHeight: number;
  /** Whether there is room for the avatar between the badges and the name. */
  readonly avatar: boolean;
  /** The middle of the space between the badges and the name: the avatar, or a departure notice. */
  readonly avatarX: number;
  readonly avatarY: number;
  readonly avatarRadius: number;
  /** The ring around the avatar. */
  readonly ringRadius: number;
  readonly ringWidth: number;
  /** The round audio indicator left of the name's first line. */
  readonly audioX: number;
  readonly audioY: number;
  readonly audioSize: number;
  /** Where the name's lines start, right of the audio indicator. */
  readonly textX: number;
}

interface Stack {
  readonly name: NameFit;
  readonly detailLines: 0 | 1 | 2;
}

/** The sizes a tile's name may take, and how wide its lines may be, in device pixels. */
interface NameSpace {
  readonly pad: number;
  readonly largest: number;
  readonly audioSize: number;
  readonly textX: number;
  readonly room: NameRoom;
}

function nameSpace(width: number, height: number, dpr: number, maxLines: 1 | 2): NameSpace {
  const pad = Math.round(clamp(height * 0.065, 8 * dpr, 16 * dpr));
  const largest = Math.round(clamp(height * 0.09, READABLE_NAME_PX * dpr, 24 * dpr));
  const audioSize = Math.round(largest * 1.15);
  const textX = pad + audioSize + Math.round(4 * dpr);
  return { pad, largest, audioSize, textX, room: { width: width - pad - textX, largest, smallest: Math.round(READABLE_NAME_PX * dpr), maxLines } };
}

/**
 * How many lines `name` wants on a `width` × `height` tile: 2 when it fits whole only wrapped. A
 * gallery gives all its tiles room for the most any of them wants, so names, avatars and roles line up.
 */
export function nameLinesWanted(width: number, height: number, dpr: number, name: string, measure: MeasureText): 1 | 2 {
  return fitName(name, nameSpace(width, height, dpr, 2).room, measure).lines.length === 2 ? 2 : 1;
}

/**
 * Metrics for a `width` × `height` tile (device pixels) at `dpr` device pixels per CSS pixel, with
 * `name` set to fit: shrunk or wrapped onto two lines before anything else gives way, in a block of
 * `nameBlock` lines (a one-line name sits on the block's last line). A long name may take the role
 * line's place, then the avatar's; it is cut short only when even that is not enough.
 */
export function tileMetrics(width: number, height: number, dpr: number, name: string, measure: MeasureText, nameBlock: 1 | 2 = 1): TileMetrics {
  const { pad, largest, audioSize, textX, room } = nameSpace(width, height, dpr, 2);
  const detailSize = Math.round(clamp(height * 0.068, 11 * dpr, 17 * dpr));
  const detailLineHeight = Math.round(detailSize * 1.3);
  const badgeHeight = Math.round(clamp(height * 0.12, 18 * dpr, 30 * dpr));
  const ringWidth = Math.max(1, Math.round(1.5 * dpr));
  const ringGap = ringWidth * 2;
  const areaTop = pad + badgeHeight + Math.round(pad * 0.4);

  const wrapped = fitName(name, room, measure);
  const names = wrapped.lines.length === 2 ? [wrapped, fitName(name, { ...room, maxLines: 1 }, measure)] : [wrapped];
  const preferredDetail: 1 | 2 = height >= 125 * dpr ? 2 : 1;

  // The block is measured in lines of the largest size, so every tile of a gallery has the same.
  const blockLine = Math.round(largest * 1.3);
  const nameLineHeight = (fit: NameFit): number => Math.round(fit.font.size * 1.3);
  const blockTop = ({ name: fit, detailLines }: Stack): number => height - pad - detailLines * detailLineHeight - Math.max(nameBlock, fit.lines.length) * blockLine;
  const nameTop = (stack: Stack): number => height - pad - stack.detailLines * detailLineHeight - stack.name.lines.length * nameLineHeight(stack.name);
  const areaBottom = (stack: Stack): number => blockTop(stack) - Math.round(pad * 0.5);
  const avatarRadius = (stack: Stack): number => {
    const area = areaBottom(stack) - areaTop;
    return Math.floor(Math.min(area * 0.4, area / 2 - ringGap, width * 0.15, 90 * dpr));
  };
  const details = ([2, 1, 0] as const).filter((lines) => lines <= preferredDetail);
  const hasAvatar = (stack: Stack): boolean => stack.detailLines > 0 && avatarRadius(stack) >= MIN_AVATAR_PX * dpr;
  const textFits = (stack: Stack): boolean => blockTop(stack) >= pad + badgeHeight;
  // A whole name comes first: with the avatar and a role line if they fit, else without them.
  const stackFor = (fit: NameFit): Stack | undefined => {
    const stacks = details.map((detailLines): Stack => ({ name: fit, detailLines }));
    return stacks.find(hasAvatar) ?? stacks.find(textFits);
  };
  const stack = names.map(stackFor).find((found) => found !== undefined) ?? { name: names.at(-1)!, detailLines: 0 };
  const avatar = hasAvatar(stack);

  // Without an avatar the text sits in the middle of the room under the badges, not at the bottom.
  const lift = avatar ? 0 : Math.max(0, Math.floor((blockTop(stack) - pad - badgeHeight) / 2));
  const nameY = nameTop(stack) - lift;
  const radius = avatar ? avatarRadius(stack) : 0;
  return {
    width,
    height,
    dpr,
    margin: Math.round(5 * dpr),
    pad,
    radius: Math.round(clamp(height * 0.06, 8 * dpr, 14 * dpr)),
    name: stack.name,
    nameLineHeight: nameLineHeight(stack.name),
    nameY,
    detail: { size: detailSize, weight: '400' },
    detailLines: stack.detailLines,
    detailLineHeight,
    detailY: height - pad - stack.detailLines * detailLineHeight - lift,
    badge: { size: Math.round(badgeHeight * 0.5), weight: '600' },
    badgeHeight,
    avatar,
    avatarX: Math.round(width / 2),
    avatarY: Math.round((areaTop + areaBottom(stack)) / 2),
    avatarRadius: radius,
    ringRadius: radius + ringGap,
    ringWidth,
    audioX: pad + Math.round(audioSize / 2),
    audioY: Math.round(nameY + nameLineHeight(stack.name) / 2),
    audioSize,
    textX,
  };
}
