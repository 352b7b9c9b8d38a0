import type { Scene, Time } from 'phaser';
import { galleryLayout, type Rect } from '../gallery-layout.ts';
import type { TileView } from '../tile-view.ts';
import { ParticipantTile } from './ParticipantTile.ts';

/** How long a departing tile says "Left" or "Dropped" before it goes. */
const DEPARTURE_NOTICE_MS = 1400;
const EXIT_MS = 320;
const ENTER_MS = 280;
const MOVE_MS = 300;
const JOINED_GLOW_MS = 1600;

export interface GalleryOptions {
  readonly reducedMotion: boolean;
  readonly onSelect: (participant: string) => void;
  /** Called when the number of tiles on screen changes (departing tiles excluded). */
  readonly onCount: (count: number) => void;
  /** Called after each layout with the width of one tile, in CSS pixels. */
  readonly onTileWidth: (width: number) => void;
}

/**
 * The tiles of the viewed bridge. Tiles are kept per participant and reused, so a store change
 * touches only the tiles whose view changed; joins animate in, departures show a notice and animate out.
 */
export class Gallery {
  private readonly tiles = new Map<string, ParticipantTile>();
  /** Participant ids on screen in gallery order, departing ones included until they have gone. */
  private order: string[] = [];
  private readonly departures = new Map<string, Time.TimerEvent>();
  private area: Rect = { x: 0, y: 0, width: 0, height: 0 };
  private gap = 8;
  private dpr = 1;
  private liveCount = -1;

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
    for (const tile of entering) this.enter(tile);
    this.reportCount(views.length);
  }

  /** Moves the meters of speaking and noisy tiles. */
  animate(time: number, still: boolean): void {
    for (const id of this.order) {
      const tile = this.tiles.get(id)!;
      if (tile.needsFrames(still)) tile.animate(time, still);
    }
  }

  get size(): number {
    return this.order.length;
  }

  /** Whether tiles are moving: every display frame counts. */
  get moving(): boolean {
    return this.scene.tweens.tweens.length > 0;
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

  private layout(animated: boolean, entering: readonly ParticipantTile[] = []): void {
    const layout = galleryLayout(this.order.length, this.area, { gap: this.gap });
    this.options.onTileWidth(Math.round(layout.tileWidth / this.dpr));
    this.order.forEach((id, index) => {
      const tile = this.tiles.get(id)!;
      const cell = layout.cells[index]!;
      tile.resize(cell.width, cell.height, this.dpr);
      const x = cell.x + cell.width / 2;
      const y = cell.y + cell.height / 2;
      if (tile.x === x && tile.y === y) return;
      if (!animated || this.options.reducedMotion || entering.includes(tile)) {
        this.scene.tweens.killTweensOf(tile);
        tile.setPosition(x, y);
        if (!entering.includes(tile) && !tile.leaving) tile.setAlpha(1).setScale(1);
        return;
      }
      this.scene.tweens.add({ targets: tile, x, y, duration: MOVE_MS, ease: 'Cubic.easeOut' });
    });
  }

  private enter(tile: ParticipantTile): void {
    tile.markJoined(this.scene.time.now + JOINED_GLOW_MS);
    if (this.options.reducedMotion) return;
    tile.setAlpha(0).setScale(0.86);
    this.scene.tweens.add({ targets: tile, alpha: 1, scale: 1, duration: ENTER_MS, ease: 'Back.easeOut' });
  }

  private depart(tile: ParticipantTile, label: string): void {
    tile.showDeparture(label);
    const timer = this.scene.time.delayedCall(DEPARTURE_NOTICE_MS, () => {
      this.departures.delete(tile.participant);
      if (this.options.reducedMotion) {
        this.remove(tile);
        return;
      }
      this.scene.tweens.killTweensOf(tile);
      this.scene.tweens.add({ targets: tile, alpha: 0, scale: 0.82, duration: EXIT_MS, ease: 'Cubic.easeIn', onComplete: () => this.remove(tile) });
    });
    this.departures.set(tile.participant, timer);
  }

  private cancelDeparture(tile: ParticipantTile): void {
    this.departures.get(tile.participant)?.remove(false);
    this.departures.delete(tile.participant);
    this.scene.tweens.killTweensOf(tile);
    tile.resetPresence();
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
    this.scene.tweens.killTweensOf(tile);
    tile.resetPresence();
    tile.setVisible(false);
    if (tile.input) tile.input.enabled = false;
  }

  private reportCount(count: number): void {
    if (count === this.liveCount) return;
    this.liveCount = count;
    this.options.onCount(count);
  }
}
