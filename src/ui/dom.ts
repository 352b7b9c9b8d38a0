import { hasBidiControl, isolateText } from '../core/text/bidi.ts';

/**
 * A tiny element builder. Text always goes in through text nodes, never as markup,
 * so scenario text (which may contain anything, including HTML) shows exactly as written.
 */
export type Child = Node | string | number | null | undefined | false;

export interface Props {
  readonly class?: string;
  readonly attrs?: Readonly<Record<string, string | undefined>>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: readonly Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (props.class) element.className = props.class;
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (value !== undefined) element.setAttribute(name, value);
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' || typeof child === 'number' ? textNode(parent, String(child)) : child);
  }
}

/** Elements whose text is their value or label, where no element can go inside. */
const TEXT_ONLY = new Set(['OPTION', 'TEXTAREA', 'TITLE', 'STYLE', 'SCRIPT']);

/**
 * Text as a node. Text that carries a bidi override, embedding or isolate of its own is isolated, so
 * however it was built (a name inside a sentence, a line a trainee typed), it cannot reorder what follows.
 */
function textNode(parent: Node, text: string): Node {
  if (!hasBidiControl(text)) return document.createTextNode(text);
  if (parent instanceof Element && TEXT_ONLY.has(parent.tagName)) return document.createTextNode(parent.tagName === 'OPTION' ? isolateText(text) : text);
  return bdi(text);
}

/** Replaces all of an element's children. */
export function replaceChildren(parent: Element, ...children: readonly Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

/** Whether the person has asked for less motion. False where the query is not available (tests, old browsers). */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * Text from a scenario, a log or a person, isolated from the text around it: a right-to-left override
 * or an unmatched isolate inside it cannot reorder the labels and lines that follow.
 */
export function bdi(text: string): HTMLElement {
  const isolated = document.createElement('bdi');
  isolated.textContent = text;
  return isolated;
}
