import type { DebriefState } from '../../app/store.ts';
import type { Finding } from '../../core/report/score-report.ts';
import type { Scenario } from '../../core/scenario/schema.ts';
import type { TranscriptEntry } from '../../core/session/state.ts';
import { ScenarioClock } from '../../core/time.ts';
import { h, type Child } from '../dom.ts';
import { findingAnchor, statusBadge } from './findings-view.ts';
import { outcomeLabel, statusTone } from './labels.ts';
import { buildTimeline, type TimelineItem, type TimelineRow } from './timeline-model.ts';

type Item<K extends TimelineItem['kind']> = Extract<TimelineItem, { kind: K }>;

interface Context {
  readonly scenario: Scenario;
  readonly clock: ScenarioClock;
  /** Starts a new practice attempt at this moment; absent where the page cannot. */
  readonly replayFrom: ((at: number) => void) | undefined;
}

/** "Replay from here": the call opens again at this moment, the attempt's earlier actions kept. */
function replayButton(at: number, context: Context): HTMLElement | null {
  const { replayFrom } = context;
  if (!replayFrom) return null;
  const button = h(
    'button',
    { class: 'button db-tl-replay db-no-print', attrs: { type: 'button', 'aria-label': `Replay from here, ${context.clock.format(at)}`, title: 'Play the call again from this moment, as a new practice attempt' } },
    h('span', { attrs: { 'aria-hidden': 'true' } }, '↻ '),
    'Replay from here',
  );
  button.addEventListener('click', () => replayFrom(at));
  return button;
}

function nameOf(id: string | undefined, scenario: Scenario): string {
  if (id === undefined) return 'Someone';
  return scenario.cast.find((person) => person.id === id)?.name ?? id;
}

function roleOf(id: string | undefined, scenario: Scenario): string {
  return scenario.cast.find((person) => person.id === id)?.role ?? '';
}

function time(at: number, clock: ScenarioClock): HTMLElement {
  const text = clock.format(at);
  return h('time', { class: 'db-tl-time', attrs: { datetime: text } }, text);
}

function cell(side: 'bridge' | 'you', label: string, ...content: readonly Child[]): HTMLElement {
  return h('div', { class: `db-tl-cell db-tl-${side}` }, label ? h('span', { class: 'sr-only' }, label) : null, ...content);
}

function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

function bridgeContent(entries: readonly TranscriptEntry[], scenario: Scenario): HTMLElement {
  const first = entries[0]!;
  switch (first.kind) {
    case 'say': {
      const role = roleOf(first.speaker, scenario);
      return h(
        'p',
        { class: `db-tl-say${first.overlap ? ' db-tl-overlap' : ''}` },
        h('span', { class: 'db-tl-speaker' }, nameOf(first.speaker, scenario)),
        role ? h('span', { class: 'db-tl-role' }, ` · ${role}`) : null,
        first.overlap ? h('span', { class: 'db-tl-tag' }, 'talking over others') : null,
        h('span', { class: 'db-tl-words' }, first.text),
      );
    }
    case 'report':
    case 'inject':
      return h(
        'div',
        { class: `db-tl-alert db-tl-${first.kind}` },
        h('p', { class: 'db-tl-alert-kind' }, first.kind === 'report' ? 'Report' : 'Inject', first.speaker ? h('span', { class: 'db-tl-from' }, ` from ${nameOf(first.speaker, scenario)}`) : null),
        h('p', { class: 'db-tl-alert-title' }, first.title ?? (first.kind === 'report' ? 'Report' : 'Inject')),
        h('p', { class: 'db-tl-words' }, first.text),
      );
    case 'join':
    case 'leave': {
      const names = entries.map((entry) => nameOf(entry.speaker, scenario));
      const text = entries.length === 1 ? first.text : `${listNames(names)} ${first.kind === 'join' ? 'joined' : 'dropped off the bridge'}`;
      return h(
        'p',
        { class: `db-tl-presence db-tl-${first.kind}` },
        h('span', { class: 'db-tl-presence-icon', attrs: { 'aria-hidden': 'true' } }, first.kind === 'join' ? '→' : '←'),
        text,
      );
    }
    default:
      return h('p', { class: 'db-tl-system' }, first.text);
  }
}

function resultChip(finding: Finding): HTMLElement {
  return h('li', { class: `db-tl-result db-tone-${statusTone(finding.status)}` }, statusBadge(finding.status), h('a', { attrs: { href: `#${findingAnchor(finding)}` } }, finding.title));
}

function actionContent(item: Item<'action'>, context: Context): HTMLElement {
  return h(
    'div',
    { class: `db-tl-action${item.effective ? '' : ' db-tl-no-effect'}` },
    h('div', { class: 'db-tl-action-head' }, h('p', { class: 'db-tl-action-text' }, item.text), replayButton(item.at, context)),
    item.effective ? null : h('p', { class: 'db-tl-refusal' }, h('span', { class: 'db-tl-tag' }, 'No effect'), item.refusal ?? 'This action changed nothing.'),
    item.results.length > 0 ? h('ul', { class: 'db-tl-results', attrs: { 'aria-label': 'Counted for' } }, ...item.results.map(resultChip)) : null,
  );
}

function dueContent(finding: Finding): HTMLElement {
  const outcome = finding.at === null ? (finding.status === 'avoided' ? 'kept to' : 'not done') : finding.status === 'violated' ? `broken at ${finding.at}` : `done at ${finding.at}`;
  return h(
    'div',
    { class: `db-tl-due db-tone-${statusTone(finding.status)}` },
    h('p', {}, h('span', { class: 'db-tl-due-label' }, 'Due'), h('a', { attrs: { href: `#${findingAnchor(finding)}` } }, finding.title)),
    h('p', { class: 'db-tl-due-outcome' }, statusBadge(finding.status), h('span', {}, outcome)),
  );
}

function renderRow({ item, key }: TimelineRow, context: Context): HTMLLIElement {
  const rowClass = `db-tl-row db-tl-row-${item.kind}${key ? '' : ' db-tl-detail'}`;
  const at = time(item.at, context.clock);
  switch (item.kind) {
    case 'phase':
      return h(
        'li',
        { class: rowClass },
        at,
        h(
          'div',
          { class: 'db-tl-span' },
          h('div', { class: 'db-tl-phase-head' }, h('h3', {}, h('span', { class: 'db-tl-phase-label' }, 'Phase'), item.title), replayButton(item.at, context)),
          item.description ? h('p', {}, item.description) : null,
        ),
      );
    case 'ending': {
      const outcome = item.ending?.outcome ?? 'partial';
      return h(
        'li',
        { class: `${rowClass} db-tone-${outcome === 'success' ? 'good' : outcome === 'failure' ? 'bad' : 'mixed'}` },
        at,
        h(
          'div',
          { class: 'db-tl-span' },
          h('h3', {}, h('span', { class: 'db-tl-phase-label' }, `Ending · ${outcomeLabel(outcome)}`), item.title),
          item.ending ? h('p', {}, item.ending.summary) : null,
        ),
      );
    }
    case 'bridge': {
      const kind = item.entries[0]?.kind ?? 'say';
      return h('li', { class: `${rowClass} db-tl-kind-${kind}` }, at, cell('bridge', 'On the bridge: ', bridgeContent(item.entries, context.scenario)), cell('you', ''));
    }
    case 'action':
      return h('li', { class: rowClass }, at, cell('bridge', ''), cell('you', 'You: ', actionContent(item, context)));
    case 'result':
      return h(
        'li',
        { class: rowClass },
        at,
        cell('bridge', ''),
        cell('you', 'Result: ', h('ul', { class: 'db-tl-results' }, resultChip(item.finding))),
      );
    case 'due':
      return h('li', { class: rowClass }, at, cell('bridge', ''), cell('you', 'Deadline: ', dueContent(item.finding)));
  }
}

/**
 * Bridge events beside the trainee's actions on one time axis, with each expectation's deadline marked; each phase
 * and action can start the call again from its moment when `replayFrom` is given.
 */
export function renderTimeline(debrief: DebriefState, replayFrom?: (at: number) => void): HTMLElement {
  const context: Context = { scenario: debrief.scenario, clock: new ScenarioClock(debrief.scenario.clock), replayFrom };
  const rows = buildTimeline(debrief);
  const hidden = rows.filter((row) => !row.key).length;
  const list = h('ol', { class: 'db-tl-list', attrs: { id: 'db-timeline-list' } }, ...rows.map((row) => renderRow(row, context)));
  const section = h(
    'section',
    { class: 'db-section db-timeline is-collapsed', attrs: { id: 'db-timeline', 'aria-labelledby': 'db-timeline-heading' } },
    h('h2', { attrs: { id: 'db-timeline-heading' } }, 'Timeline'),
    h(
      'p',
      { class: 'db-section-hint' },
      `What happened on the bridge from ${debrief.scenario.clock.start} to ${debrief.scenario.clock.end}, beside what you did, with the time each expectation fell due.`,
    ),
  );
  if (hidden > 0) {
    const toggle = h('button', { class: 'button subtle db-tl-toggle', attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'db-timeline-list' } });
    const update = (expanded: boolean) => {
      section.classList.toggle('is-collapsed', !expanded);
      toggle.setAttribute('aria-expanded', String(expanded));
      toggle.textContent = expanded ? 'Show key events only' : `Show everything (${hidden} more lines)`;
    };
    toggle.addEventListener('click', () => update(toggle.getAttribute('aria-expanded') !== 'true'));
    update(false);
    section.append(h('div', { class: 'db-tl-controls' }, h('p', { class: 'db-tl-legend' }, 'Key events: reports, injects, people joining or leaving, your actions and deadlines.'), toggle));
  }
  section.append(
    h('div', { class: 'db-tl-columns', attrs: { 'aria-hidden': 'true' } }, h('span', {}, 'Time'), h('span', {}, 'On the bridge'), h('span', {}, 'You')),
    list,
  );
  return section;
}
