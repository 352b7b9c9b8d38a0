import type { AppStore, PlayState } from '../../app/store.ts';
import type { CompiledScenario } from '../../core/scenario/compiled.ts';
import { createAnnouncer } from '../announcer.ts';
import { createCaptions } from '../captions.ts';
import { h, replaceChildren } from '../dom.ts';
import type { GameLoader } from '../play-screen.ts';

export interface ProjectorStage {
  readonly element: HTMLElement;
  dispose(): void;
}

/**
 * The room's call on the wall: the call scene of the host's replica, drawn from the app store's `play`, and the
 * captions under it at presentation size. The projector only watches; nothing here acts on the bridge.
 */
export function createProjectorStage(store: AppStore, compiled: CompiledScenario, loadGame: GameLoader | undefined): ProjectorStage {
  const announcer = createAnnouncer();
  const captions = createCaptions(compiled, announcer, store.getState().play?.mode ?? 'coach');
  const stage = h('div', { class: 'stage pj-call', attrs: { 'aria-hidden': 'true' } });
  let game: { destroy(): void } | null = null;
  let disposed = false;
  if (loadGame) {
    loadGame(stage)
      .then((mounted) => (disposed ? mounted.destroy() : (game = mounted)))
      .catch(() => {
        replaceChildren(stage, h('p', { class: 'stage-fallback' }, 'The call view could not start in this browser; the captions still carry every line.'));
        stage.removeAttribute('aria-hidden');
      });
  }
  const element = h('div', { class: 'play pj-stage' }, h('div', { class: 'pj-call-frame' }, stage), captions.element, announcer.element);
  let shown: PlayState['sim'] | null = null;
  const render = (play: PlayState | null) => {
    if (!play || play.sim === shown) return;
    shown = play.sim;
    captions.update(play.sim);
  };
  render(store.getState().play);
  const unsubscribe = store.subscribe((state) => render(state.play));
  return {
    element,
    dispose() {
      disposed = true;
      unsubscribe();
      captions.dispose();
      game?.destroy();
    },
  };
}
