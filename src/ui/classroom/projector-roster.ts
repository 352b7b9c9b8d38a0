import type { NameCheck, RosterSeat } from '../../app/classroom/host-state.ts';
import { bdi, h, replaceChildren } from '../dom.ts';

export interface RosterIntents {
  remove(seatId: string): void;
  /** Sends the new name when it passes the check; the check's answer either way. */
  rename(seatId: string, name: string): NameCheck;
  /** Asks before a removal; the page passes the browser's confirm. */
  confirm(text: string): boolean;
}

export interface Roster {
  readonly element: HTMLElement;
  update(seats: readonly RosterSeat[]): void;
}

interface Row {
  readonly element: HTMLLIElement;
  readonly name: HTMLElement;
  readonly state: HTMLElement;
  seat: RosterSeat;
}

/**
 * The names in the room, as they join: each with Rename (checked here first, for an answer at once) and Remove.
 * Rows are kept by seat, so a roster update never throws away a rename being typed.
 */
export function createRoster(intents: RosterIntents): Roster {
  const list = h('ol', { class: 'pj-roster', attrs: { 'aria-label': 'Trainees in the room' } });
  const rows = new Map<string, Row>();

  const makeRow = (seat: RosterSeat): Row => {
    const name = h('span', { class: 'pj-roster-name' });
    const state = h('span', { class: 'pj-roster-state' });
    const renameButton = h('button', { class: 'button ghost small', attrs: { type: 'button' } }, 'Rename');
    const removeButton = h('button', { class: 'button ghost small pj-remove', attrs: { type: 'button' } }, 'Remove');
    const tools = h('span', { class: 'pj-roster-tools' }, renameButton, removeButton);
    const element = h('li', { class: 'pj-roster-row' }, name, state, tools);
    const row: Row = { element, name, state, seat };
    renameButton.addEventListener('click', () => openRename(row, tools));
    removeButton.addEventListener('click', () => {
      if (intents.confirm(`Remove ${row.seat.name} from the classroom? Their seat and its actions are dropped.`)) intents.remove(row.seat.seatId);
    });
    return row;
  };

  const openRename = (row: Row, tools: HTMLElement) => {
    const input = h('input', { class: 'pj-rename-input', attrs: { type: 'text', 'aria-label': `New name for ${row.seat.name}`, maxlength: '80', autocomplete: 'off' } });
    input.value = row.seat.name;
    const error = h('p', { class: 'form-error pj-rename-error', attrs: { role: 'alert' } });
    const save = h('button', { class: 'button primary small', attrs: { type: 'submit' } }, 'Save');
    const cancel = h('button', { class: 'button ghost small', attrs: { type: 'button' } }, 'Cancel');
    const form = h('form', { class: 'pj-rename' }, input, save, cancel, error);
    const close = () => {
      form.replaceWith(tools);
      row.name.hidden = false;
    };
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const checked = intents.rename(row.seat.seatId, input.value);
      if (checked.ok) {
        row.name.replaceChildren(bdi(checked.name));
        close();
      } else {
        error.textContent = checked.message;
        input.setAttribute('aria-invalid', 'true');
      }
    });
    cancel.addEventListener('click', close);
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        event.stopPropagation();
        close();
      }
    });
    row.name.hidden = true;
    tools.replaceWith(form);
    input.focus();
    input.select();
  };

  const paint = (row: Row) => {
    row.name.replaceChildren(bdi(row.seat.name));
    row.state.textContent = row.seat.connected ? '' : 'away';
    row.element.classList.toggle('is-away', !row.seat.connected);
  };

  return {
    element: list,
    update(seats) {
      const seen = new Set<string>();
      seats.forEach((seat, index) => {
        seen.add(seat.seatId);
        let row = rows.get(seat.seatId);
        if (!row) {
          row = makeRow(seat);
          rows.set(seat.seatId, row);
        }
        row.seat = seat;
        if (!row.element.querySelector('.pj-rename')) paint(row);
        if (list.children[index] !== row.element) list.insertBefore(row.element, list.children[index] ?? null);
      });
      for (const [seatId, row] of rows) {
        if (seen.has(seatId)) continue;
        row.element.remove();
        rows.delete(seatId);
      }
      if (seats.length === 0) replaceChildren(list);
    },
  };
}
