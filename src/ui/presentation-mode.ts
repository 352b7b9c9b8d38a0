import { h } from './dom.ts';
import './presentation.css';

/** On the play screen's root while presentation mode is on; presentation.css keys off it. */
export const PRESENTATION_CLASS = 'is-presentation';

/** The address's say: `present=1` starts the play screen in presentation mode, `present=0` without it. */
export function presentationAsked(search: string): boolean | null {
  const value = new URLSearchParams(search).get('present');
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  return null;
}

/** The last choice made with the toggle on a page, so "Play again" keeps the room's projector set up. */
const chosenOnPage = new WeakMap<Document, boolean>();

/**
 * Whether a play screen opening now starts in presentation mode: as the trainee or instructor last
 * chose on this page, else as the address asks (`/?scenario=ID&present=1`), else not.
 */
export function presentationAtStart(doc: Document): boolean {
  return chosenOnPage.get(doc) ?? presentationAsked(doc.defaultView?.location.search ?? '') ?? false;
}

/**
 * The play bar's "Presentation" toggle: large captions, transcript and controls, readable from the
 * back of a room on a projector. It sets `PRESENTATION_CLASS` on `root` and says so with aria-pressed.
 */
export function createPresentationToggle(root: HTMLElement, on: boolean): HTMLButtonElement {
  const toggle = h('button', { class: 'button ghost small presentation-toggle', attrs: { type: 'button', title: 'Large text for a projector' } }, 'Presentation');
  const show = (next: boolean) => {
    toggle.setAttribute('aria-pressed', String(next));
    root.classList.toggle(PRESENTATION_CLASS, next);
  };
  toggle.addEventListener('click', () => {
    const next = toggle.getAttribute('aria-pressed') !== 'true';
    chosenOnPage.set(toggle.ownerDocument, next);
    show(next);
  });
  show(on);
  return toggle;
}
