import { CALL_STOPPING } from '../call-events.ts';
import { Core, GameObjects, Scale, Scene, Scenes } from 'phaser';
import type { PlayState } from '../../app/store.ts';
import type { BridgeContext } from '../bridge-context.ts';
import { FramePacer } from '../frame-pacer.ts';
import type { Rect } from '../gallery-layout.ts';
import { headerView } from '../header-view.ts';
import { CallHeader } from '../objects/CallHeader.ts';
import { Gallery } from '../objects/Gallery.ts';
import { createSharedTextures } from '../objects/shared-textures.ts';
import { stageLayout } from '../stage-layout.ts';
import { textStyle } from '../text-style.ts';
import { TEXT_COLOURS } from '../theme.ts';
import { departureLabel, tileViews } from '../tile-view.ts';
import { isolateText } from '../../core/text/bidi.ts';

/** The call: bridge tabs, head count and clock above a gallery of the viewed bridge's participants. */
export class Bridge extends Scene {
  private header!: CallHeader;
  private gallery!: Gallery;
  private empty!: GameObjects.Text;
  private backdrop!: GameObjects.Zone;
  /** The play state last drawn; a store change that touches nothing drawn is ignored. */
  private drawn: PlayState | null = null;
  private castIndex: ReadonlyMap<string, number> = new Map();
  private pacer!: FramePacer;

  constructor(private readonly context: BridgeContext) {
    super('Bridge');
  }

  create(): void {
    const { store, intents, parent, reducedMotion } = this.context;
    createSharedTextures(this);
    this.pacer = new FramePacer(this.game.loop);
    this.backdrop = this.add.zone(0, 0, 1, 1).setOrigin(0, 0).setInteractive();
    this.backdrop.on('pointerup', () => {
      if (this.drawn?.focusedParticipant) intents.focusParticipant(null);
    });
    this.header = new CallHeader(this, (bridge) => {
      if (bridge !== this.drawn?.viewedBridge) intents.viewBridge(bridge);
    });
    this.empty = this.add.text(0, 0, '', textStyle({ size: 16, weight: '500' }, TEXT_COLOURS.textMuted)).setOrigin(0.5, 0.5).setAlign('center');
    this.gallery = new Gallery(this, {
      reducedMotion,
      onSelect: (participant) => intents.focusParticipant(this.drawn?.focusedParticipant === participant ? null : participant),
      onCount: (count) => {
        parent.dataset.tiles = String(count);
      },
      onTileWidth: (width) => {
        parent.dataset.tileWidth = String(width);
      },
      onCutNames: (count) => {
        parent.dataset.cutNames = String(count);
      },
      onBounds: (bounds) => {
        parent.dataset.tileBounds = this.cssRect(bounds);
      },
    });

    this.layout();
    const play = store.getState().play;
    if (play) this.draw(play);
    const unsubscribe = store.subscribe((state) => {
      if (state.play) this.draw(state.play);
    });
    // Phaser shuts the scene down only on its next step; a store change before then must not reach a dying scene.
    this.game.events.once(CALL_STOPPING, unsubscribe);
    this.scale.on(Scale.Events.RESIZE, this.onResize, this);
    this.events.once(Scenes.Events.SHUTDOWN, () => {
      unsubscribe();
      this.scale.off(Scale.Events.RESIZE, this.onResize, this);
      this.gallery.destroy();
    });
    this.game.events.once(Core.Events.POST_RENDER, () => {
      parent.dataset.ready = 'true';
    });
  }

  override update(time: number): void {
    const still = this.context.reducedMotion || this.drawn?.paused === true;
    this.gallery.animate(time, still);
    this.empty.setVisible(this.gallery.size === 0);
    this.pacer.set(this.gallery.moving ? 'smooth' : this.gallery.needsFrames(still) ? 'meters' : 'idle');
  }

  private onResize(): void {
    this.layout();
    this.pacer.wake();
  }

  /** Lays everything out for the canvas size, in device pixels. */
  private layout(): void {
    const dpr = this.context.dpr();
    const { width, height } = this.scale;
    const stage = stageLayout(width, height, dpr);
    this.backdrop.setSize(width, height);
    this.header.setPosition(stage.header.x, stage.header.y);
    this.header.resize(stage.header.width, stage.header.height, dpr);
    this.context.parent.dataset.galleryArea = this.cssRect(stage.gallery);
    this.gallery.resize(stage.gallery, stage.gap, dpr);
    this.empty.setFontSize(stage.emptyFontSize);
    this.empty.setPosition(stage.emptyX, stage.emptyY);
  }

  /** "x y width height" in CSS pixels, for the data attributes end-to-end tests read; empty for none. */
  private cssRect(rect: Rect | null): string {
    if (!rect) return '';
    const dpr = this.context.dpr();
    return [rect.x, rect.y, rect.width, rect.height].map((value) => Math.round((value / dpr) * 10) / 10).join(' ');
  }

  private draw(play: PlayState): void {
    const before = this.drawn;
    if (before && before.sim === play.sim && before.viewedBridge === play.viewedBridge && before.focusedParticipant === play.focusedParticipant && before.paused === play.paused && before.speed === play.speed) return;
    this.drawn = play;
    if (!before || before.compiled !== play.compiled) {
      this.castIndex = new Map(play.compiled.scenario.cast.map((participant, index) => [participant.id, index]));
    }
    this.header.show(headerView(play));
    const sameBridge = before !== null && before.viewedBridge === play.viewedBridge && before.compiled === play.compiled;
    const views = tileViews(play);
    this.gallery.show(views, this.castIndex, sameBridge, (id) => departureLabel(play, id));
    const bridgeName = play.compiled.bridges.get(play.viewedBridge)?.name ?? play.viewedBridge;
    const emptyText = views.length === 0 ? `Nobody is on ${isolateText(bridgeName)} yet.` : '';
    if (this.empty.text !== emptyText) this.empty.setText(emptyText);
    this.pacer.wake();
  }
}
