import { GameObjects, Geom, Textures, type Scene } from 'phaser';
import { drawTile, NOISE_BARS, type WaveSlot } from '../canvas/draw-tile.ts';
import { canvasMeasure } from '../canvas/measure.ts';
import { COLOURS } from '../theme.ts';
import { nameLinesWanted, tileMetrics, type TileMetrics } from '../tile-metrics.ts';
import type { TileView } from '../tile-view.ts';
import { pulseTexture, WHITE } from './shared-textures.ts';

const METER_BARS = 3;

function sameView(a: TileView, b: TileView): boolean {
  return a.name === b.name && a.role === b.role && a.team === b.team && a.initials === b.initials && a.colour === b.colour
    && a.speaking === b.speaking && a.muted === b.muted && a.noise === b.noise && a.focused === b.focused;
}

/**
 * One participant in the gallery. Everything still (frame, avatar, name, role and team, badges) is
 * drawn once onto the tile's own canvas texture, and again only when the view or the size changes;
 * the speaking ring and the level and noise meters move on top, without allocating, in `animate`.
 */
export class ParticipantTile extends GameObjects.Container {
  readonly participant: string;
  private view: TileView | null = null;
  /** The laid-out size, in device pixels. */
  private size = { width: 0, height: 0, dpr: 1, nameBlock: 1 as 1 | 2 };
  private metrics: TileMetrics | null = null;
  private readonly texture: Textures.CanvasTexture;
  private readonly art: GameObjects.Image;
  private readonly pulse: GameObjects.Image;
  private readonly meter: GameObjects.Image[] = [];
  private readonly noiseBars: GameObjects.Image[] = [];
  /** Each tile's meters move out of step with the others'. */
  private readonly phase: number;
  private departure: string | null = null;
  /** Full heights of the level and noise bars, in device pixels; `animate` scales them. */
  private meterHeight = 1;
  private noiseHeight = 1;
  /** Scene time until which the border glows to say the participant has just joined; 0 when not glowing. */
  private joinedUntil = 0;

  constructor(scene: Scene, participant: string) {
    super(scene);
    this.participant = participant;
    let seed = 0;
    for (let i = 0; i < participant.length; i++) seed = (seed * 33 + participant.charCodeAt(i)) % 9973;
    this.phase = (seed / 9973) * Math.PI * 2;
    this.texture = scene.textures.createCanvas(`tile:${participant}`, 4, 4)!;
    this.texture.setFilter(Textures.FilterMode.NEAREST);
    this.art = new GameObjects.Image(scene, 0, 0, this.texture);
    this.pulse = new GameObjects.Image(scene, 0, 0, WHITE).setVisible(false);
    this.add([this.art, this.pulse]);
    for (let i = 0; i < METER_BARS; i++) this.meter.push(this.bar(COLOURS.speaking, 1, 1));
    for (let i = 0; i < NOISE_BARS; i++) this.noiseBars.push(this.bar(0x2a1c00, 0.5, 0.9));
    scene.add.existing(this);
  }

  /** True while the tile says "Left" or "Dropped"; it no longer follows the store. */
  get leaving(): boolean {
    return this.departure !== null;
  }

  /** Whether `animate` has work to do: meters to move (unless `still`), or a join glow to end. */
  needsFrames(still: boolean): boolean {
    if (this.joinedUntil !== 0) return true;
    return !still && this.view !== null && (this.view.speaking || this.view.noise !== null);
  }

  /** Whether the name could not be set whole, even on two lines at the smallest readable size. */
  get nameCut(): boolean {
    return this.metrics?.name.cut ?? false;
  }

  /** How many lines the name wants at `width` × `height` device pixels. */
  nameLinesAt(width: number, height: number, dpr: number): 1 | 2 {
    return this.view ? nameLinesWanted(width, height, dpr, this.view.name, canvasMeasure(this.texture.context)) : 1;
  }

  /** Sizes the tile to `width` × `height` device pixels, centred on its position, with room for `nameBlock` lines of name. */
  resize(width: number, height: number, dpr: number, nameBlock: 1 | 2): void {
    const size = this.size;
    if (size.width === width && size.height === height && size.dpr === dpr && size.nameBlock === nameBlock) return;
    this.size = { width, height, dpr, nameBlock };
    this.setSize(width, height);
    if (this.input) (this.input.hitArea as Geom.Rectangle).setTo(0, 0, width, height);
    else this.setInteractive(new Geom.Rectangle(0, 0, width, height), Geom.Rectangle.Contains);
    if (this.input) this.input.cursor = 'pointer';
    this.measure();
    this.redraw();
  }

  /** Shows a new view of the participant; redraws only when something in it changed. */
  show(view: TileView): void {
    const before = this.view;
    this.view = view;
    if (before?.name !== view.name) this.measure();
    if (!before || !sameView(before, view)) this.redraw();
  }

  /** Glows the border for a moment, as call apps do when someone joins. */
  markJoined(until: number): void {
    this.joinedUntil = until;
    this.redraw();
  }

  /** Covers the tile with a "Left" / "Dropped" notice; the gallery then takes it away. */
  showDeparture(label: string): void {
    this.departure = label;
    if (this.input) this.input.enabled = false;
    this.redraw();
  }

  /** A live tile again: no notice, clickable. (The gallery sets where it is and how it is shown.) */
  resetPresence(): void {
    const wasLeaving = this.departure !== null;
    this.departure = null;
    if (this.input) this.input.enabled = true;
    if (wasLeaving) this.redraw();
  }

  /** Moves the meters for scene time `time` (ms). `still` holds them at rest (paused, reduced motion). */
  animate(time: number, still: boolean): void {
    const view = this.view;
    if (!view) return;
    if (this.joinedUntil !== 0 && time >= this.joinedUntil) {
      this.joinedUntil = 0;
      this.redraw();
    }
    const t = time / 1000;
    if (view.speaking && this.departure === null) {
      const level = still ? 0.6 : 0.45 + 0.55 * Math.abs(Math.sin(t * 5.3 + this.phase) * Math.sin(t * 2.1 + this.phase * 0.7));
      this.pulse.setAlpha(still ? 1 : 0.5 + 0.5 * level).setScale(still ? 1 : 1 + 0.05 * level);
      for (let i = 0; i < METER_BARS; i++) {
        const wobble = still ? (i === 1 ? 1 : 0.6) : 0.3 + 0.7 * Math.abs(Math.sin(t * (7 + i * 2.3) + this.phase + i * 1.7));
        this.meter[i]!.scaleY = wobble * this.meterHeight;
      }
    }
    if (view.noise !== null) {
      for (let i = 0; i < NOISE_BARS; i++) {
        const wobble = still ? 0.5 + 0.1 * i : 0.25 + 0.75 * Math.abs(Math.sin(t * (9 + i * 3.1) + this.phase * (i + 1)));
        this.noiseBars[i]!.scaleY = wobble * this.noiseHeight;
      }
    }
  }

  override destroy(fromScene?: boolean): void {
    super.destroy(fromScene);
    this.texture.destroy();
  }

  private bar(colour: number, originY: number, alpha: number): GameObjects.Image {
    const bar = new GameObjects.Image(this.scene, 0, 0, WHITE).setOrigin(0.5, originY).setTint(colour).setAlpha(alpha).setVisible(false);
    this.add(bar);
    return bar;
  }

  /** Sets the name and places everything for the current size. */
  private measure(): void {
    const { width, height, dpr, nameBlock } = this.size;
    if (!this.view || width <= 0 || height <= 0) return;
    this.metrics = tileMetrics(width, height, dpr, this.view.name, canvasMeasure(this.texture.context), nameBlock);
  }

  private redraw(): void {
    const m = this.metrics;
    const view = this.view;
    if (!m || !view) return;
    const canvasWidth = m.width + m.margin * 2;
    const canvasHeight = m.height + m.margin * 2;
    if (this.texture.width !== canvasWidth || this.texture.height !== canvasHeight) this.texture.setSize(canvasWidth, canvasHeight);
    const wave = drawTile(this.texture.context, view, m, { joined: this.joinedUntil !== 0, departure: this.departure });
    this.texture.refresh();
    this.art.setTexture(this.texture.key);
    this.art.setPosition(0, 0);
    this.placeOverlays(m, view, wave);
  }

  private placeOverlays(m: TileMetrics, view: TileView, wave: WaveSlot | null): void {
    const left = -m.width / 2;
    const top = -m.height / 2;
    const live = this.departure === null;

    const speaking = view.speaking && !view.muted && live;
    this.pulse.setVisible(speaking && m.avatar);
    if (speaking && m.avatar) {
      this.pulse.setTexture(pulseTexture(this.scene, m.ringRadius, m.dpr));
      this.pulse.setPosition(left + m.avatarX, top + m.avatarY);
    }
    const barWidth = Math.max(2, Math.round(m.audioSize * 0.12));
    this.meterHeight = Math.round(m.audioSize * 0.5);
    for (let i = 0; i < METER_BARS; i++) {
      const bar = this.meter[i]!;
      bar.setVisible(speaking);
      bar.setScale(barWidth, this.meterHeight);
      bar.setPosition(left + m.audioX + (i - 1) * barWidth * 1.8, top + m.audioY + this.meterHeight / 2);
    }
    this.noiseHeight = wave?.barHeight ?? 1;
    for (let i = 0; i < NOISE_BARS; i++) {
      const bar = this.noiseBars[i]!;
      bar.setVisible(wave !== null && live);
      if (!wave) continue;
      bar.setScale(wave.barWidth, wave.barHeight);
      bar.setPosition(left + wave.x + i * wave.barWidth * 2 + wave.barWidth / 2, top + wave.y);
    }
  }
}
