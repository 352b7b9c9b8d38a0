import { GameObjects, Geom, type Scene } from 'phaser';
import { ellipsize, type MeasureText } from '../ellipsize.ts';
import type { BridgeTabView } from '../header-view.ts';
import { fitTabWidths } from '../tab-widths.ts';
import { fontString, textStyle, type FontSpec } from '../text-style.ts';
import { COLOURS, TEXT_COLOURS } from '../theme.ts';

interface TabMetrics {
  readonly height: number;
  readonly font: FontSpec;
  readonly countFont: FontSpec;
  readonly gap: number;
  readonly dpr: number;
}

/** One bridge tab: its name and head count, highlighted when it is the bridge on screen. */
class BridgeTab extends GameObjects.Container {
  private readonly background: GameObjects.Graphics;
  private readonly label: GameObjects.Text;
  private readonly countLabel: GameObjects.Text;
  private drawn = '';

  constructor(scene: Scene, readonly bridge: string, onSelect: (bridge: string) => void) {
    super(scene);
    this.background = scene.add.graphics();
    this.label = scene.add.text(0, 0, '', textStyle({ size: 12, weight: '600' }, TEXT_COLOURS.text)).setOrigin(0, 0.5);
    this.countLabel = scene.add.text(0, 0, '', textStyle({ size: 11, weight: '700' }, TEXT_COLOURS.text)).setOrigin(0.5, 0.5);
    this.add([this.background, this.label, this.countLabel]);
    this.on('pointerup', () => onSelect(this.bridge));
  }

  /** The width the tab needs to show its whole name. */
  naturalWidth(view: BridgeTabView, m: TabMetrics, measure: MeasureText): number {
    return this.widthFor(view, Number.POSITIVE_INFINITY, m, measure).width;
  }

  private widthFor(view: BridgeTabView, maxWidth: number, m: TabMetrics, measure: MeasureText): { width: number; label: string; labelWidth: number; countWidth: number; padX: number } {
    const h = m.height;
    const padX = Math.round(h * 0.45);
    const countWidth = Math.max(Math.round(h * 0.62), Math.round(measure(String(view.count), fontString(m.countFont)) + h * 0.36));
    const labelRoom = maxWidth - padX * 2 - countWidth - Math.round(h * 0.25);
    const label = ellipsize(view.name, fontString(m.font), labelRoom, measure);
    const labelWidth = Math.ceil(measure(label, fontString(m.font)));
    const width = Math.min(maxWidth, padX + labelWidth + Math.round(h * 0.25) + countWidth + Math.round(padX * 0.6));
    return { width, label, labelWidth, countWidth, padX };
  }

  /** Draws the tab at most `maxWidth` wide; returns its width. Does nothing when nothing changed. */
  draw(view: BridgeTabView, maxWidth: number, m: TabMetrics, measure: MeasureText): number {
    const key = `${view.name}|${view.count}|${view.viewed}|${maxWidth}|${m.height}|${m.font.size}`;
    if (key === this.drawn) return this.width;
    this.drawn = key;
    const h = m.height;
    const { width, label, labelWidth, countWidth, padX } = this.widthFor(view, maxWidth, m, measure);
    const countText = String(view.count);

    const g = this.background.clear();
    g.fillStyle(view.viewed ? COLOURS.accentStrong : COLOURS.surface2, 1);
    g.fillRoundedRect(0, 0, width, h, Math.round(h * 0.3));
    if (!view.viewed) {
      g.lineStyle(Math.max(1, m.dpr), COLOURS.border, 1);
      g.strokeRoundedRect(0.5, 0.5, width - 1, h - 1, Math.round(h * 0.3));
    }
    const countX = padX + labelWidth + Math.round(h * 0.25);
    const countH = Math.round(h * 0.56);
    g.fillStyle(view.viewed ? 0x1d4aa3 : COLOURS.surface3, 1);
    g.fillRoundedRect(countX, Math.round((h - countH) / 2), countWidth, countH, countH / 2);

    if (this.label.style.fontSize !== `${m.font.size}px`) this.label.setFontSize(m.font.size);
    if (this.countLabel.style.fontSize !== `${m.countFont.size}px`) this.countLabel.setFontSize(m.countFont.size);
    this.label.setColor(view.viewed ? TEXT_COLOURS.onAccent : TEXT_COLOURS.textMuted);
    this.label.setText(label).setPosition(padX, Math.round(h / 2));
    this.countLabel.setColor(view.viewed ? TEXT_COLOURS.onAccent : TEXT_COLOURS.textMuted);
    this.countLabel.setText(countText).setPosition(Math.round(countX + countWidth / 2), Math.round(h / 2));

    this.setSize(width, h);
    if (this.input) (this.input.hitArea as Geom.Rectangle).setTo(0, 0, width, h);
    else this.setInteractive(new Geom.Rectangle(0, 0, width, h), Geom.Rectangle.Contains);
    if (this.input) this.input.cursor = view.viewed ? 'default' : 'pointer';
    return width;
  }
}

/** A row of tabs, one per open bridge, in the order the scenario declares them. */
export class BridgeTabs extends GameObjects.Container {
  private readonly tabs = new Map<string, BridgeTab>();
  private metrics: TabMetrics = { height: 28, font: { size: 13, weight: '600' }, countFont: { size: 11, weight: '700' }, gap: 8, dpr: 1 };
  private maxWidth = 400;
  private views: readonly BridgeTabView[] = [];

  constructor(scene: Scene, private readonly measure: MeasureText, private readonly onSelect: (bridge: string) => void) {
    super(scene);
    scene.add.existing(this);
  }

  resize(height: number, maxWidth: number, dpr: number): void {
    const fontSize = Math.round(height * 0.42);
    this.metrics = { height, font: { size: fontSize, weight: '600' }, countFont: { size: Math.round(fontSize * 0.86), weight: '700' }, gap: Math.round(height * 0.25), dpr };
    this.maxWidth = maxWidth;
    this.layout();
  }

  show(views: readonly BridgeTabView[]): void {
    this.views = views;
    this.layout();
  }

  private layout(): void {
    const open = new Set(this.views.map((view) => view.id));
    for (const [id, tab] of this.tabs) if (!open.has(id)) tab.setVisible(false);
    const count = this.views.length;
    if (count === 0) return;
    const tabs = this.views.map((view) => this.tabFor(view.id));
    const natural = this.views.map((view, i) => tabs[i]!.naturalWidth(view, this.metrics, this.measure));
    const widths = fitTabWidths(natural, this.maxWidth - this.metrics.gap * (count - 1));
    let x = 0;
    for (let i = 0; i < count; i++) {
      const view = this.views[i]!;
      const tab = tabs[i]!;
      const width = tab.draw(view, widths[i]!, this.metrics, this.measure);
      tab.setPosition(x, 0).setVisible(true);
      x += width + this.metrics.gap;
    }
  }

  private tabFor(bridge: string): BridgeTab {
    let tab = this.tabs.get(bridge);
    if (!tab) {
      tab = new BridgeTab(this.scene, bridge, this.onSelect);
      this.tabs.set(bridge, tab);
      this.add(tab);
    }
    return tab;
  }
}
