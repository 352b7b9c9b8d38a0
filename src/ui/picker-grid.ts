import type { CatalogScenario } from '../app/catalog.ts';
import { DIFFICULTIES } from '../core/scenario/schema.ts';
import { bdi, h, type Child } from './dom.ts';
import { difficultyLabel } from './labels.ts';
import type { FilterMemory } from './picker-filter-memory.ts';
import { countLabel, hasFilters, matchesFilters, NO_FILTERS, playbookOptions, toggled, withKnownChoices, type PickerFilters } from './picker-filters.ts';

export interface ScenarioGridOptions {
  readonly entries: readonly CatalogScenario[];
  readonly renderCard: (entry: CatalogScenario) => HTMLElement;
  readonly memory: FilterMemory;
}

interface Toggle {
  readonly group: keyof PickerFilters;
  readonly value: string;
  readonly button: HTMLButtonElement;
}

/**
 * The playable scenarios as a grid of cards under filters by difficulty and by playbook: toggle buttons in
 * labelled groups, "N of M scenarios" in a polite live region, and "Clear filters" when nothing matches.
 * Filtering hides cards rather than drawing them again, so a card keeps its open details.
 */
export function renderScenarioGrid({ entries, renderCard, memory }: ScenarioGridOptions): HTMLElement {
  if (entries.length === 0) return h('p', { class: 'empty' }, 'No playable scenarios were found.');
  const allPlaybooks = playbookOptions(entries);
  // One playbook for every card is nothing to choose between.
  const playbooks = allPlaybooks.length > 1 ? allPlaybooks : [];
  let filters = withKnownChoices(memory.read(), playbooks);

  const cards = entries.map((entry) => ({ entry, item: h('li', {}, renderCard(entry)) }));
  const list = h('ul', { class: 'cards', attrs: { 'aria-label': 'Scenarios' } }, ...cards.map(({ item }) => item));
  const count = h('p', { class: 'filter-count', attrs: { role: 'status', 'aria-live': 'polite' } });

  const toggles: Toggle[] = [];
  const toggle = (group: keyof PickerFilters, value: string, ...label: Child[]): HTMLButtonElement => {
    const button = h('button', { class: 'filter-toggle', attrs: { type: 'button', 'aria-pressed': 'false' } }, ...label);
    button.addEventListener('click', () => change(toggled(filters, group, value)));
    toggles.push({ group, value, button });
    return button;
  };
  const clearButton = (className: string): HTMLButtonElement => {
    const button = h('button', { class: className, attrs: { type: 'button' } }, 'Clear filters');
    // The button goes away with the filters, so the keyboard goes back to the first filter.
    button.addEventListener('click', () => {
      change(NO_FILTERS);
      toggles[0]?.button.focus();
    });
    return button;
  };

  const difficultyGroup = filterGroup(
    'difficulty',
    'Difficulty',
    DIFFICULTIES.map((difficulty) => toggle('difficulties', difficulty, h('span', { class: `filter-dot difficulty-${difficulty}`, attrs: { 'aria-hidden': 'true' } }), difficultyLabel(difficulty))),
  );
  const playbookGroup = playbooks.length > 0 ? filterGroup('playbook', 'Playbook', playbooks.map((option) => toggle('playbooks', option.id, bdi(option.title)))) : null;
  const barClear = clearButton('button subtle small filter-clear');
  const filterBar = h('div', { class: 'picker-filters', attrs: { role: 'group', 'aria-label': 'Filter scenarios' } }, difficultyGroup, playbookGroup);
  const summary = h('div', { class: 'filter-summary' }, count, barClear);
  const empty = h(
    'div',
    { class: 'filter-empty' },
    h('p', { class: 'filter-empty-title' }, 'No scenarios match these filters.'),
    h('p', { class: 'filter-empty-hint' }, `Choose another difficulty or playbook, or clear the filters to see all ${entries.length}.`),
    clearButton('button primary'),
  );

  const update = () => {
    for (const { group, value, button } of toggles) button.setAttribute('aria-pressed', String(filters[group].some((chosen) => chosen === value)));
    let shown = 0;
    for (const { entry, item } of cards) {
      const match = matchesFilters(entry, filters);
      item.hidden = !match;
      if (match) shown += 1;
    }
    count.textContent = countLabel(shown, entries.length);
    list.hidden = shown === 0;
    empty.hidden = shown > 0;
    // When nothing matches, the empty state's own button is the one to offer.
    barClear.hidden = !hasFilters(filters) || shown === 0;
  };
  const change = (next: PickerFilters) => {
    filters = next;
    memory.write(filters);
    update();
  };

  // The address and the tab's memory say what is on screen, also when an unknown choice was dropped.
  memory.write(filters);
  update();
  return h('div', { class: 'scenario-grid' }, filterBar, summary, list, empty);
}

function filterGroup(name: string, label: string, buttons: readonly HTMLButtonElement[]): HTMLElement {
  const labelId = `picker-filter-${name}`;
  return h(
    'div',
    { class: 'filter-group', attrs: { role: 'group', 'aria-labelledby': labelId } },
    h('span', { class: 'filter-label', attrs: { id: labelId } }, label),
    h('div', { class: 'filter-options' }, ...buttons),
  );
}
