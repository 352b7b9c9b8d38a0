import type { Assignment } from '../app/account-types.ts';
import { besideBundled, type Catalog, type CatalogScenario } from '../app/catalog.ts';
import type { AppStore } from '../app/store.ts';
import { finishedAtIso, finishedAtText } from './debrief/format.ts';
import { h } from './dom.ts';
import { liveSection, type LiveSection } from './live.ts';
import { linkTo, navigateOnClick, type Navigate } from './router.ts';

/** The scenario an assignment names, when this browser can play it: that exact version first, else the same id. */
export function playableFor(assignment: Assignment, installed: readonly CatalogScenario[]): { entry: CatalogScenario; exact: boolean } | undefined {
  const exact = installed.find((entry) => entry.sha256.scenario === assignment.scenario.sha256);
  if (exact) return { entry: exact, exact: true };
  const same = installed.find((entry) => entry.scenario.id === assignment.scenario.id);
  return same ? { entry: same, exact: false } : undefined;
}

/** "Assigned to you" on the picker: what the trainee's cohorts assigned, with due dates and what is done. Signed in, with something assigned, only. */
export function renderAssignments(store: AppStore, catalog: Catalog, navigate: Navigate, now: () => number): LiveSection {
  return liveSection(
    store,
    h('div', { class: 'assigned-slot' }),
    (state) => [state.assignments, state.account.status, state.published, state.opened],
    (state) => {
      const list = state.assignments;
      if (state.account.status !== 'signed-in' || !list) return null;
      const installed = [...catalog.scenarios, ...besideBundled(state)];
      const due = sortedByDue(list.items);
      // Nothing assigned: no panel at all, so a trainee outside any cohort sees the picker as it always was.
      if (list.status === 'ready' && due.length === 0) return null;
      return h(
        'section',
        { class: 'panel assigned', attrs: { 'aria-labelledby': 'assigned-heading' } },
        h('h2', { attrs: { id: 'assigned-heading', tabindex: '-1', 'data-focus-fallback': '' } }, 'Assigned to you'),
        list.status === 'loading' && due.length === 0 ? h('p', { class: 'list-loading', attrs: { role: 'status' } }, 'Loading your assignments…') : null,
        list.status === 'failed' ? h('p', { class: 'list-problem', attrs: { role: 'status' } }, list.error ?? 'Your assignments could not be loaded.') : null,
        due.length > 0 ? h('ul', { class: 'assigned-list', attrs: { 'aria-labelledby': 'assigned-heading' } }, ...due.map((item) => renderAssignment(item, installed, navigate, now()))) : null,
      );
    },
  );
}

/** Open ones first, the soonest due first; done ones after. */
function sortedByDue(items: readonly Assignment[]): Assignment[] {
  const due = (item: Assignment) => (item.dueAt === null ? Infinity : (Date.parse(item.dueAt) ?? Infinity));
  return [...items].sort((a, b) => Number(a.done) - Number(b.done) || due(a) - due(b) || a.scenario.title.localeCompare(b.scenario.title));
}

function renderAssignment(item: Assignment, installed: readonly CatalogScenario[], navigate: Navigate, now: number): HTMLElement {
  const dueMs = item.dueAt === null ? null : Date.parse(item.dueAt);
  const overdue = !item.done && dueMs !== null && Number.isFinite(dueMs) && dueMs < now;
  const playable = playableFor(item, installed);
  const title = item.scenario.title;
  const headingId = `assigned-${item.id}`;
  const when =
    dueMs === null || !Number.isFinite(dueMs)
      ? h('span', { class: 'assigned-due' }, 'No due date')
      : h('span', { class: `assigned-due${overdue ? ' is-overdue' : ''}` }, overdue ? 'Was due ' : 'Due ', h('time', { attrs: { datetime: finishedAtIso(dueMs) } }, finishedAtText(dueMs)));
  const state = item.done
    ? h('span', { class: 'chip assigned-done' }, h('span', { attrs: { 'aria-hidden': 'true' } }, '✓ '), 'Done')
    : overdue
      ? h('span', { class: 'chip assigned-overdue' }, 'Overdue')
      : h('span', { class: 'chip' }, 'To do');
  const action = playable
    ? navigateOnClick(
        h('a', { class: `button ${item.done ? 'subtle' : 'primary'}`, attrs: { href: linkTo(playable.entry.scenario.id), 'data-focus': `assignment:${item.id}`, 'aria-label': `${item.done ? 'Play again' : 'Open scenario'}: ${title}` } }, item.done ? 'Play again' : 'Open scenario'),
        () => navigate(playable.entry.scenario.id),
      )
    : h('p', { class: 'assigned-missing' }, 'This scenario is not available in this browser yet. Reload the page, or ask your instructor to publish it.');
  return h(
    'li',
    { class: `assigned-item${overdue ? ' is-overdue' : ''}${item.done ? ' is-done' : ''}`, attrs: { 'aria-labelledby': headingId } },
    h(
      'div',
      { class: 'assigned-main' },
      h('h3', { attrs: { id: headingId } }, title),
      h('p', { class: 'assigned-meta' }, h('span', {}, `Cohort: ${item.cohortName}`), when, state),
      playable && !playable.exact ? h('p', { class: 'assigned-note' }, `Assigned: version ${item.scenario.version}. This browser has version ${playable.entry.scenario.version}.`) : null,
    ),
    action,
  );
}
