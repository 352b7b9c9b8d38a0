// @vitest-environment jsdom
import { getAllByRole, getByRole, getByText, isInaccessible, queryByRole, within } from '@testing-library/dom';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { h } from '../../src/ui/dom.ts';
import { browserFilterMemory, FILTER_STORAGE_KEY, type FilterMemory } from '../../src/ui/picker-filter-memory.ts';
import { renderPicker } from '../../src/ui/picker.ts';
import { catalogWith } from '../helpers.ts';

/** Three ITIL scenarios (one of each difficulty), then an intermediate Freshdesk one and an intermediate MIT one. */
const SCENARIOS = ['acme-chemical', 'acme-email-side-bridge', 'datacentre-continuity', 'freshdesk-hosting-outage', 'mit-sev1-urgent-response'];
const TITLES = {
  acme: 'Acme Chemical: the bridge nobody is running',
  sideBridge: 'Acme e-mail side bridge: one incident or two?',
  datacentre: 'DC-East: running out of time',
  freshdesk: 'Kestrel claims portal: from Freshdesk ticket to Teams call',
  mit: "Registration day: a Severity 1 in the service owner's hands",
};

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  window.sessionStorage.clear();
});
afterEach(() => document.body.replaceChildren());

function mountPicker(filterMemory?: FilterMemory) {
  const picker = renderPicker(catalogWith(SCENARIOS), {
    navigate: vi.fn(),
    author: vi.fn(),
    opened: [],
    openFile: h('section', {}, 'Open a scenario file'),
    history: h('section', {}, 'History'),
    inProgress: new Set(),
    needsAttention: h('section', { attrs: { 'aria-label': 'Needs attention' } }, 'Needs attention'),
    ...(filterMemory ? { filterMemory } : {}),
  });
  document.body.append(picker);
  const filters = getByRole(picker, 'group', { name: 'Filter scenarios' });
  return {
    picker,
    difficulty: getByRole(filters, 'group', { name: 'Difficulty' }),
    playbook: getByRole(filters, 'group', { name: 'Playbook' }),
    count: getByRole(picker, 'status'),
    shownTitles: () => (queryByRole(picker, 'list', { name: 'Scenarios' }) ? getAllByRole(getByRole(picker, 'list', { name: 'Scenarios' }), 'heading', { level: 2 }).map((heading) => heading.textContent) : []),
  };
}

const press = (group: HTMLElement, name: string) => getByRole(group, 'button', { name }).click();
const pressed = (group: HTMLElement) => within(group).queryAllByRole('button', { pressed: true }).map((button) => button.textContent);

describe('the scenario filters', () => {
  it('offers each difficulty and, by their names, the playbooks the scenarios use, none pressed at first', () => {
    const { difficulty, playbook, count, shownTitles } = mountPicker();
    expect(within(difficulty).getAllByRole('button').map((button) => [button.textContent, button.getAttribute('aria-pressed')])).toEqual([
      ['Introductory', 'false'],
      ['Intermediate', 'false'],
      ['Advanced', 'false'],
    ]);
    expect(within(playbook).getAllByRole('button').map((button) => button.textContent)).toEqual([
      'Incident Management with Freshdesk and Microsoft Teams',
      'ITIL Major Incident Management',
      'MIT IS&T Problem Response',
    ]);
    expect(shownTitles()).toHaveLength(5);
    expect(count.textContent).toBe('5 of 5 scenarios');
    expect(count.getAttribute('aria-live')).toBe('polite');
  });

  it('widens within a group, narrows across groups, and counts what is shown', () => {
    const { difficulty, playbook, count, shownTitles } = mountPicker();
    press(difficulty, 'Intermediate');
    expect(shownTitles()).toEqual([TITLES.acme, TITLES.freshdesk, TITLES.mit]);
    expect(count.textContent).toBe('3 of 5 scenarios');

    press(difficulty, 'Advanced');
    expect(pressed(difficulty)).toEqual(['Intermediate', 'Advanced']);
    expect(shownTitles()).toEqual([TITLES.acme, TITLES.datacentre, TITLES.freshdesk, TITLES.mit]);

    press(playbook, 'ITIL Major Incident Management');
    expect(shownTitles()).toEqual([TITLES.acme, TITLES.datacentre]);
    expect(count.textContent).toBe('2 of 5 scenarios');

    press(difficulty, 'Intermediate');
    expect(shownTitles()).toEqual([TITLES.datacentre]);
    expect(count.textContent).toBe('1 of 5 scenarios');
  });

  it('shows an empty state when nothing matches, and "Clear filters" brings every card back', () => {
    const { picker, difficulty, playbook, count, shownTitles } = mountPicker();
    press(difficulty, 'Introductory');
    press(playbook, 'MIT IS&T Problem Response');
    expect(shownTitles()).toEqual([]);
    expect(count.textContent).toBe('0 of 5 scenarios');
    const emptyState = getByText(picker, 'No scenarios match these filters.');
    expect(isInaccessible(emptyState)).toBe(false);

    const clear = getAllByRole(picker, 'button', { name: 'Clear filters' });
    expect(clear).toHaveLength(1);
    expect(emptyState.parentElement!.contains(clear[0]!)).toBe(true);
    clear[0]!.click();
    expect(shownTitles()).toHaveLength(5);
    expect(count.textContent).toBe('5 of 5 scenarios');
    expect([...pressed(difficulty), ...pressed(playbook)]).toEqual([]);
    expect(queryByRole(picker, 'button', { name: 'Clear filters' })).toBeNull();
    expect(isInaccessible(emptyState)).toBe(true);
    expect(document.activeElement).toBe(getByRole(difficulty, 'button', { name: 'Introductory' }));
  });

  it('offers "Clear filters" beside the count only while a filter is on', () => {
    const { picker, difficulty, shownTitles } = mountPicker();
    expect(queryByRole(picker, 'button', { name: 'Clear filters' })).toBeNull();
    press(difficulty, 'Advanced');
    getByRole(picker, 'button', { name: 'Clear filters' }).click();
    expect(shownTitles()).toHaveLength(5);
  });

  it('keeps the other sections of the picker in their places', () => {
    const { picker } = mountPicker();
    const offer = getByRole(picker, 'link', { name: 'Open a scenario file' });
    const filters = getByRole(picker, 'group', { name: 'Filter scenarios' });
    const cards = getByRole(picker, 'list', { name: 'Scenarios' });
    const attention = getByRole(picker, 'region', { name: 'Needs attention' });
    const following = (a: Node, b: Node) => Boolean(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    expect(following(offer, filters) && following(filters, cards) && following(cards, attention)).toBe(true);
    expect(following(attention, within(picker).getByText('History'))).toBe(true);
  });

  it('shows each card with its title, summary, difficulty, time and playbook, and the objectives folded', () => {
    const { picker } = mountPicker();
    const card = getByRole(picker, 'article', { name: TITLES.freshdesk });
    expect(card.textContent).toContain('Intermediate');
    expect(card.textContent).toContain('About 30 min');
    expect(card.textContent).toContain('Playbook: Incident Management with Freshdesk and Microsoft Teams');
    expect(card.querySelector('.summary')?.textContent).toMatch(/\S/);
    expect(card.querySelector('details.card-objectives summary')?.textContent).toBe('Learning objectives (6)');
    expect(getByRole(card, 'link', { name: `Open briefing: ${TITLES.freshdesk}` })).toBeTruthy();
  });
});

describe('keeping the filters', () => {
  it('writes them into the address and the tab, keeping other parameters, and drops them when cleared', () => {
    window.history.replaceState(null, '', '/?lang=en');
    const { difficulty, playbook } = mountPicker();
    press(difficulty, 'Advanced');
    press(playbook, 'ITIL Major Incident Management');
    expect(window.location.search).toBe('?lang=en&difficulty=advanced&playbook=itil-major-incident');
    expect(JSON.parse(window.sessionStorage.getItem(FILTER_STORAGE_KEY)!)).toEqual({ difficulties: ['advanced'], playbooks: ['itil-major-incident'] });

    press(difficulty, 'Advanced');
    press(playbook, 'ITIL Major Incident Management');
    expect(window.location.search).toBe('?lang=en');
    expect(window.sessionStorage.getItem(FILTER_STORAGE_KEY)).toBeNull();
  });

  it('reads them from the address, as after a reload or from a shared link', () => {
    window.history.replaceState(null, '', '/?difficulty=intermediate&difficulty=advanced&playbook=itil-major-incident');
    const { difficulty, playbook, count, shownTitles } = mountPicker();
    expect(pressed(difficulty)).toEqual(['Intermediate', 'Advanced']);
    expect(pressed(playbook)).toEqual(['ITIL Major Incident Management']);
    expect(shownTitles()).toEqual([TITLES.acme, TITLES.datacentre]);
    expect(count.textContent).toBe('2 of 5 scenarios');
  });

  it('brings them back from the tab when the address has none, as "All scenarios" does, and writes them into the address', () => {
    const first = mountPicker();
    press(first.playbook, 'MIT IS&T Problem Response');
    document.body.replaceChildren();
    window.history.replaceState(null, '', '/');

    const again = mountPicker();
    expect(pressed(again.playbook)).toEqual(['MIT IS&T Problem Response']);
    expect(again.shownTitles()).toEqual([TITLES.mit]);
    expect(window.location.search).toBe('?playbook=mit-ist-problem-response');
  });

  it('lets the address win over the tab', () => {
    window.sessionStorage.setItem(FILTER_STORAGE_KEY, JSON.stringify({ difficulties: ['introductory'], playbooks: [] }));
    window.history.replaceState(null, '', '/?difficulty=advanced');
    const { difficulty } = mountPicker();
    expect(pressed(difficulty)).toEqual(['Advanced']);
  });

  it('ignores choices it does not offer, instead of hiding every card behind them', () => {
    window.history.replaceState(null, '', '/?difficulty=legendary&playbook=gone');
    const { picker, count } = mountPicker();
    expect(count.textContent).toBe('5 of 5 scenarios');
    expect(queryByRole(picker, 'button', { pressed: true })).toBeNull();
    expect(window.location.search).toBe('');
  });

  it('never rewrites a deep link to a scenario', () => {
    window.sessionStorage.setItem(FILTER_STORAGE_KEY, JSON.stringify({ difficulties: ['advanced'], playbooks: [] }));
    window.history.replaceState(null, '', '/?scenario=acme-chemical');
    const { difficulty } = mountPicker();
    expect(pressed(difficulty)).toEqual(['Advanced']);
    press(difficulty, 'Introductory');
    expect(window.location.search).toBe('?scenario=acme-chemical');
  });

  it('still filters when the tab refuses storage', () => {
    const refusing: FilterMemory = browserFilterMemory({
      location: window.location,
      history: window.history,
      get sessionStorage(): Storage {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    } as Window);
    const { difficulty, count } = mountPicker(refusing);
    press(difficulty, 'Advanced');
    expect(count.textContent).toBe('1 of 5 scenarios');
    expect(window.location.search).toBe('?difficulty=advanced');
  });
});
