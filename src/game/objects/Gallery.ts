import type { Scene, Time } from 'phaser';
import { galleryLayout, type Rect } from '../gallery-layout.ts';
import { Motion, poseIn, poseWithin, shownRect, type Pose } from '../tile-motion.ts';
import type { TileView } from '../tile-view.ts';
import { ParticipantTile } from './ParticipantTile.ts';

/** How long a departing tile says "Left" or "Dropped" before it goes. */
const DEPARTURE_NOTICE_MS = 1400;
const EXIT_MS = 320;
const ENTER_MS = 280;
const MOVE_MS = 300;
const JOINED_GLOW_MS = 1600;
/** A joining tile grows from this scale, a leaving one shrinks to that. */
const ENTER_SCALE = 0.86;
const EXIT_SCALE = 0.82;

export interface GalleryOptions {
  readonly reducedMotion: boolean;
  readonly onSelect: (participant: string) => void;
  /** Called when the number of tiles on screen changes (departing tiles excluded). */
  readonly onCount: (count: number) => void;
  /** Called after each layout with the width of one tile, in CSS pixels. */
  readonly onTileWidth: (width: number) => void;
  /** Called when the number of tiles whose name had to be cut short changes. */
  readonly onCutNames: (count: number) => void;
  /** Called whenever the box round every tile drawn changes (device pixels), and with null when there are none. */
  readonly onBounds: (bounds: Rect | null) => void;
}

/** Where a tile is, where it is going and how big it is laid out. */
interface Placement {
  cell: Rect;
  pose: Pose;
  motion: Motion | null;
  /** Called when the motion ends (a leaving tile that has faded out). */
  onArrive: (() => void) | null;
}

const NOWHERE: Rect = { x: 0, y: 0, width: 0, height: 0 };

function sameRect(a: Rect, b: Rect): boolean {
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;
}

function union(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  const left = Math.min(...rects.map((rect) => rect.x));
  const top = Math.min(...rects.map((rect) => rect.y));
  const right = Math.max(...rects.map((rect) => rect.x + rect.width));
  const bottom = Math.max(...rects.map((rect) => rect.y + rect.height));
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * The tiles of the viewed bridge. Tiles are kept per participant and reused, so a store change
 * touches only the tiles whose view changed; joins fade in, departures show a notice and fade out,
 * and tiles glide to new cells. Every motion runs between two poses inside the gallery, whatever the
 * clock speed and however often the people change: a tile is never drawn outside its area.
 */
export class Gallery {
  private readonly tiles = new Map<string, ParticipantTile>();
  private readonly placements = new Map<string, Placement>();
  /** Participant ids on screen in gallery order, departing ones included until they have gone. */
  private order: string[] = [];
  private readonly departures = new Map<string, Time.TimerEvent>();
  /** Departing tiles fading out now. */
  private readonly exiting = new Set<string>();
  private area: Rect = NOWHERE;
  private gap = 8;
  private dpr = 1;
  private liveCount = -1;
  private cutCount = -1;
  private boundsKey = '';

  constructor(private readonly scene: Scene, private readonly options: GalleryOptions) {}

  /** Where the gallery may draw, in device pixels. */
  resize(area: Rect, gap: number, dpr: number): void {
    this.area = area;
    this.gap = gap;
    this.dpr = dpr;
    this.layout(false);
  }

  /**
   * Shows `views`, the participants now on the viewed bridge. With `sameBridge` false (the trainee
   * switched bridges) tiles change at once; otherwise people who are gone get a departure notice
   * from `departureLabel`.
   */
  show(views: readonly TileView[], castIndex: ReadonlyMap<string, number>, sameBridge: boolean, departureLabel: (id: string) => string): void {
    const present = new Set<string>();
    for (const view of views) present.add(view.id);
    let changed = false;

    for (const id of this.order) {
      if (present.has(id)) continue;
      const tile = this.tiles.get(id)!;
      if (!sameBridge) {
        this.dismiss(tile);
        changed = true;
      } else if (!tile.leaving) {
        this.depart(tile, departureLabel(id));
      }
    }
    if (!sameBridge) this.order = this.order.filter((id) => present.has(id));

    const entering: ParticipantTile[] = [];
    for (const view of views) {
      let tile = this.tiles.get(view.id);
      if (!tile) {
        tile = new ParticipantTile(this.scene, view.id);
        tile.on('pointerup', () => this.options.onSelect(view.id));
        this.tiles.set(view.id, tile);
      }
      if (!this.order.includes(view.id)) {
        this.order.push(view.id);
        changed = true;
        if (sameBridge) entering.push(tile);
        tile.resetPresence();
        tile.setVisible(true);
      } else if (tile.leaving) {
        this.cancelDeparture(tile);
      }
      tile.show(view);
    }
    if (changed) {
      this.order.sort((a, b) => (castIndex.get(a) ?? 0) - (castIndex.get(b) ?? 0));
      this.layout(sameBridge, entering);
    }
    for (const tile of entering) tile.markJoined(this.scene.time.now + JOINED_GLOW_MS);
    this.reportCount(views.length);
    this.reportCutNames();
  }

  /** Moves tiles on their way, and the meters of speaking and noisy tiles. */
  animate(time: number, still: boolean): void {
    for (const id of [...this.order]) {
      const tile = this.tiles.get(id)!;
      this.step(id, tile, time);
      if (tile.needsFrames(still)) tile.animate(time, still);
    }
    this.reportBounds();
  }

  get size(): number {
    return this.order.length;
  }

  /** Whether tiles are moving: every display frame counts. */
  get moving(): boolean {
    for (const placement of this.placements.values()) if (placement.motion) return true;
    return false;
  }

  /** Whether any tile has meters to move (unless `still`), a glow to end or a departure notice to take away. */
  needsFrames(still: boolean): boolean {
    if (this.departures.size > 0) return true;
    for (const id of this.order) if (this.tiles.get(id)!.needsFrames(still)) return true;
    return false;
  }

  destroy(): void {
    for (const timer of this.departures.values()) timer.remove(false);
    this.departures.clear();
  }

  /**
   * Gives every tile its cell. With `animated`, tiles glide from where they are drawn now, shrunk
   * to fit there first, and `entering` tiles fade in inside their cells; otherwise all go at once.
   */
  private layout(animated: boolean, entering: readonly ParticipantTile[] = []): void {
    // Tiles already fading out make way now rather than overlap the new grid.
    for (const id of this.exiting) this.dismiss(this.tiles.get(id)!);
    this.order = this.order.filter((id) => this.tiles.get(id)!.visible);
    const layout = galleryLayout(this.order.length, this.area, { gap: this.gap });
    this.options.onTileWidth(Math.round(layout.tileWidth / this.dpr));
    // Every tile makes room for a two-line name when one of them needs it, so they all line up.
    const nameBlock = this.order.some((id) => this.tiles.get(id)!.nameLinesAt(layout.tileWidth, layout.tileHeight, this.dpr) === 2) ? 2 : 1;
    this.order.forEach((id, index) => {
      const tile = this.tiles.get(id)!;
      const cell = layout.cells[index]!;
      const placement = this.placementOf(id);
      const shown = shownRect(placement.pose, placement.cell);
      const sameCell = sameRect(placement.cell, cell);
      placement.cell = cell;
      tile.resize(cell.width, cell.height, this.dpr, nameBlock);
      const target = poseIn(cell);
      if (entering.includes(tile)) {
        if (this.options.reducedMotion) this.place(tile, placement, target);
        else this.move(tile, placement, { ...target, scale: ENTER_SCALE, alpha: 0 }, target, ENTER_MS);
      } else if (sameCell) {
        // Still on its way to (or in) the same cell.
      } else if (this.options.reducedMotion || !animated || shown.width <= 0 || shown.height <= 0) {
        this.place(tile, placement, target);
      } else {
        this.move(tile, placement, poseWithin(shown, cell, placement.pose.alpha), target, MOVE_MS);
      }
    });
    this.reportCutNames();
    this.reportBounds();
  }

  private placementOf(id: string): Placement {
    let placement = this.placements.get(id);
    if (!placement) {
      placement = { cell: NOWHERE, pose: { x: 0, y: 0, scale: 1, alpha: 1 }, motion: null, onArrive: null };
      this.placements.set(id, placement);
    }
    return placement;
  }

  /** Puts a tile in `pose` at once, ending any motion. */
  private place(tile: ParticipantTile, placement: Placement, pose: Pose): void {
    placement.motion = null;
    placement.onArrive = null;
    this.apply(tile, placement, pose);
  }

  /** Starts a motion: the tile is in `from` at once and reaches `to` after `duration` ms. */
  private move(tile: ParticipantTile, placement: Placement, from: Pose, to: Pose, duration: number, onArrive: (() => void) | null = null): void {
    placement.motion = new Motion(from, to, duration);
    placement.onArrive = onArrive;
    this.apply(tile, placement, from);
  }

  private apply(tile: ParticipantTile, placement: Placement, pose: Pose): void {
    placement.pose = pose;
    tile.setPosition(pose.x, pose.y).setScale(pose.scale).setAlpha(pose.alpha);
  }

  private step(id: string, tile: ParticipantTile, time: number): void {
    const placement = this.placements.get(id);
    const motion = placement?.motion;
    if (!placement || !motion) return;
    this.apply(tile, placement, motion.poseAt(time));
    if (!motion.doneAt(time)) return;
    const arrive = placement.onArrive;
    this.place(tile, placement, motion.to);
    arrive?.();
  }

  private depart(tile: ParticipantTile, label: string): void {
    tile.showDeparture(label);
    const timer = this.scene.time.delayedCall(DEPARTURE_NOTICE_MS, () => {
      this.departures.delete(tile.participant);
      if (this.options.reducedMotion) {
        this.remove(tile);
        return;
      }
      const placement = this.placementOf(tile.participant);
      const { pose } = placement;
      this.exiting.add(tile.participant);
      this.move(tile, placement, pose, { ...pose, scale: pose.scale * EXIT_SCALE, alpha: 0 }, EXIT_MS, () => this.remove(tile));
    });
    this.departures.set(tile.participant, timer);
  }

  /** Someone whose tile was saying goodbye is back: it returns to its cell. */
  private cancelDeparture(tile: ParticipantTile): void {
    this.departures.get(tile.participant)?.remove(false);
    this.departures.delete(tile.participant);
    this.exiting.delete(tile.participant);
    tile.resetPresence();
    const placement = this.placementOf(tile.participant);
    const target = poseIn(placement.cell);
    if (this.options.reducedMotion) this.place(tile, placement, target);
    else this.move(tile, placement, poseWithin(shownRect(placement.pose, placement.cell), placement.cell, placement.pose.alpha), target, ENTER_MS);
  }

  private remove(tile: ParticipantTile): void {
    this.dismiss(tile);
    this.order = this.order.filter((id) => id !== tile.participant);
    this.layout(true);
  }

  /** Takes a tile off screen at once, keeping it for reuse. */
  private dismiss(tile: ParticipantTile): void {
    this.departures.get(tile.participant)?.remove(false);
    this.departures.delete(tile.participant);
    this.exiting.delete(tile.participant);
    const placement = this.placementOf(tile.participant);
    this.place(tile, placement, { ...placement.pose, scale: 1, alpha: 1 });
    placement.cell = NOWHERE;
    tile.resetPresence();
    tile.setVisible(false);
    if (tile.input) tile.input.enabled = false;
  }

  private reportCount(count: number): void {
    if (count === this.liveCount) return;
    this.liveCount = count;
    this.options.onCount(count);
  }

  private reportCutNames(): void {
    const count = this.order.filter((id) => this.tiles.get(id)!.nameCut).length;
    if (count === this.cutCount) return;
    this.cutCount = count;
    this.options.onCutNames(count);
  }

  private reportBounds(): void {
    const shown = this.order.flatMap((id) => {
      const placement = this.placements.get(id);
      return placement && placement.pose.alpha > 0 ? [shownRect(placement.pose, placement.cell)] : [];
    });
    const bounds = union(shown);
    const key = bounds ? `${bounds.x} ${bounds.y} ${bounds.width} ${bounds.height}` : '';
    if (key === this.boundsKey) return;
    this.boundsKey = key;
    this.options.onBounds(bounds);
  }
}
