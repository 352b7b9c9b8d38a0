// @vitest-environment jsdom
import { getByRole, getByText, queryByText } from '@testing-library/dom';
import { describe, expect, it } from 'vitest';
import { checkTraineeName } from '../../../src/classroom/trainee-name.ts';
import { createLobby } from '../../../src/ui/classroom/projector-lobby.ts';
import type { RosterIntents } from '../../../src/ui/classroom/projector-roster.ts';
import { hostState } from './projector-fixture.ts';

const seat = (seatId: string, name: string, connected = true) => ({ seatId, name, connected, actions: 0 });

function intents(confirmed = true) {
  const calls: { removed: string[]; renamed: [string, string][] } = { removed: [], renamed: [] };
  const value: RosterIntents = {
    remove: (id) => void calls.removed.push(id),
    rename(id, name) {
      const checked = checkTraineeName(name);
      if (checked.ok) calls.renamed.push([id, checked.name]);
      return checked;
    },
    confirm: () => confirmed,
  };
  return { calls, value };
}

describe('projector lobby', () => {
  it('shows the code, the short join address and a QR code of the join page', async () => {
    const lobby = createLobby(hostState(), intents().value, async (text) => `<svg xmlns="http://www.w3.org/2000/svg"><title>${text}</title></svg>`);
    lobby.update(hostState());
    expect(getByText(lobby.element, 'drill.example/j/ABC234')).toBeTruthy();
    expect(lobby.element.querySelector('.pj-code')?.getAttribute('aria-label')).toBe('Join code A B C 2 3 4');
    const qr = getByRole<HTMLImageElement>(lobby.element, 'img', { name: /QR code of https:\/\/drill.example\/j\/ABC234/ });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(qr.src.startsWith('data:image/svg+xml')).toBe(true);
    expect(getByText(lobby.element, 'Nobody has joined yet')).toBeTruthy();
  });

  it('lists names as they join, with the count and who is away, keeping rows by seat', () => {
    const lobby = createLobby(hostState(), intents().value);
    lobby.update(hostState({ roster: [seat('s1', 'Dana Reyes')] }));
    const first = getByText(lobby.element, 'Dana Reyes').closest('li');
    lobby.update(hostState({ roster: [seat('s1', 'Dana Reyes'), seat('s2', 'Sam Okafor', false)] }));
    expect(getByRole(lobby.element, 'status').textContent).toBe('2 joined · 1 connected');
    expect(getByText(lobby.element, 'Dana Reyes').closest('li')).toBe(first);
    expect(getByText(lobby.element, 'away')).toBeTruthy();
    expect(queryByText(lobby.element, 'Names appear here as people join.')?.hidden ?? true).toBe(true);
  });

  it('removes a name after the confirm, and not without it', () => {
    const yes = intents(true);
    const lobby = createLobby(hostState(), yes.value);
    lobby.update(hostState({ roster: [seat('s1', 'Dana Reyes')] }));
    getByRole(lobby.element, 'button', { name: 'Remove' }).click();
    expect(yes.calls.removed).toEqual(['s1']);
    const no = intents(false);
    const other = createLobby(hostState(), no.value);
    other.update(hostState({ roster: [seat('s1', 'Dana Reyes')] }));
    getByRole(other.element, 'button', { name: 'Remove' }).click();
    expect(no.calls.removed).toEqual([]);
  });

  it('renames with the name checked at once: a refused name says why and is not sent', () => {
    const { calls, value } = intents();
    const lobby = createLobby(hostState(), value);
    document.body.append(lobby.element);
    lobby.update(hostState({ roster: [seat('s1', 'Dana Reyes')] }));
    getByRole(lobby.element, 'button', { name: 'Rename' }).click();
    const input = getByRole<HTMLInputElement>(lobby.element, 'textbox', { name: 'New name for Dana Reyes' });
    input.value = '   ';
    getByRole(lobby.element, 'button', { name: 'Save' }).click();
    expect(getByRole(lobby.element, 'alert').textContent).toBe('Type the name the class will see.');
    expect(calls.renamed).toEqual([]);
    // A roster update while typing keeps the form.
    lobby.update(hostState({ roster: [seat('s1', 'Dana Reyes'), seat('s2', 'Sam Okafor')] }));
    input.value = '  Dana   R. ';
    getByRole(lobby.element, 'button', { name: 'Save' }).click();
    expect(calls.renamed).toEqual([['s1', 'Dana R.']]);
    expect(getByText(lobby.element, 'Dana R.')).toBeTruthy();
    lobby.element.remove();
  });
});
