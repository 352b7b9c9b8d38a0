import type { AppStore, PlayState } from '../../app/store.ts';
import type { CompiledScenario } from '../../core/scenario/compiled.ts';
import { replaceChildren } from '../dom.ts';

/** What every HUD renderer returns: its element, to place anywhere, and a way to stop listening to the store. */
export interface HudPanel {
  readonly element: HTMLElement;
  dispose(): void;
}

/** The inside of a panel for one compiled scenario. `update` runs on every store change and must change the DOM in place. */
export interface PlayView {
  readonly element: HTMLElement;
  update(play: PlayState): void;
}

/**
 * Keeps `element` showing a view of the session in play. The view is built once per scenario and then
 * only updated, so the clock ticking never rebuilds a form or moves the trainee's focus.
 */
export function mountPlayView(store: AppStore, element: HTMLElement, build: (play: PlayState) => PlayView): HudPanel {
  let view: PlayView | null = null;
  let builtFor: CompiledScenario | null = null;
  let shown: PlayState | null | undefined;

  const render = (play: PlayState | null): void => {
    if (play === shown) return;
    shown = play;
    if (!play) {
      view = null;
      builtFor = null;
      replaceChildren(element);
      element.hidden = true;
      return;
    }
    if (!view || play.compiled !== builtFor) {
      builtFor = play.compiled;
      view = build(play);
      replaceChildren(element, view.element);
      element.hidden = false;
    }
    view.update(play);
  };

  render(store.getState().play);
  const unsubscribe = store.subscribe((state) => render(state.play));
  return {
    element,
    dispose() {
      unsubscribe();
    },
  };
}
