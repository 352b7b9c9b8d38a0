import type { Rect } from './gallery-layout.ts';

/** How a tile is shown: its centre, its scale (1 is its laid-out size) and its opacity. */
export interface Pose {
  readonly x: number;
  readonly y: number;
  readonly scale: number;
  readonly alpha: number;
}

export interface Size {
  readonly width: number;
  readonly height: number;
}

/** Fast, then settling; never past the end, so a tile never swings outside the cells it moves between. */
export function easeOutCubic(progress: number): number {
  const t = Math.max(0, Math.min(1, progress));
  return 1 - (1 - t) ** 3;
}

/** The pose that fills `cell` exactly. */
export function poseIn(cell: Rect, alpha = 1): Pose {
  return { x: cell.x + cell.width / 2, y: cell.y + cell.height / 2, scale: 1, alpha };
}

/** Where a tile of laid-out `size` is drawn in `pose`. */
export function shownRect(pose: Pose, size: Size): Rect {
  const width = size.width * pose.scale;
  const height = size.height * pose.scale;
  return { x: pose.x - width / 2, y: pose.y - height / 2, width, height };
}

/**
 * The pose, for a tile just given the new laid-out `size`, that draws it inside `shown` (where it is
 * on screen now) and as large as it can be there: a motion can start from it without a jump outside.
 */
export function poseWithin(shown: Rect, size: Size, alpha: number): Pose {
  const scale = size.width > 0 && size.height > 0 ? Math.min(shown.width / size.width, shown.height / size.height) : 1;
  return { x: shown.x + shown.width / 2, y: shown.y + shown.height / 2, scale, alpha };
}

function mix(from: number, to: number, amount: number): number {
  return from + (to - from) * amount;
}

/**
 * A tile's change from one pose to another over `duration` ms, eased. The clock starts at the first
 * frame that asks for a pose, so a motion begun while the loop sleeps is not over before it is seen.
 * Centre and scale move by the same eased amount, so every rectangle drawn on the way lies between
 * the start and the end: inside any box that holds both.
 */
export class Motion {
  private started: number | null = null;

  constructor(
    readonly from: Pose,
    readonly to: Pose,
    private readonly duration: number,
  ) {}

  poseAt(time: number): Pose {
    this.started ??= time;
    const amount = easeOutCubic(this.duration <= 0 ? 1 : (time - this.started) / this.duration);
    const { from, to } = this;
    return { x: mix(from.x, to.x, amount), y: mix(from.y, to.y, amount), scale: mix(from.scale, to.scale, amount), alpha: mix(from.alpha, to.alpha, amount) };
  }

  doneAt(time: number): boolean {
    return this.started !== null && time - this.started >= this.duration;
  }
}
