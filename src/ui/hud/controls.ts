import { h, replaceChildren, type Child } from '../dom.ts';

let counter = 0;

/** A document-unique id, for tying labels, descriptions and panels to their controls. */
export function uid(prefix: string): string {
  counter += 1;
  return `hud-${prefix}-${counter}`;
}

/** Sets an element's text only when it changed, so updates on every tick leave the DOM alone. */
export function setText(element: Element, text: string): void {
  if (element.textContent !== text) replaceChildren(element, text);
}

export function setAttr(element: Element, name: string, value: string | null): void {
  if (value === null) {
    if (element.hasAttribute(name)) element.removeAttribute(name);
  } else if (element.getAttribute(name) !== value) {
    element.setAttribute(name, value);
  }
}

export function setHidden(element: HTMLElement, hidden: boolean): void {
  if (element.hidden !== hidden) element.hidden = hidden;
}

export function button(label: Child | readonly Child[], options: { readonly class?: string; readonly type?: 'button' | 'submit'; readonly onClick?: () => void } = {}): HTMLButtonElement {
  const element = h('button', { class: `hud-button ${options.class ?? ''}`.trim(), attrs: { type: options.type ?? 'button' } }, ...(Array.isArray(label) ? label : [label]));
  if (options.onClick) element.addEventListener('click', options.onClick);
  return element;
}

export interface Choice {
  readonly value: string;
  readonly label: string;
}

export interface ChoiceGroup {
  readonly label: string;
  readonly choices: readonly Choice[];
}

/**
 * Gives a select these options (flat, or in labelled groups), touching the DOM only when they differ.
 * The selection is kept when its value is still offered; otherwise the first option is selected.
 */
export function syncOptions(select: HTMLSelectElement, options: readonly (Choice | ChoiceGroup)[]): void {
  const key = JSON.stringify(options);
  if (select.dataset.options === key) return;
  select.dataset.options = key;
  const previous = select.value;
  const option = (choice: Choice) => h('option', { attrs: { value: choice.value } }, choice.label);
  select.replaceChildren(
    ...options.map((entry) =>
      'choices' in entry ? h('optgroup', { attrs: { label: entry.label } }, ...entry.choices.map(option)) : option(entry),
    ),
  );
  const values = Array.from(select.options, (item) => item.value);
  select.value = values.includes(previous) ? previous : (values[0] ?? '');
}

export function selectOf(id: string, options: readonly (Choice | ChoiceGroup)[]): HTMLSelectElement {
  const select = h('select', { class: 'hud-input', attrs: { id } });
  syncOptions(select, options);
  return select;
}

/** A label above its control, with an optional hint the control is described by. */
export function field(label: string, control: HTMLElement, hint?: string): HTMLElement {
  const id = control.id || uid('field');
  control.id = id;
  const hintElement = hint ? h('span', { class: 'hud-hint', attrs: { id: `${id}-hint` } }, hint) : null;
  if (hintElement) control.setAttribute('aria-describedby', hintElement.id);
  return h('div', { class: 'hud-field' }, h('label', { attrs: { for: id } }, label), control, hintElement);
}

export function textInput(attrs: Readonly<Record<string, string>> = {}): HTMLInputElement {
  return h('input', { class: 'hud-input', attrs: { type: 'text', id: uid('text'), autocomplete: 'off', ...attrs } });
}

export function textArea(rows: number, attrs: Readonly<Record<string, string>> = {}): HTMLTextAreaElement {
  return h('textarea', { class: 'hud-input', attrs: { id: uid('area'), rows: String(rows), ...attrs } });
}

export function minutesInput(attrs: Readonly<Record<string, string>> = {}): HTMLInputElement {
  return h('input', { class: 'hud-input hud-minutes', attrs: { type: 'number', id: uid('minutes'), min: '1', max: '1440', step: '1', inputmode: 'numeric', ...attrs } });
}

/** Reads a minutes field: undefined when empty, NaN when not a positive number up to a day. */
export function readMinutes(input: HTMLInputElement): number | undefined {
  const text = input.value.trim();
  if (text === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value > 0 && value <= 24 * 60 ? value : Number.NaN;
}

/**
 * Moves `node` into `parent` (before `before`), keeping keyboard focus and any text selection
 * inside it: browsers drop focus from an element that leaves the document, even for a moment.
 */
export function moveKeepingFocus(node: Element, parent: Element, before: Node | null = null): void {
  if (node === before || (node.parentNode === parent && node.nextSibling === before)) return;
  const active = document.activeElement;
  const focused = active instanceof HTMLElement && node.contains(active) ? active : null;
  const selection: readonly [number | null, number | null] | null =
    focused instanceof HTMLInputElement || focused instanceof HTMLTextAreaElement ? [focused.selectionStart, focused.selectionEnd] : null;
  parent.insertBefore(node, before);
  if (focused && document.activeElement !== focused) {
    focused.focus({ preventScroll: true });
    if (selection && (focused instanceof HTMLInputElement || focused instanceof HTMLTextAreaElement)) {
      try {
        focused.setSelectionRange(selection[0], selection[1]);
      } catch {
        // Number inputs have no text selection.
      }
    }
  }
}
