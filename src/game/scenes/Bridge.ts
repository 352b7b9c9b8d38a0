import { Core, GameObjects, Scale, Scene, Scenes } from 'phaser';
import type { PlayState } from '../../app/store.ts';
import type { BridgeContext } from '../bridge-context.ts';
import { headerView } from '../header-view.ts';
import { BridgeTabs } from '../objects/BridgeTabs.ts';
import { CallStatus } from '../objects/CallStatus.ts';
import { Gallery } from '../objects/Gallery.ts';
import { textStyle } from '../text-style.ts';
import { TEXT_COLOURS } from '../theme.ts';
import { departureLabel, tileViews } from '../tile-view.ts';

function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(high, value));
}

/** The call: bridge tabs, clock and head count above a gallery of the viewed bridge's participants. */
export class Bridge extends Scene {
  private tabs!: BridgeTabs;
  private status!: CallStatus;
  private gallery!: Gallery;
  private empty!: GameObjects.Text;
  private backdrop!: GameObjects.Zone;
  /** The play state last drawn; a store change that touches none of the parts drawn is ignored. */
  private drawn: PlayState | null = null;
  private castIndex: ReadonlyMap<string, number> = new Map();
  private statusLeft = 0;
  private headerTop = 0;
  private tabHeight = 0;
  private headerHeight = 0;
  private pad = 0;

  constructor(private readonly context: BridgeContext) {
    super('Bridge');
  }

  create(): void {
    const { store, intents, parent, reducedMotion, measure } = this.context;
    this.backdrop = this.add.zone(0, 0, 1, 1).setOrigin(0, 0).setInteractive();
    this.backdrop.on('pointerup', () => {
      if (this.drawn?.focusedParticipant) intents.focusParticipant(null);
    });
    this.tabs = new BridgeTabs(this, measure, (bridge) => {
      if (bridge !== this.drawn?.viewedBridge) intents.viewBridge(bridge);
    });
    this.status = new CallStatus(this, measure);
    this.empty = this.add.text(0, 0, '', textStyle({ size: 16, weight: '500' }, TEXT_COLOURS.textMuted)).setOrigin(0.5, 0.5).setAlign('center');
    this.gallery = new Gallery(this, {
      reducedMotion,
      measure,
      onSelect: (participant) => intents.focusParticipant(this.drawn?.focusedParticipant === participant ? null : participant),
      onCount: (count) => {
        parent.dataset.tiles = String(count);
      },
    });

    this.layout();
    const play = store.getState().play;
    if (play) this.draw(play);
    const unsubscribe = store.subscribe((state) => {
      if (state.play) this.draw(state.play);
    });
    this.scale.on(Scale.Events.RESIZE, this.layout, this);
    this.events.once(Scenes.Events.SHUTDOWN, () => {
      unsubscribe();
      this.scale.off(Scale.Events.RESIZE, this.layout, this);
      this.gallery.destroy();
    });
    this.game.events.once(Core.Events.POST_RENDER, () => {
      parent.dataset.ready = 'true';
    });
  }

  override update(time: number): void {
    const still = this.context.reducedMotion || this.drawn?.paused === true;
    this.gallery.animate(time, still);
    this.status.animate(time, still);
    this.empty.setVisible(this.gallery.size === 0);
  }

  /** Lays everything out for the canvas size, in device pixels. */
  private layout(): void {
    const dpr = this.context.dpr();
    const { width, height } = this.scale;
    this.pad = Math.round(clamp(Math.min(width, height) * 0.03, 10 * dpr, 28 * dpr));
    const headerHeight = Math.round(clamp(height * 0.085, 40 * dpr, 64 * dpr));
    this.headerTop = this.pad;
    this.headerHeight = headerHeight;
    this.tabHeight = Math.round(headerHeight * 0.72);
    this.backdrop.setSize(width, height);
    if (this.backdrop.input) this.backdrop.input.hitArea.setTo(0, 0, width, height);
    this.status.setPosition(width - this.pad, this.headerTop);
    this.status.resize(headerHeight, dpr);
    this.statusLeft = -1;
    this.placeTabs();
    const top = this.headerTop + headerHeight + Math.round(this.pad * 0.75);
    this.gallery.resize({ x: this.pad, y: top, width: width - this.pad * 2, height: height - top - this.pad }, Math.round(clamp(width * 0.009, 6 * dpr, 14 * dpr)), dpr);
    this.empty.setFontSize(Math.round(clamp(height * 0.03, 14 * dpr, 24 * dpr)));
    this.empty.setPosition(Math.round(width / 2), Math.round((top + height) / 2));
  }

  /** The tabs take the header's width left of the clock block. */
  private placeTabs(): void {
    if (this.status.left === this.statusLeft) return;
    this.statusLeft = this.status.left;
    const dpr = this.context.dpr();
    const available = this.scale.width - this.pad * 2 + this.status.left - Math.round(16 * dpr);
    this.tabs.setPosition(this.pad, this.headerTop + Math.round((this.headerHeight - this.tabHeight) / 2));
    this.tabs.resize(this.tabHeight, Math.max(available, 80 * dpr), dpr);
  }

  private draw(play: PlayState): void {
    const before = this.drawn ?? undefined;
    if (before && before.sim === play.sim && before.viewedBridge === play.viewedBridge && before.focusedParticipant === play.focusedParticipant && before.paused === play.paused && before.speed === play.speed) return;
    this.drawn = play;
    if (!before || before.compiled !== play.compiled) {
      this.castIndex = new Map(play.compiled.scenario.cast.map((participant, index) => [participant.id, index]));
    }
    const header = headerView(play);
    this.status.show(header);
    this.placeTabs();
    this.tabs.show(header.tabs);

    const sameBridge = before !== undefined && before.viewedBridge === play.viewedBridge && before.compiled === play.compiled;
    const views = tileViews(play);
    this.gallery.show(views, this.castIndex, sameBridge, (id) => departureLabel(play, id));
    const bridgeName = play.compiled.bridges.get(play.viewedBridge)?.name ?? play.viewedBridge;
    const emptyText = views.length === 0 ? `Nobody is on ${bridgeName} yet.` : '';
    if (this.empty.text !== emptyText) this.empty.setText(emptyText);
    this.empty.setVisible(this.gallery.size === 0);
  }
}
