import { pauseSummary } from '../../app/exam-pauses.ts';
import { attemptProgress } from '../../app/attempt-comparison.ts';
import { replayStart, type ReplayStart } from '../../app/replay-from.ts';
import type { DebriefState, HistoryEntry } from '../../app/store.ts';
import { h } from '../dom.ts';
import { renderCanFeedback } from './can-view.ts';
import { renderCompetencyChart } from './competency-chart.ts';
import { controlHints } from './control-hints.ts';
import { debriefDownloads } from './downloads.ts';
import { renderFindings, renderFocus } from './findings-view.ts';
import { finishedAtIso, finishedAtText } from './format.ts';
import { modeLabel } from './labels.ts';
import { renderModelAnswer } from './model-answer-view.ts';
import { renderProgress } from './progress-view.ts';
import { renderEndingCard, renderScoreCard } from './score-summary.ts';
import { renderTimeline } from './timeline-view.ts';
import './debrief.css';
import './debrief-teach.css';

export interface DebriefHandlers {
  playAgain(): void;
  backToScenarios(): void;
  download(fileName: string, mimeType: string, text: string): void;
  print(): void;
  /** Where the attempt stands with the account, kept up to date by its own element; none with no account. */
  readonly syncStatus?: HTMLElement;
  /** The trainee's attempts the picker lists, to set this one against the earlier attempts of its scenario; none leaves the comparison out. */
  readonly history?: readonly HistoryEntry[];
  /** Opens the call again at a moment of the timeline, as a new practice attempt; none leaves "Replay from here" out. */
  replayFrom?(start: ReplayStart): void;
}

function button(label: string, className: string, onClick: () => void, description?: string): HTMLButtonElement {
  const element = h('button', { class: `button ${className}`, attrs: { type: 'button', title: description } }, label);
  element.addEventListener('click', onClick);
  return element;
}

function header(debrief: DebriefState, handlers: DebriefHandlers): HTMLElement {
  const { report } = debrief;
  const trainee = report.trainee?.name ?? report.trainee?.id;
  return h(
    'header',
    { class: 'db-head' },
    h(
      'div',
      { class: 'db-head-text' },
      h('p', { class: 'eyebrow' }, 'Debrief'),
      h('h1', { attrs: { id: 'db-title', tabindex: '-1' } }, report.scenario.title),
      h(
        'p',
        { class: 'db-meta' },
        trainee ? h('span', {}, trainee) : null,
        h('span', {}, modeLabel(debrief.mode)),
        debrief.attempt?.pauses ? h('span', { class: 'db-pauses' }, pauseSummary(debrief.attempt.pauses) ?? 'Never paused') : null,
        h('span', {}, 'Finished ', h('time', { attrs: { datetime: finishedAtIso(debrief.finishedAt) } }, finishedAtText(debrief.finishedAt))),
        h('span', {}, `${report.playbook.title} ${report.playbook.version}`),
        h('span', {}, `Scenario ${report.scenario.id} ${report.scenario.version}`),
      ),
      handlers.syncStatus ?? null,
    ),
    h(
      'div',
      { class: 'db-head-actions db-no-print' },
      button('Play again', 'primary', () => handlers.playAgain()),
      button('Back to scenarios', 'subtle', () => handlers.backToScenarios()),
    ),
  );
}

function contents(hasCan: boolean, hasProgress: boolean): HTMLElement {
  const link = (href: string, label: string) => h('li', {}, h('a', { attrs: { href } }, label));
  return h(
    'nav',
    { class: 'db-contents db-no-print', attrs: { 'aria-label': 'Debrief sections' } },
    h(
      'ul',
      {},
      link('#db-summary', 'Score'),
      hasProgress ? link('#db-progress', 'Your attempts') : null,
      link('#db-findings', 'Findings'),
      hasCan ? link('#db-can', 'CAN report') : null,
      link('#db-model', 'Model answer'),
      link('#db-timeline', 'Timeline'),
      link('#db-export', 'Save and print'),
    ),
  );
}

function exportPanel(debrief: DebriefState, handlers: DebriefHandlers): HTMLElement {
  return h(
    'section',
    { class: 'panel db-export db-no-print', attrs: { id: 'db-export', 'aria-labelledby': 'db-export-heading' } },
    h(
      'div',
      { class: 'db-export-text' },
      h('h2', { attrs: { id: 'db-export-heading' } }, 'Save and print'),
      h('p', { class: 'panel-hint' }, 'Keep this attempt: the report for your records, the CSV for a spreadsheet, the action log to replay or regrade it.'),
    ),
    h(
      'div',
      { class: 'db-export-buttons' },
      ...debriefDownloads(debrief).map((file) => button(file.label, '', () => handlers.download(file.fileName, file.mimeType, file.text), file.description)),
      button('Print', '', () => handlers.print(), 'Print this debrief, or save it as a PDF'),
    ),
  );
}

/**
 * The debrief of a finished attempt: score, ending, the trainee's earlier attempts, findings (with the control
 * that does each one missed), CAN feedback, the model answer beside what the trainee did, timeline, downloads and print.
 */
export function renderDebrief(debrief: DebriefState, handlers: DebriefHandlers): HTMLElement {
  const focus = renderFocus(debrief.report);
  const can = renderCanFeedback(debrief.report, debrief.log);
  const progress = handlers.history ? renderProgress(attemptProgress(debrief, handlers.history), debrief.report.passPercent) : null;
  return h(
    'article',
    { class: 'debrief', attrs: { 'aria-labelledby': 'db-title' } },
    header(debrief, handlers),
    contents(can !== null, progress !== null),
    h(
      'div',
      { class: 'db-summary', attrs: { id: 'db-summary' } },
      renderScoreCard(debrief),
      renderEndingCard(debrief),
      renderCompetencyChart(debrief.report),
      focus,
      progress,
    ),
    exportPanel(debrief, handlers),
    renderFindings(debrief.report, debrief.playbook, controlHints(debrief.report.findings, debrief.scenario, debrief.playbook)),
    can,
    renderModelAnswer(debrief),
    renderTimeline(debrief, handlers.replayFrom ? (at) => handlers.replayFrom?.(replayStart(debrief, at)) : undefined),
  );
}
