import { GameObjects, Geom, type Scene } from 'phaser';
import { ellipsize, type MeasureText } from '../ellipsize.ts';
import { drawMic, drawMicOff } from '../icons.ts';
import { fontString, textStyle, type FontSpec } from '../text-style.ts';
import { COLOURS, TEXT_COLOURS } from '../theme.ts';
import { noiseLabel, type TileView } from '../tile-view.ts';

const METER_BARS = 3;
const NOISE_BARS = 5;

interface Metrics {
  readonly width: number;
  readonly height: number;
  /** Device pixels per CSS pixel. */
  readonly dpr: number;
  readonly pad: number;
  readonly radius: number;
  readonly name: FontSpec;
  readonly detail: FontSpec;
  readonly badge: FontSpec;
  readonly badgeHeight: number;
  readonly twoLineDetail: boolean;
  readonly avatarRadius: number;
  readonly avatarY: number;
  readonly nameY: number;
  readonly detailY: number;
  readonly audioSize: number;
}

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}

function metricsFor(width: number, height: number, dpr: number): Metrics {
  const pad = Math.round(clamp(height * 0.065, 8 * dpr, 16 * dpr));
  const nameSize = Math.round(clamp(height * 0.09, 12 * dpr, 22 * dpr));
  const detailSize = Math.round(clamp(height * 0.068, 11 * dpr, 16 * dpr));
  const twoLineDetail = height >= 125 * dpr;
  const detailHeight = Math.round(detailSize * 1.3) * (twoLineDetail ? 2 : 1);
  const detailY = Math.round(height / 2 - pad - detailHeight);
  const nameY = Math.round(detailY - nameSize * 1.3);
  const badgeHeight = Math.round(clamp(height * 0.12, 18 * dpr, 28 * dpr));
  const areaTop = -height / 2 + pad + badgeHeight + Math.round(pad * 0.4);
  const areaBottom = nameY - pad * 0.5;
  const avatarRadius = Math.round(clamp(Math.min((areaBottom - areaTop) * 0.42, width * 0.15), 12 * dpr, 84 * dpr));
  return {
    width,
    height,
    dpr,
    pad,
    radius: Math.round(clamp(height * 0.06, 8 * dpr, 14 * dpr)),
    name: { size: nameSize, weight: '600' },
    detail: { size: detailSize, weight: '400' },
    badge: { size: Math.round(badgeHeight * 0.5), weight: '600' },
    badgeHeight,
    twoLineDetail,
    avatarRadius,
    avatarY: Math.round((areaTop + areaBottom) / 2),
    nameY,
    detailY,
    audioSize: Math.round(nameSize * 1.05),
  };
}

/** A small rounded pill with an icon area and a label, used for the noise and mute badges. */
class Badge extends GameObjects.Container {
  readonly pill: GameObjects.Graphics;
  readonly icon: GameObjects.Graphics;
  readonly label: GameObjects.Text;

  constructor(scene: Scene, labelColour: string) {
    super(scene);
    this.pill = scene.add.graphics();
    this.icon = scene.add.graphics();
    this.label = scene.add.text(0, 0, '', textStyle({ size: 12, weight: '600' }, labelColour)).setOrigin(0, 0.5);
    this.add([this.pill, this.icon, this.label]);
  }
}

/**
 * One participant in the gallery: avatar, name, role and team, and their line's state (speaking,
 * muted, noisy). It redraws a part only when the view or the size changes; `animate` moves the
 * speaking and noise meters each frame without allocating.
 */
export class ParticipantTile extends GameObjects.Container {
  readonly id: string;
  private view: TileView | null = null;
  private metrics: Metrics | null = null;
  private readonly frame: GameObjects.Graphics;
  private readonly focusRing: GameObjects.Graphics;
  private readonly pulse: GameObjects.Graphics;
  private readonly avatar: GameObjects.Graphics;
  private readonly initials: GameObjects.Text;
  private readonly nameText: GameObjects.Text;
  private readonly detailText: GameObjects.Text;
  private readonly micIcon: GameObjects.Graphics;
  private readonly meter: GameObjects.Rectangle[] = [];
  private noiseBadge: Badge | null = null;
  private readonly noiseBars: GameObjects.Rectangle[] = [];
  private mutedBadge: Badge | null = null;
  private departure: GameObjects.Container | null = null;
  /** Each tile's meters move out of step with the others'. */
  private readonly phase: number;
  /** Set while the tile plays its "left the call" notice; it no longer follows the store. */
  leaving = false;
  /** Wall-clock ms until which the border glows to say the participant has just joined. */
  private joinedGlowUntil = 0;

  constructor(scene: Scene, id: string, private readonly measure: MeasureText) {
    super(scene);
    this.id = id;
    let seed = 0;
    for (let i = 0; i < id.length; i++) seed = (seed * 33 + id.charCodeAt(i)) % 9973;
    this.phase = seed / 9973 * Math.PI * 2;
    this.frame = scene.add.graphics();
    this.focusRing = scene.add.graphics().setVisible(false);
    this.pulse = scene.add.graphics().setVisible(false);
    this.avatar = scene.add.graphics();
    this.initials = scene.add.text(0, 0, '', textStyle({ size: 12, weight: '700' }, '#0b1020')).setOrigin(0.5, 0.5);
    this.nameText = scene.add.text(0, 0, '', textStyle({ size: 12, weight: '600' }, TEXT_COLOURS.text)).setOrigin(0, 0);
    this.detailText = scene.add.text(0, 0, '', textStyle({ size: 11, weight: '400' }, TEXT_COLOURS.textMuted)).setOrigin(0, 0);
    this.detailText.setLineSpacing(0);
    this.micIcon = scene.add.graphics();
    this.add([this.focusRing, this.frame, this.pulse, this.avatar, this.initials, this.nameText, this.detailText, this.micIcon]);
    for (let i = 0; i < METER_BARS; i++) {
      const bar = scene.add.rectangle(0, 0, 2, 2, COLOURS.speaking).setOrigin(0.5, 1).setVisible(false);
      this.meter.push(bar);
      this.add(bar);
    }
    scene.add.existing(this);
  }

  /** Resizes the tile to `width` × `height` device pixels. */
  resize(width: number, height: number, dpr: number): void {
    if (this.metrics && this.metrics.width === width && this.metrics.height === height && this.metrics.dpr === dpr) return;
    this.metrics = metricsFor(width, height, dpr);
    this.setSize(width, height);
    if (this.input) (this.input.hitArea as Geom.Rectangle).setTo(0, 0, width, height);
    else this.setInteractive(new Geom.Rectangle(0, 0, width, height), Geom.Rectangle.Contains);
    if (this.input) this.input.cursor = 'pointer';
    this.redrawAll();
  }

  /** Shows a new view of the participant, redrawing only the parts that changed. */
  show(view: TileView): void {
    const before = this.view;
    this.view = view;
    if (!this.metrics) return;
    if (!before || before.name !== view.name || before.role !== view.role || before.team !== view.team) this.drawTexts();
    if (!before || before.initials !== view.initials || before.colour !== view.colour || before.muted !== view.muted || before.speaking !== view.speaking) this.drawAvatar();
    if (!before || before.speaking !== view.speaking || before.muted !== view.muted) {
      this.drawFrame();
      this.drawAudio();
    }
    if (!before || before.focused !== view.focused) this.drawFocus();
    if (!before || before.muted !== view.muted) this.drawMutedBadge();
    if (!before || before.noise !== view.noise) this.drawNoiseBadge();
  }

  /** Glows the border for a moment, as a call app does when someone joins. */
  markJoined(until: number): void {
    this.joinedGlowUntil = until;
    this.drawFrame();
  }

  /** Whether `animate` has anything to move this frame. */
  get animating(): boolean {
    return this.view !== null && (this.view.speaking || this.view.noise !== null || this.joinedGlowUntil !== 0);
  }

  /** Moves the meters for wall-clock time `time` (ms). `still` holds them at rest (paused, reduced motion). */
  animate(time: number, still: boolean): void {
    const view = this.view;
    if (!view) return;
    if (this.joinedGlowUntil !== 0 && time >= this.joinedGlowUntil) {
      this.joinedGlowUntil = 0;
      this.drawFrame();
    }
    const t = time / 1000;
    if (view.speaking) {
      const level = still ? 0.6 : 0.45 + 0.55 * Math.abs(Math.sin(t * 5.3 + this.phase) * Math.sin(t * 2.1 + this.phase * 0.7));
      this.pulse.setAlpha(still ? 0.9 : 0.45 + 0.55 * level);
      this.pulse.setScale(still ? 1 : 1 + 0.06 * level);
      for (let i = 0; i < METER_BARS; i++) {
        const wobble = still ? (i === 1 ? 1 : 0.6) : 0.3 + 0.7 * Math.abs(Math.sin(t * (7 + i * 2.3) + this.phase + i * 1.7));
        this.meter[i]!.setScale(1, wobble);
      }
    }
    if (view.noise !== null) {
      for (let i = 0; i < NOISE_BARS; i++) {
        const wobble = still ? 0.5 + 0.1 * i : 0.25 + 0.75 * Math.abs(Math.sin(t * (9 + i * 3.1) + this.phase * (i + 1)));
        this.noiseBars[i]!.setScale(1, wobble);
      }
    }
  }

  /** Turns the tile into a "Dropped" / "Left" notice; the scene then animates it away. */
  showDeparture(label: string): void {
    const m = this.metrics;
    if (!m) return;
    this.leaving = true;
    if (this.input) this.input.enabled = false;
    if (!this.departure) {
      const shade = this.scene.add.graphics();
      const text = this.scene.add.text(0, 0, '', textStyle({ size: 12, weight: '700' }, TEXT_COLOURS.text)).setOrigin(0.5, 0.5);
      this.departure = this.scene.add.container(0, 0, [shade, text]);
      this.add(this.departure);
    }
    const [shade, text] = this.departure.list as [GameObjects.Graphics, GameObjects.Text];
    shade.clear();
    shade.fillStyle(COLOURS.bg, 0.78);
    shade.fillRoundedRect(-m.width / 2, -m.height / 2, m.width, m.height, m.radius);
    text.setFontSize(Math.round(m.name.size * 1.15));
    text.setColor(label === 'Dropped' ? TEXT_COLOURS.muted : TEXT_COLOURS.text);
    text.setText(ellipsize(label, fontString({ size: Math.round(m.name.size * 1.15), weight: '700' }), m.width - m.pad * 2, this.measure));
    text.setPosition(0, m.avatarY);
    this.departure.setVisible(true);
  }

  /** Back to a live tile (after a departure, when the participant returns). */
  resetPresence(): void {
    this.leaving = false;
    if (this.input) this.input.enabled = true;
    this.departure?.setVisible(false);
    this.setAlpha(1).setScale(1);
  }

  private redrawAll(): void {
    this.drawFrame();
    this.drawFocus();
    if (!this.view) return;
    this.drawTexts();
    this.drawAvatar();
    this.drawAudio();
    this.drawMutedBadge();
    this.drawNoiseBadge();
    if (this.leaving && this.departure) {
      const text = this.departure.list[1] as GameObjects.Text;
      this.showDeparture(text.text.replace(/…$/, ''));
    }
  }

  private drawFrame(): void {
    const m = this.metrics;
    if (!m) return;
    const g = this.frame.clear();
    const left = -m.width / 2;
    const top = -m.height / 2;
    g.fillStyle(COLOURS.surface, 1);
    g.fillRoundedRect(left, top, m.width, m.height, m.radius);
    const speaking = this.view?.speaking === true;
    const joined = this.joinedGlowUntil !== 0;
    const line = Math.max(1, Math.round(m.dpr * (speaking || joined ? 2.5 : 1)));
    g.lineStyle(line, speaking ? COLOURS.speaking : joined ? COLOURS.accent : COLOURS.border, 1);
    g.strokeRoundedRect(left + line / 2, top + line / 2, m.width - line, m.height - line, m.radius);
  }

  private drawFocus(): void {
    const m = this.metrics;
    if (!m) return;
    const focused = this.view?.focused === true;
    this.focusRing.setVisible(focused);
    if (!focused) return;
    const line = Math.max(2, Math.round(3 * m.dpr));
    const gap = Math.round(2 * m.dpr);
    const g = this.focusRing.clear();
    g.lineStyle(line, COLOURS.accent, 1);
    g.strokeRoundedRect(-m.width / 2 - gap - line / 2, -m.height / 2 - gap - line / 2, m.width + (gap * 2 + line), m.height + (gap * 2 + line), m.radius + gap + line / 2);
  }

  private drawAvatar(): void {
    const m = this.metrics;
    const view = this.view;
    if (!m || !view) return;
    const r = m.avatarRadius;
    const g = this.avatar.clear();
    const ring = Math.max(1, Math.round(1.5 * m.dpr));
    g.lineStyle(ring, view.muted ? COLOURS.border : COLOURS.borderStrong, view.muted ? 0.6 : 1);
    g.strokeCircle(0, m.avatarY, r + ring * 2.5);
    g.fillStyle(view.colour, 1);
    g.fillCircle(0, m.avatarY, r);
    this.avatar.setAlpha(view.muted ? 0.6 : 1);
    this.initials.setAlpha(view.muted ? 0.6 : 1);
    const size = Math.round(r * 0.78);
    if (this.initials.style.fontSize !== `${size}px`) this.initials.setFontSize(size);
    if (this.initials.text !== view.initials) this.initials.setText(view.initials);
    this.initials.setPosition(0, m.avatarY);

    this.pulse.clear();
    this.pulse.setPosition(0, m.avatarY);
    this.pulse.lineStyle(Math.max(2, Math.round(3 * m.dpr)), COLOURS.speaking, 1);
    this.pulse.strokeCircle(0, 0, r + ring * 2.5);
    this.pulse.fillStyle(COLOURS.speaking, 0.14);
    this.pulse.fillCircle(0, 0, r + ring * 6);
    this.pulse.setVisible(view.speaking).setAlpha(1).setScale(1);
  }

  private drawTexts(): void {
    const m = this.metrics;
    const view = this.view;
    if (!m || !view) return;
    const left = Math.round(-m.width / 2 + m.pad);
    const textLeft = left + m.audioSize + Math.round(6 * m.dpr);
    const nameWidth = m.width / 2 - m.pad - textLeft;
    applyFont(this.nameText, m.name);
    this.nameText.setText(ellipsize(view.name, fontString(m.name), nameWidth, this.measure));
    this.nameText.setPosition(textLeft, m.nameY);
    applyFont(this.detailText, m.detail);
    const detailWidth = m.width - m.pad * 2;
    const detailFont = fontString(m.detail);
    const detail = m.twoLineDetail
      ? `${ellipsize(view.role, detailFont, detailWidth, this.measure)}\n${ellipsize(view.team, detailFont, detailWidth, this.measure)}`
      : ellipsize(`${view.role} · ${view.team}`, detailFont, detailWidth, this.measure);
    this.detailText.setText(detail);
    this.detailText.setLineSpacing(Math.round(m.detail.size * 0.3) - 2);
    this.detailText.setPosition(left, m.detailY);
  }

  /** The audio slot by the name: a mic, a struck-through mic, or a level meter while speaking. */
  private drawAudio(): void {
    const m = this.metrics;
    const view = this.view;
    if (!m || !view) return;
    const size = m.audioSize;
    const x = Math.round(-m.width / 2 + m.pad + size / 2);
    const y = Math.round(m.nameY + m.name.size * 0.62);
    const g = this.micIcon.clear();
    g.fillStyle(view.muted ? 0x3a1f2a : view.speaking ? 0x173a31 : COLOURS.surface3, 1);
    g.fillCircle(x, y, size / 2);
    if (view.muted) drawMicOff(g, x, y, size * 0.56, COLOURS.muted, 0x3a1f2a);
    else if (!view.speaking) drawMic(g, x, y, size * 0.56, COLOURS.textMuted);
    const barWidth = Math.max(2, Math.round(size * 0.12));
    const barHeight = Math.round(size * 0.5);
    for (let i = 0; i < METER_BARS; i++) {
      const bar = this.meter[i]!;
      bar.setSize(barWidth, barHeight);
      bar.setPosition(x + (i - 1) * barWidth * 1.8, y + barHeight / 2);
      bar.setVisible(view.speaking && !view.muted);
    }
  }

  private drawMutedBadge(): void {
    const m = this.metrics;
    const view = this.view;
    if (!m || !view) return;
    if (!view.muted) {
      this.mutedBadge?.setVisible(false);
      return;
    }
    const badge = (this.mutedBadge ??= this.addBadge(TEXT_COLOURS.muted));
    applyFont(badge.label, m.badge);
    if (badge.label.text !== 'Muted') badge.label.setText('Muted');
    const h = m.badgeHeight;
    const iconSize = Math.round(h * 0.62);
    const width = Math.round(h * 0.35 + iconSize + h * 0.2 + this.measure('Muted', fontString(m.badge)) + h * 0.45);
    badge.pill.clear().fillStyle(0x3a1f2a, 0.92).fillRoundedRect(0, 0, width, h, h / 2);
    badge.pill.lineStyle(Math.max(1, m.dpr), COLOURS.muted, 0.45).strokeRoundedRect(0.5, 0.5, width - 1, h - 1, h / 2);
    badge.icon.clear();
    drawMicOff(badge.icon, Math.round(h * 0.35 + iconSize / 2), h / 2, iconSize, COLOURS.muted, 0x3a1f2a);
    badge.label.setPosition(Math.round(h * 0.35 + iconSize + h * 0.2), Math.round(h / 2));
    badge.setPosition(Math.round(m.width / 2 - m.pad - width), Math.round(-m.height / 2 + m.pad));
    badge.setVisible(true);
  }

  private drawNoiseBadge(): void {
    const m = this.metrics;
    const view = this.view;
    if (!m || !view) return;
    if (view.noise === null) {
      this.noiseBadge?.setVisible(false);
      return;
    }
    const badge = this.noiseBadge ?? this.addNoiseBadge();
    const label = `${noiseLabel(view.noise)} noise`;
    applyFont(badge.label, m.badge);
    const h = m.badgeHeight;
    const barWidth = Math.max(2, Math.round(h * 0.09));
    const waveWidth = NOISE_BARS * barWidth * 2 - barWidth;
    const maxText = m.width - m.pad * 2 - h * 0.8 - waveWidth - h * 0.5;
    badge.label.setText(ellipsize(label, fontString(m.badge), maxText, this.measure));
    const width = Math.round(h * 0.4 + waveWidth + h * 0.3 + badge.label.width + h * 0.45);
    badge.pill.clear().fillStyle(COLOURS.noise, 0.95).fillRoundedRect(0, 0, width, h, h / 2);
    for (let i = 0; i < NOISE_BARS; i++) {
      const bar = this.noiseBars[i]!;
      bar.setSize(barWidth, Math.round(h * 0.56));
      bar.setPosition(Math.round(h * 0.4) + i * barWidth * 2 + barWidth / 2, h / 2);
    }
    badge.label.setPosition(Math.round(h * 0.4 + waveWidth + h * 0.3), Math.round(h / 2));
    badge.setPosition(Math.round(-m.width / 2 + m.pad), Math.round(-m.height / 2 + m.pad));
    badge.setVisible(true);
  }

  private addBadge(labelColour: string): Badge {
    const badge = new Badge(this.scene, labelColour);
    this.add(badge);
    return badge;
  }

  private addNoiseBadge(): Badge {
    const badge = this.addBadge(TEXT_COLOURS.onNoise);
    for (let i = 0; i < NOISE_BARS; i++) {
      const bar = this.scene.add.rectangle(0, 0, 2, 2, 0x2a1c00).setOrigin(0.5, 0.5);
      this.noiseBars.push(bar);
      badge.add(bar);
    }
    this.noiseBadge = badge;
    return badge;
  }
}

function applyFont(text: GameObjects.Text, spec: FontSpec): void {
  if (text.style.fontSize !== `${spec.size}px`) text.setFontSize(spec.size);
}
