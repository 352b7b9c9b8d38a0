import { GameObjects, Textures, type Scene } from 'phaser';
import { drawHeader, type HeaderArt } from '../canvas/draw-header.ts';
import type { HeaderView } from '../header-view.ts';

function keyOf(view: HeaderView): string {
  return `${view.clock}|${view.paused}|${view.speed}|${view.roster}|${view.tabs.map((tab) => `${tab.id}:${tab.name}:${tab.count}:${tab.viewed}`).join(',')}`;
}

/**
 * The header row, drawn onto one canvas texture whenever what it shows changes (at most once per
 * scenario second). Invisible zones over the tabs take clicks.
 */
export class CallHeader extends GameObjects.Container {
  private readonly texture: Textures.CanvasTexture;
  private readonly art: GameObjects.Image;
  private readonly zones = new Map<string, GameObjects.Zone>();
  private view: HeaderView | null = null;
  private drawnKey = '';
  private size = { width: 0, height: 0, dpr: 1 };

  constructor(scene: Scene, private readonly onSelect: (bridge: string) => void) {
    super(scene);
    this.texture = scene.textures.createCanvas('gallery:header', 4, 4)!;
    this.texture.setFilter(Textures.FilterMode.NEAREST);
    this.art = new GameObjects.Image(scene, 0, 0, this.texture).setOrigin(0, 0);
    this.add(this.art);
    scene.add.existing(this);
  }

  resize(width: number, height: number, dpr: number): void {
    this.size = { width, height, dpr };
    this.drawnKey = '';
    this.redraw();
  }

  show(view: HeaderView): void {
    this.view = view;
    this.redraw();
  }

  override destroy(fromScene?: boolean): void {
    super.destroy(fromScene);
    this.texture.destroy();
  }

  private redraw(): void {
    const view = this.view;
    const { width, height, dpr } = this.size;
    if (!view || width <= 0 || height <= 0) return;
    const key = keyOf(view);
    if (key === this.drawnKey) return;
    this.drawnKey = key;
    if (this.texture.width !== width || this.texture.height !== height) this.texture.setSize(width, height);
    const art = drawHeader(this.texture.context, view, { width, height, dpr });
    this.texture.refresh();
    this.art.setTexture(this.texture.key);
    this.placeZones(art);
  }

  /**
   * One click zone per tab with room to click. Phaser gives a zone of zero width no hit area (and no
   * `input`), so a tab squeezed to nothing gets no zone rather than an input that is not there.
   */
  private placeZones(art: HeaderArt): void {
    const clickable = art.tabs.filter((tab) => tab.width >= 1 && tab.height >= 1);
    const placed = new Set(clickable.map((tab) => tab.bridge));
    for (const [bridge, zone] of this.zones) if (!placed.has(bridge)) zone.setVisible(false).disableInteractive();
    for (const tab of clickable) {
      const zone = this.zoneFor(tab.bridge);
      zone.setPosition(tab.x, tab.y).setSize(tab.width, tab.height).setVisible(true).setInteractive();
      const viewed = this.view?.tabs.find((candidate) => candidate.id === tab.bridge)?.viewed ?? false;
      if (zone.input) zone.input.cursor = viewed ? 'default' : 'pointer';
    }
  }

  private zoneFor(bridge: string): GameObjects.Zone {
    const existing = this.zones.get(bridge);
    if (existing) return existing;
    const zone = new GameObjects.Zone(this.scene, 0, 0, 1, 1).setOrigin(0, 0);
    zone.on('pointerup', () => this.onSelect(bridge));
    this.zones.set(bridge, zone);
    this.add(zone);
    return zone;
  }
}
