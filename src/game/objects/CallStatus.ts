import { GameObjects, type Scene } from 'phaser';
import type { Speed } from '../../app/store.ts';
import { rosterLabel, type HeaderView } from '../header-view.ts';
import { drawPause, drawPeople } from '../icons.ts';
import type { MeasureText } from '../ellipsize.ts';
import { fontString, textStyle, type FontSpec } from '../text-style.ts';
import { COLOURS, TEXT_COLOURS } from '../theme.ts';

interface StatusMetrics {
  readonly height: number;
  readonly clock: FontSpec;
  readonly small: FontSpec;
  readonly gap: number;
  readonly dpr: number;
}

/**
 * The right-hand side of the header, laid out right to left from x = 0: the scenario clock,
 * a live / paused chip with the speed, and the head count of the viewed bridge.
 */
export class CallStatus extends GameObjects.Container {
  private readonly clock: GameObjects.Text;
  private readonly chip: GameObjects.Graphics;
  private readonly chipText: GameObjects.Text;
  private readonly people: GameObjects.Graphics;
  private readonly roster: GameObjects.Text;
  private metrics: StatusMetrics = { height: 40, clock: { size: 24, weight: '600', mono: true }, small: { size: 13, weight: '600' }, gap: 12, dpr: 1 };
  private shown: { clock: string; paused: boolean; speed: Speed; roster: number } | null = null;
  /** The x where this block starts (negative: it grows leftwards from 0). */
  left = 0;
  /** Set while paused: the live dot blinks off, so a glance tells the clock is not running. */
  private readonly dot: GameObjects.Arc;

  constructor(scene: Scene, private readonly measure: MeasureText) {
    super(scene);
    this.clock = scene.add.text(0, 0, '', textStyle(this.metrics.clock, TEXT_COLOURS.text)).setOrigin(1, 0.5);
    this.chip = scene.add.graphics();
    this.dot = scene.add.circle(0, 0, 4, COLOURS.speaking);
    this.chipText = scene.add.text(0, 0, '', textStyle(this.metrics.small, TEXT_COLOURS.text)).setOrigin(0, 0.5);
    this.people = scene.add.graphics();
    this.roster = scene.add.text(0, 0, '', textStyle(this.metrics.small, TEXT_COLOURS.textMuted)).setOrigin(0, 0.5);
    this.add([this.clock, this.chip, this.dot, this.chipText, this.people, this.roster]);
    scene.add.existing(this);
  }

  resize(height: number, dpr: number): void {
    const clockSize = Math.round(height * 0.56);
    this.metrics = {
      height,
      clock: { size: clockSize, weight: '600', mono: true },
      small: { size: Math.max(Math.round(12 * dpr), Math.round(height * 0.27)), weight: '600' },
      gap: Math.round(height * 0.3),
      dpr,
    };
    this.clock.setFontSize(this.metrics.clock.size);
    this.chipText.setFontSize(this.metrics.small.size);
    this.roster.setFontSize(this.metrics.small.size);
    const shown = this.shown;
    this.shown = null;
    if (shown) this.show(shown);
  }

  show(view: Pick<HeaderView, 'clock' | 'paused' | 'speed' | 'roster'>): void {
    const before = this.shown;
    if (before && before.clock === view.clock && before.paused === view.paused && before.speed === view.speed && before.roster === view.roster) return;
    this.shown = { clock: view.clock, paused: view.paused, speed: view.speed, roster: view.roster };
    if (!before || before.clock !== view.clock) this.clock.setText(view.clock);
    if (before && before.paused === view.paused && before.speed === view.speed && before.roster === view.roster) return;
    this.layout(view);
  }

  /** Blinks the live dot; called each frame. */
  animate(time: number, still: boolean): void {
    if (this.shown?.paused) return;
    this.dot.setAlpha(still ? 1 : 0.55 + 0.45 * Math.abs(Math.cos(time / 700)));
  }

  private layout(view: Pick<HeaderView, 'paused' | 'speed' | 'roster'>): void {
    const m = this.metrics;
    const mid = Math.round(m.height / 2);
    const clockWidth = Math.ceil(this.measure('00:00:00', fontString(m.clock)));
    this.clock.setPosition(0, mid);
    let x = -clockWidth - m.gap;

    const chipLabel = view.paused ? 'Paused' : `Live · ${view.speed}×`;
    const chipH = Math.round(m.height * 0.6);
    const iconSpace = Math.round(chipH * 0.75);
    const chipW = Math.round(chipH * 0.45 + iconSpace + this.measure(chipLabel, fontString(m.small)) + chipH * 0.5);
    x -= chipW;
    const g = this.chip.clear();
    g.fillStyle(view.paused ? 0x3a3216 : 0x13302a, 1);
    g.fillRoundedRect(x, mid - chipH / 2, chipW, chipH, chipH / 2);
    g.lineStyle(Math.max(1, m.dpr), view.paused ? COLOURS.paused : COLOURS.speaking, 0.5);
    g.strokeRoundedRect(x + 0.5, mid - chipH / 2 + 0.5, chipW - 1, chipH - 1, chipH / 2);
    const iconX = Math.round(x + chipH * 0.45 + iconSpace * 0.35);
    if (view.paused) drawPause(g, iconX, mid, Math.round(chipH * 0.42), COLOURS.paused);
    this.dot.setVisible(!view.paused).setPosition(iconX, mid).setRadius(Math.round(chipH * 0.16)).setAlpha(1);
    this.chipText.setColor(view.paused ? TEXT_COLOURS.paused : TEXT_COLOURS.speaking);
    this.chipText.setText(chipLabel).setPosition(Math.round(x + chipH * 0.45 + iconSpace), mid);
    x -= m.gap;

    const label = rosterLabel(view.roster);
    const labelWidth = Math.ceil(this.measure(label, fontString(m.small)));
    x -= labelWidth;
    this.roster.setText(label).setPosition(x, mid);
    const iconSize = Math.round(m.small.size * 1.2);
    x -= Math.round(iconSize * 0.45);
    const people = this.people.clear();
    drawPeople(people, Math.round(x - iconSize / 2), mid, iconSize, COLOURS.textMuted, COLOURS.bg);
    x -= iconSize;
    this.left = x;
  }
}
