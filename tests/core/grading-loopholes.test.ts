import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Action, ActionLog } from '../../src/core/actions/action.ts';
import type { ScoreReport } from '../../src/core/report/score-report.ts';
import { resolveRubric } from '../../src/core/scenario/rubric-templates.ts';
import { grade } from '../../src/core/scoring/grade.ts';
import { ScenarioClock } from '../../src/core/time.ts';
import { bundledScenarios, journeyFolders, journeyNames, runJourney } from '../../src/tools/journeys.ts';
import { readRepoText } from '../helpers.ts';
import { scenarioHarness } from '../scenarios/harness.ts';

/**
 * The loophole classes an expert review found, checked on every bundled scenario: each must no longer pay.
 * Logs are built from each scenario's strong journey, so a loophole is always measured against expert play.
 */

const strongLogText = (folder: string) => readRepoText(`tests/fixtures/${folder}/strong.json`);

/** Each bundled scenario with a strong journey: its id, and the fixture folder that holds its journeys. */
const STRONG = new Map(
  journeyFolders()
    .filter((folder) => journeyNames(folder).includes('strong'))
    .map((folder) => [(JSON.parse(strongLogText(folder)) as { scenario: string }).scenario, folder]),
);
const SCENARIOS = [...STRONG.keys()];

function setup(id: string) {
  const harness = scenarioHarness(id);
  const strong = harness.checked(JSON.parse(strongLogText(STRONG.get(id) ?? id)));
  const clock = new ScenarioClock(harness.scenario.clock);
  const gradeOf = (actions: readonly Action[]): ScoreReport => grade(harness.scenario, harness.playbook, harness.checked({ ...strong, actions: inTimeOrder(actions, clock) }));
  return { ...harness, strong, clock, gradeOf, expert: gradeOf(strong.actions) };
}

function inTimeOrder(actions: readonly Action[], clock: ScenarioClock): Action[] {
  return actions
    .map((action, order) => ({ action, order, at: clock.offsetOf(action.at) }))
    .sort((a, b) => a.at - b.at || a.order - b.order)
    .map(({ action }) => action);
}

const later = (clock: ScenarioClock, at: string, seconds: number) => clock.format(clock.offsetOf(at) + seconds * 1000);

/** The strong journey's last priority setting: the right one, as an expert set it. */
function rightPriority(log: ActionLog): Extract<Action, { type: 'set-priority' }> {
  const found = log.actions.findLast((action): action is Extract<Action, { type: 'set-priority' }> => action.type === 'set-priority');
  if (!found) throw new Error('the strong journey sets no priority');
  return found;
}

function lowerLevels(playbook: ReturnType<typeof setup>['playbook'], level: string): string[] {
  const rank = playbook.levels.find((candidate) => candidate.id === level)?.rank ?? 0;
  return playbook.levels.filter((candidate) => candidate.rank > rank).map((candidate) => candidate.id);
}

describe.each(SCENARIOS)('%s: loopholes do not pay', (id) => {
  const { playbook, strong, clock, gradeOf, expert, scenario } = setup(id);
  const right = rightPriority(strong);
  const lower = lowerLevels(playbook, right.level);

  it('the expert journey passes with nothing critical missed', () => {
    expect(expert.passed).toBe(true);
    expect(expert.verdict?.reasons).toEqual([]);
  });

  it('sweeping the priority down after setting the right one costs points and fails the critical priority item', () => {
    const sweep: Action[] = lower.map((level, i) => ({ at: later(clock, right.at, 30 * (i + 1)), type: 'set-priority', level }));
    const swept = gradeOf([...strong.actions, ...sweep]);
    expect(swept.total.points).toBeLessThan(expert.total.points);
    expect(swept.passed).toBe(false);
    expect(swept.verdict?.reasons.map((reason) => reason.code)).toContain('critical-missed');
  });

  it('appending any lowering of the priority after the right one never raises the grade (property)', () => {
    const end = clock.lengthMs;
    const start = clock.offsetOf(right.at);
    fc.assert(
      fc.property(fc.constantFrom(...lower), fc.integer({ min: 1, max: Math.max(1, Math.floor((end - start) / 1000) - 1) }), (level, seconds) => {
        const lowered = gradeOf([...strong.actions, { at: later(clock, right.at, seconds), type: 'set-priority', level }]);
        expect(lowered.total.points).toBeLessThanOrEqual(expert.total.points);
      }),
      { numRuns: 12, seed: 9 },
    );
  });

  it('a priority set before the impact it answers earns nothing until it is set again after', () => {
    const item = resolveRubric(scenario, playbook).expectations.find((candidate) => candidate.kind === 'achieve' && candidate.critical && candidate.trigger !== undefined);
    if (!item) return;
    const early: Action = { ...right, at: clock.format(1000) };
    const moved = gradeOf([...strong.actions.filter((action) => action !== right), early]);
    const finding = moved.findings.find((candidate) => candidate.id === item.id);
    expect(finding?.status).not.toBe('on-time');
    expect(moved.total.points).toBeLessThan(expert.total.points);
  });

  it('a burst of keyword-soup messages to every audience earns no notice and is a finding', () => {
    const soup = 'login outage customers orders P1 incident disruption service down unavailable storefront trading registration slowness orderhub portal next update 30 minutes';
    const from = clock.offsetOf(right.at);
    const burst: Action[] = playbook.audiences.flatMap((audience, i) =>
      [0, 1, 2, 3, 4, 5].map((n) => ({ at: clock.format(from + (i * 6 + n + 1) * 5_000), type: 'notify', audience: audience.id, channel: playbook.channels[0]!.id, message: soup }) as Action),
    );
    const farmed = gradeOf([...strong.actions, ...burst]);
    expect(farmed.total.points).toBeLessThan(expert.total.points);
    const spam = farmed.findings.find((finding) => finding.id === 'no-notification-spam');
    expect(spam?.status).toBe('violated');
  });
});

describe.each(SCENARIOS)('%s: the CAN report reads like an expert', (id) => {
  const { scenario, strong, gradeOf, expert } = setup(id);
  const report = strong.actions.findLast((action): action is Extract<Action, { type: 'can-report' }> => action.type === 'can-report');
  const canFinding = (graded: ScoreReport) => graded.findings.find((finding) => finding.competency === 'can-report' && graded.can !== null && finding.id !== 'post-incident-review');

  it("a comma-separated keyword list of the rubric's own words earns less than the expert's sentences", () => {
    if (!report || !scenario.can) return;
    const listFor = (section: 'conditions' | 'actions' | 'needs') =>
      scenario.can!.facts
        .filter((fact) => fact.section === section)
        .flatMap((fact) => fact.accept.flatMap((phrasing) => phrasing.split(/\s+/)))
        .join(', ') || 'none';
    const listed = gradeOf(strong.actions.map((action) => (action === report ? { ...report, conditions: listFor('conditions'), actions: listFor('actions'), needs: listFor('needs') } : action)));
    expect(canFinding(listed)?.points ?? 0).toBeLessThan(canFinding(expert)?.points ?? 0);
  });
});

describe('a plausible but wrong CAN report', () => {
  it('given to the Acme executive, does not pass: the report is the deliverable, and wrong facts deduct', () => {
    const { strong, gradeOf } = setup('acme-chemical');
    const wrong = {
      conditions: 'This is a performance degradation at P4: login is only slow for some users. The mail server caused the login outage. The host names are fine.',
      actions: 'We are fixing forward on the same bridge. Customers have already been notified.',
      needs: 'Nothing further needed right now.',
    };
    const graded = gradeOf(strong.actions.map((action) => (action.type === 'can-report' ? { ...action, ...wrong } : action)));
    expect(graded.can?.facts.some((fact) => fact.contradicted)).toBe(true);
    expect(graded.passed).toBe(false);
    expect(graded.verdict?.reasons).toContainEqual(expect.objectContaining({ code: 'critical-missed', finding: 'can-report' }));
  });
});

describe('failure cannot pass', () => {
  it('every golden journey that ends in failure fails, and every success ending in a strong journey passes', () => {
    const scenarios = bundledScenarios();
    for (const folder of journeyFolders()) {
      for (const name of journeyNames(folder)) {
        const report = runJourney(folder, name, scenarios).report;
        if (!report) throw new Error(`${folder}/${name} did not grade`);
        if (report.ending?.outcome === 'failure') expect(report.passed, `${folder}/${name}`).toBe(false);
        if (name === 'strong') expect(report.passed, `${folder}/${name}`).toBe(true);
        expect(report.passed, `${folder}/${name}`).toBe((report.verdict?.reasons.length ?? 0) === 0);
      }
    }
  });

  it('a P2 on the trading outage does not pass, whatever the total', () => {
    const { strong, gradeOf } = setup('trading-platform-priority');
    const report = gradeOf(strong.actions.map((action) => (action.type === 'set-priority' && action.level === 'P1' ? { ...action, level: 'P2' } : action)));
    expect(report.passed).toBe(false);
    expect(report.verdict?.reasons.some((reason) => reason.code === 'critical-missed' || reason.code === 'failure-ending')).toBe(true);
  });

  it('a P3 on a total storefront outage does not pass, and says why', () => {
    const { strong, gradeOf } = setup('datacentre-continuity');
    const report = gradeOf(strong.actions.map((action) => (action.type === 'set-priority' ? { ...action, level: 'P3' } : action)));
    expect(report.ending?.outcome).toBe('success');
    expect(report.passed).toBe(false);
    expect(report.verdict?.reasons).toContainEqual(expect.objectContaining({ code: 'critical-missed', finding: 'p1-on-storefront-down' }));
    expect(report.verdict?.summary).toMatch(/^Not passed\./);
  });
});

describe('escalating before the impact', () => {
  it('invoking major incident and service continuity while redundancy holds is its own finding and earns no on-time credit', () => {
    const { strong, clock, gradeOf, expert } = setup('datacentre-continuity');
    const early = clock.format(60_000);
    const moved = strong.actions.map((action) => (action.type === 'escalate' && ['major-incident', 'service-continuity'].includes(action.to) ? { ...action, at: early } : action));
    const premature: Action[] = [
      { at: early, type: 'escalate', to: 'major-incident' },
      { at: early, type: 'set-priority', level: 'P1' },
    ];
    const report = gradeOf([...moved.filter((action) => action.type !== 'set-priority'), ...premature]);
    const status = (findingId: string) => report.findings.find((finding) => finding.id === findingId)?.status;
    expect(status('no-premature-major-incident')).toBe('violated');
    expect(status('no-premature-continuity')).toBe('violated');
    expect(status('p1-on-storefront-down')).toBe('missed');
    expect(report.total.points).toBeLessThan(expert.total.points);
  });

  it('deactivating the feed before triage sized it earns nothing for deactivating after triage', () => {
    const { strong, clock, gradeOf } = setup('trading-platform-priority');
    const deactivate = strong.actions.find((action) => action.type === 'decide' && action.decision === 'activation');
    if (!deactivate) throw new Error('the strong journey deactivates the feed');
    const report = gradeOf([...strong.actions.filter((action) => action !== deactivate), { ...deactivate, at: clock.format(30_000) }]);
    expect(report.findings.find((finding) => finding.id === 'deactivate-feed')?.points).toBe(0);
  });
});
