import { h } from './dom.ts';

/** How many recent announcements stay in the live region; older ones are dropped. */
const KEEP = 3;

export interface Announcer {
  readonly element: HTMLElement;
  announce(text: string): void;
}

/** A visually hidden, polite live region: screen readers read each new message once, when it is added. */
export function createAnnouncer(): Announcer {
  const element = h('div', { class: 'sr-only', attrs: { 'aria-live': 'polite', 'aria-relevant': 'additions text', 'data-testid': 'announcer' } });
  return {
    element,
    announce(text) {
      element.appendChild(h('p', {}, text));
      while (element.childElementCount > KEEP && element.firstChild) element.removeChild(element.firstChild);
    },
  };
}
