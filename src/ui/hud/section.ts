import type { AppController } from '../../app/controller.ts';
import type { AppStore, PlayState } from '../../app/store.ts';
import type { CompiledScenario } from '../../core/scenario/compiled.ts';
import { h, type Child } from '../dom.ts';
import { uid } from './controls.ts';

/** What each tab of the action panel is built from. */
export interface TabContext {
  readonly store: AppStore;
  readonly controller: AppController;
  readonly compiled: CompiledScenario;
}

export interface TabContent {
  readonly panel: HTMLElement;
  update(play: PlayState): void;
}

/** A titled block inside a tab, labelled by its heading. */
export function section(title: string, ...children: readonly Child[]): HTMLElement {
  const id = uid('section');
  return h('section', { class: 'hud-section', attrs: { 'aria-labelledby': id } }, h('h3', { attrs: { id } }, title), ...children);
}

export function hint(text: string): HTMLElement {
  return h('p', { class: 'hud-hint' }, text);
}
