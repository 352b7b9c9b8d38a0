import type { Diagnostic } from '../core/diagnostics.ts';
import type { Catalog, CatalogScenario, FileProblem } from '../app/catalog.ts';
import { diagnosticLines } from '../app/catalog.ts';
import { bdi, h } from './dom.ts';
import { clockWindowLabel, difficultyLabel, minutesLabel } from './labels.ts';
import { browserFilterMemory, type FilterMemory } from './picker-filter-memory.ts';
import { renderScenarioGrid } from './picker-grid.ts';
import { runAsClassFor } from './classroom/run-as-class.ts';
import { addressOf, linkTo, navigateOnClick, type Navigate } from './router.ts';
import './picker.css';

export interface PickerOptions {
  readonly navigate: Navigate;
  /** Opens a scenario's authoring view. */
  readonly author: (scenarioId: string) => void;
  /** Scenario files opened in this browser, listed after the bundled ones. */
  readonly opened: readonly CatalogScenario[];
  /** The instructors' "open a scenario file" panel. */
  readonly openFile: HTMLElement;
  /** The trainee's finished attempts, shown under the scenarios. */
  readonly history: HTMLElement;
  /** Scenarios with a session saved part-way through. */
  readonly inProgress: ReadonlySet<string>;
  /** Scenarios an instructor published to the trainee's cohorts (listed among `opened`), labelled as such. */
  readonly published?: ReadonlySet<string>;
  /** "Assigned to you", shown above the scenarios when signed in. */
  readonly assigned?: HTMLElement;
  /** "Carry on from another device", shown above the scenarios when there is something to carry on. */
  readonly carryOn?: HTMLElement;
  /** Opened scenario files kept though they no longer pass the checks, shown under the scenarios. */
  readonly needsAttention?: HTMLElement | null;
  /** Where the scenario filters are kept between visits; by default the address and the tab's sessionStorage. */
  readonly filterMemory?: FilterMemory;
}

/**
 * The scenario list: a grid of cards, one per playable scenario (bundled, then opened files), filtered by
 * difficulty and playbook; opened files that need attention; then any files that could not be loaded.
 */
export function renderPicker(catalog: Catalog, options: PickerOptions): HTMLElement {
  const scenarios = [...catalog.scenarios, ...options.opened];
  return h(
    'section',
    { class: 'picker', attrs: { 'aria-labelledby': 'picker-heading' } },
    h(
      'header',
      { class: 'hero' },
      h('p', { class: 'eyebrow' }, 'Incident command training'),
      h('h1', { attrs: { id: 'picker-heading', tabindex: '-1' } }, 'Choose a scenario'),
      h(
        'p',
        { class: 'lede' },
        'Each scenario puts you in the incident manager’s seat on a noisy conference bridge. Take command: set the priority, tell the right people on time, keep the call under control, escalate when the playbook says so, and report Conditions, Actions and Needs. Every decision is graded against the playbook, and the debrief explains each point.',
      ),
    ),
    options.assigned ?? null,
    options.carryOn ?? null,
    instructorLink(),
    renderScenarioGrid({
      entries: scenarios,
      renderCard: (entry) => renderCard(entry, options, options.inProgress.has(entry.scenario.id)),
      memory: options.filterMemory ?? browserFilterMemory(),
    }),
    options.needsAttention ?? null,
    options.history,
    options.openFile,
    catalog.problems.length > 0 ? renderProblems(catalog.problems) : null,
  );
}

/** A way to "Open a scenario file" from the top of the page, for an instructor who does not know to scroll past every card. */
function instructorLink(): HTMLElement {
  const link = h('a', { class: 'button subtle', attrs: { href: '#open-file-heading' } }, 'Open a scenario file');
  link.addEventListener('click', (event) => {
    event.preventDefault();
    const panel = document.getElementById('open-file-heading')?.closest('section');
    panel?.scrollIntoView?.({ block: 'start' });
    document.getElementById('scenario-file')?.focus();
  });
  return h('p', { class: 'instructor-entry' }, 'Instructor with a scenario of your own? ', link, ' to check it, see its branch graph and play it.');
}

function renderCard(entry: CatalogScenario, options: PickerOptions, inProgress: boolean): HTMLElement {
  const { navigate, author } = options;
  const { scenario } = entry;
  const headingId = `card-${scenario.id}`;
  const action = inProgress ? 'Resume exercise' : 'Open briefing';
  const open = navigateOnClick(h('a', { class: 'button primary', attrs: { href: linkTo(scenario.id), 'aria-label': `${action}: ${scenario.title}` } }, action), () => navigate(scenario.id));
  return h(
    'article',
    { class: 'card', attrs: { 'aria-labelledby': headingId } },
    h(
      'div',
      { class: 'chips' },
      h('span', { class: `chip difficulty difficulty-${scenario.difficulty}` }, difficultyLabel(scenario.difficulty)),
      h('span', { class: 'chip' }, minutesLabel(scenario.estimatedMinutes)),
      inProgress ? h('span', { class: 'chip in-progress' }, 'In progress') : null,
      options.published?.has(scenario.id) ? h('span', { class: 'chip published' }, 'Published by your instructor') : null,
    ),
    h('h2', { attrs: { id: headingId } }, bdi(scenario.title)),
    h('p', { class: 'summary' }, bdi(scenario.summary)),
    h(
      'div',
      { class: 'card-meta' },
      h('p', { class: 'playbook' }, 'Playbook: ', h('span', {}, bdi(entry.playbook.title))),
      h('p', { class: 'clock-window' }, 'Incident clock: ', h('span', {}, clockWindowLabel(scenario))),
    ),
    h(
      'details',
      { class: 'card-objectives' },
      h('summary', {}, 'Learning objectives ', h('span', { class: 'objective-count' }, `(${scenario.objectives.length})`)),
      h('ul', { class: 'objectives' }, ...scenario.objectives.map((objective) => h('li', {}, bdi(objective)))),
    ),
    entry.warnings.length > 0
      ? h(
          'details',
          { class: 'warnings' },
          h('summary', {}, `${entry.warnings.length} authoring ${entry.warnings.length === 1 ? 'warning' : 'warnings'}`),
          diagnosticList(entry.file, entry.warnings),
        )
      : null,
    h('div', { class: 'card-foot' }, open, authorLink(entry, author)),
    runAsClassFor(entry),
  );
}

function authorLink(entry: CatalogScenario, author: (scenarioId: string) => void): HTMLElement {
  const link = h('a', { class: 'button subtle', attrs: { href: addressOf({ kind: 'author', id: entry.scenario.id }), 'aria-label': `Authoring view: ${entry.scenario.title}` } }, 'Authoring view');
  return navigateOnClick(link, () => author(entry.scenario.id));
}

function renderProblems(problems: readonly FileProblem[]): HTMLElement {
  return h(
    'section',
    { class: 'problems', attrs: { 'aria-labelledby': 'problems-heading' } },
    h('h2', { attrs: { id: 'problems-heading' } }, problems.length === 1 ? '1 file could not be loaded' : `${problems.length} files could not be loaded`),
    h('p', { class: 'problems-hint' }, 'Fix these and reload the page. The same checks run on the command line with bridge-drill check.'),
    ...problems.map((problem) =>
      h(
        'article',
        { class: 'problem' },
        h('h3', {}, h('span', { class: 'problem-kind' }, problem.kind === 'playbook' ? 'Playbook' : 'Scenario'), ' ', h('code', {}, problem.file)),
        diagnosticList(problem.file, problem.diagnostics),
      ),
    ),
  );
}

function diagnosticList(file: string, diagnostics: readonly Diagnostic[]): HTMLElement {
  const lines = diagnosticLines(file, diagnostics);
  return h(
    'ul',
    { class: 'diagnostics' },
    ...lines.map((line, index) => h('li', { class: `diagnostic ${diagnostics[index]?.severity ?? 'error'}` }, h('code', {}, line))),
  );
}
