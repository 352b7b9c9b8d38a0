// @vitest-environment jsdom
import { getAllByRole, getByRole, queryAllByRole } from '@testing-library/dom';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppController } from '../../src/app/session-controller.ts';
import { keyValueStoragePort } from '../../src/app/local-storage-port.ts';
import { createAppStore } from '../../src/app/store.ts';
import type { Finding } from '../../src/core/report/score-report.ts';
import { resolveRubric } from '../../src/core/scenario/rubric-templates.ts';
import { grade } from '../../src/core/scoring/grade.ts';
import { controlForAction, controlForExpectation, controlHints, SOMEONE, type ControlHint } from '../../src/ui/debrief/control-hints.ts';
import { renderActionPanel, renderParticipantPanel } from '../../src/ui/hud/index.ts';
import { catalogWith, MemoryStorage, sequentialIds } from '../helpers.ts';
import { scenarioHarness } from '../scenarios/harness.ts';
import { mount, unmountAll } from './hud-fixture.ts';

const SCENARIOS = ['acme-chemical', 'acme-email-side-bridge', 'datacentre-continuity', 'freshdesk-hosting-outage', 'mim-day-slowness', 'mit-sev1-urgent-response', 'trading-platform-priority'];

/** A scenario's hint for one rubric item, by the item's id. */
function hintFor(scenarioId: string, expectationId: string): ControlHint | null {
  const { scenario, playbook } = scenarioHarness(scenarioId);
  const expectation = resolveRubric(scenario, playbook).expectations.find((item) => item.id === expectationId);
  if (!expectation) throw new Error(`${scenarioId} has no rubric item ${expectationId}`);
  return controlForExpectation(expectation, { scenario, playbook });
}

afterEach(unmountAll);

describe('which control would have met an expectation', () => {
  it.each(SCENARIOS)('%s: every item to achieve, every cadence and every CAN report names a control; an item to avoid names none', (id) => {
    const { scenario, playbook } = scenarioHarness(id);
    for (const expectation of resolveRubric(scenario, playbook).expectations) {
      const hint = controlForExpectation(expectation, { scenario, playbook });
      if (expectation.kind === 'avoid') expect(hint, expectation.id).toBeNull();
      else expect(['Actions', 'People'], expectation.id).toContain(hint?.path[0]);
    }
  });

  it('names the person, audience, level, classification and option as the call screen shows them', () => {
    expect(hintFor('mim-day-slowness', 'mute-train-line')).toEqual({ path: ['People', 'Claire Dubois', 'Mute'] });
    expect(hintFor('mim-day-slowness', 'exec-notice')).toEqual({ path: ['Actions', 'Notify', 'Audience: Executives', 'Channel: your choice', 'Send notification'], shortcut: 'N' });
    expect(hintFor('mim-day-slowness', 'p1-on-scope')).toEqual({ path: ['Actions', 'Priority', 'P1'], shortcut: 'P', note: 'or the matrix cell where the impact meets the urgency' });
    expect(hintFor('mim-day-slowness', 'classify-degradation')?.path).toEqual(['Actions', 'Priority', 'Classification', 'Performance degradation']);
    expect(hintFor('mim-day-slowness', 'rollback-decided')?.path).toEqual(['Actions', 'Decide', 'Roll back release 4.8 now']);
    expect(hintFor('mim-day-slowness', 'can-report')).toEqual({ path: ['Actions', 'CAN', 'Submit CAN report'], shortcut: 'C' });
    expect(hintFor('mim-day-slowness', 'named-owner-database')?.note).toBe('write the task and give it a time box (min)');
    expect(hintFor('acme-email-side-bridge', 'notice-not-by-email')?.path).toEqual(['Actions', 'Notify', 'Audience: Executives', 'Channel: SMS', 'Send notification']);
    expect(hintFor('acme-email-side-bridge', 'email-side-bridge')?.path).toEqual(['Actions', 'Command', 'Open a bridge', 'Bridge: E-mail side bridge', 'Open bridge']);
  });

  it('names the Severity tab under a severity playbook, and a level by its name when its id only spells the name', () => {
    expect(hintFor('mit-sev1-urgent-response', 'sev1-on-impact')?.path).toEqual(['Actions', 'Severity', 'SEV1']);
    expect(hintFor('freshdesk-hosting-outage', 'high-impact')?.path).toEqual(['Actions', 'Priority', 'High impact']);
  });

  it('finds the control behind a variable (the option or the action that sets it) and behind a reaction that fired', () => {
    expect(hintFor('mim-day-slowness', 'vendor-engaged')?.path).toEqual(['Actions', 'Decide', 'Engage the vendor: open a priority case and get their engineer on the call']);
    expect(hintFor('trading-platform-priority', 'fail-over-in-time')?.path).toEqual(['Actions', 'Decide', 'Fail trading over to the standby site now']);
  });

  it('names the control that takes one action of a log', () => {
    const { scenario, playbook } = scenarioHarness('mim-day-slowness');
    const names = { scenario, playbook };
    expect(controlForAction({ at: '09:18:00', type: 'notify', audience: 'customers', channel: 'status-page', message: 'Slow.' }, names).path).toEqual([
      'Actions',
      'Notify',
      'Audience: Customers',
      'Channel: Status page / dashboard',
      'Send notification',
    ]);
    expect(controlForAction({ at: '09:43:00', type: 'hand-off', to: 'devops', summary: 'Review.' }, names).path).toEqual(['Actions', 'Close', 'Hand off to: DevOps', 'Hand off']);
  });

  it('is given only to findings that were missed, late or partly done', () => {
    const { scenario, playbook, journey } = scenarioHarness('mim-day-slowness');
    const report = grade(scenario, playbook, journey('weak'));
    const hints = controlHints(report.findings, scenario, playbook);
    const wanting = (finding: Finding) => ['missed', 'late', 'partial'].includes(finding.status);
    expect(report.findings.some(wanting)).toBe(true);
    for (const finding of report.findings) expect(hints.has(finding.id), `${finding.id} (${finding.status})`).toBe(wanting(finding));
  });
});

/** Starts a scenario on the real controller and puts the action panel and the roster in the document. */
function mountHud(scenarioId: string): HTMLElement {
  const store = createAppStore();
  const controller = createAppController({
    store,
    catalog: catalogWith([scenarioId]),
    storage: keyValueStoragePort(new MemoryStorage()),
    frames: () => () => {},
    wallClock: () => 1_700_000_000_000,
    newId: sequentialIds(),
  });
  void controller.openScenario(scenarioId);
  controller.start('coach');
  mount(renderActionPanel(store, controller));
  mount(renderParticipantPanel(store, controller));
  return document.body;
}

const textOf = (element: Element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Whether the call screen has each step of a hint's path: the column, the tab, the fields and their choices, the button. */
function expectOnScreen(hud: HTMLElement, hint: ControlHint, what: string): void {
  const [column, where, ...rest] = hint.path;
  let panel: HTMLElement;
  if (column === 'People' && where === SOMEONE) return;
  if (column === 'People') {
    const row = getAllByRole(hud, 'button').find((button) => button.getAttribute('aria-controls')?.includes('menu-') && textOf(button).includes(where ?? '?'));
    expect(row, `${what}: ${where} in the roster`).toBeDefined();
    panel = document.getElementById(row!.getAttribute('aria-controls')!)!;
  } else {
    expect(column, what).toBe('Actions');
    const tab = getByRole(hud, 'tab', { name: new RegExp(`^${where}`) });
    panel = document.getElementById(tab.getAttribute('aria-controls')!)!;
  }
  for (const step of rest) {
    // A decision's options are on screen only while it is open.
    if (where === 'Decide') continue;
    const field = /^([^:]+): (.+)$/.exec(step);
    if (field) {
      const select = getByRole(panel, 'combobox', { name: field[1], hidden: true }) as HTMLSelectElement;
      // Which bridges are closed and who is present change as the call goes on; the lists of the playbook do not.
      // "your choice": the field must be chosen, with any of its options.
      if (field[2] === 'your choice') expect(select.options.length, `${what}: ${step}`).toBeGreaterThan(1);
      else if (!['Bridge', 'Person', 'To bridge'].includes(field[1]!)) expect([...select.options].map(textOf).some((option) => option.startsWith(field[2]!)), `${what}: ${step}`).toBe(true);
      continue;
    }
    const named = [...queryAllByRole(panel, 'button', { hidden: true }), ...queryAllByRole(panel, 'heading', { hidden: true })].map(textOf);
    // A level button reads its id, then its name ("P1 Priority 1 (major incident)", "high-impact High impact").
    expect(named.some((text) => text === step || text.startsWith(`${step} `) || text.endsWith(` ${step}`)), `${what}: ${step} among ${named.join(' | ')}`).toBe(true);
  }
}

describe('the controls it names are the call screen’s own', () => {
  it.each(SCENARIOS)('%s: every hint of the rubric and of the model answer leads to a tab, field, choice and button on screen', (id) => {
    const hud = mountHud(id);
    const { scenario, playbook } = scenarioHarness(id);
    const names = { scenario, playbook };
    for (const expectation of resolveRubric(scenario, playbook).expectations) {
      const hint = controlForExpectation(expectation, names);
      if (hint) expectOnScreen(hud, hint, expectation.id);
    }
    for (const step of scenario.modelAnswer?.steps ?? []) expectOnScreen(hud, controlForAction(step.action, names), `${step.action.at} ${step.action.type}`);
  });
});
