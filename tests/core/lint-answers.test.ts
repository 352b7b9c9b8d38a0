import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJson } from '../../src/core/json/source.ts';
import type { Expr } from '../../src/core/expr/schema.ts';
import type { Playbook } from '../../src/core/playbook/schema.ts';
import { answerLeakDiagnostics } from '../../src/core/scenario/lint-answers.ts';
import { resolveRubric } from '../../src/core/scenario/rubric-templates.ts';
import { ScenarioSchema, type Expectation, type Scenario } from '../../src/core/scenario/schema.ts';
import { bundledPlaybooks, readRepoText, repoPath } from '../helpers.ts';
import { TINY_RULES, tinyPlaybook, tinyScenario } from '../support/tiny-scenario.ts';

const achieve = (id: string, expect: Expr): Expectation => ({
  id,
  kind: 'achieve',
  title: id,
  rule: TINY_RULES.setPriority,
  competency: 'priority',
  points: 10,
  expect,
});

const P1_ITEM = achieve('p1-on-customer-impact', { level: 'P1' });

function leaks(scenario: Partial<Scenario>, rubric: readonly Expectation[] = [P1_ITEM], playbook: Playbook = tinyPlaybook()) {
  const full = tinyScenario({ ...scenario, rubric: [...rubric] });
  const { document } = parseJson(JSON.stringify(full, null, 2));
  return answerLeakDiagnostics(document, full, playbook, rubric);
}

const objective = (text: string, rubric?: readonly Expectation[], playbook?: Playbook) => leaks({ objectives: ['Run the bridge.', text] }, rubric, playbook);

describe('W_GIVES_ANSWER: trainee-visible text that names an expected value', () => {
  it('flags an objective that names the level a rubric item expects, and points at that objective', () => {
    const diagnostics = objective('Raise the priority to P1 once customers cannot log in.');
    expect(diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'W_GIVES_ANSWER',
        path: ['objectives', 1],
        message: 'objective 2 names "P1", the value rubric item "p1-on-customer-impact" expects; name the competency instead ("set the priority from impact and urgency")',
      }),
    ]);
    const text = JSON.stringify(tinyScenario({ objectives: ['Run the bridge.', 'Raise the priority to P1 once customers cannot log in.'], rubric: [P1_ITEM] }), null, 2);
    const line = text.split('\n').findIndex((row) => row.includes('Raise the priority to P1')) + 1;
    expect(diagnostics[0]?.line).toBe(line);
  });

  it('does not flag an objective that names the competency', () => {
    expect(objective('Set the priority from the impact × urgency matrix.')).toEqual([]);
  });

  it('matches whole words only: P10 is not P1', () => {
    expect(objective('Page the P10 on-call rota.')).toEqual([]);
    expect(objective('Ticket P1234 is the parent.')).toEqual([]);
  });

  it('counts the other ways of writing the level, and its playbook name', () => {
    for (const text of ['Make it a P 1.', 'Make it a P-1.', 'Make it priority 1.', 'Make it Priority One.', 'Make it a p1.']) {
      expect(objective(text), text).toHaveLength(1);
    }
    const severity = tinyPlaybook({
      levelKind: 'severity',
      levels: [
        { id: 'SEV1', name: 'Severity 1 (all hands)', description: 'Everything is down.', rank: 1 },
        { id: 'SEV2', name: 'Severity 2', description: 'Something is down.', rank: 2 },
      ],
    });
    const sev1 = [achieve('sev1-on-impact', { level: 'SEV1' })];
    for (const text of ['Agree SEV1.', 'Agree Sev 1.', 'Agree SEV-1.', 'Agree severity 1.', 'Agree severity one.']) {
      expect(objective(text, sev1, severity), text).toHaveLength(1);
    }
    expect(objective('Agree SEV2 or lower.', sev1, severity)).toEqual([]);
  });

  it('flags a phase title that declares the answer', () => {
    const diagnostics = leaks({ phases: [{ id: 'trading-down', title: 'Trading outage: P1 declared' }] });
    expect(diagnostics).toEqual([
      expect.objectContaining({ path: ['phases', 0, 'title'], message: expect.stringMatching(/^the title of phase "trading-down" names "P1"/) }),
    ]);
  });

  it('checks the summary and the briefing too', () => {
    const diagnostics = leaks({ summary: 'Customers are locked out: a P1.', briefing: 'It is 10:00. This one is a Priority 1.' });
    expect(diagnostics.map((d) => d.path)).toEqual([['summary'], ['briefing']]);
    expect(diagnostics[1]?.message).toMatch(/^the briefing names "Priority 1"/);
  });

  it('does not flag a level that no rubric item expects', () => {
    expect(objective('Do not let anyone talk you into a P2 without the matrix.')).toEqual([]);
    expect(objective('Keep it at P2 until the matrix says otherwise.')).toEqual([]);
  });

  it('ignores what an avoid item forbids and what an expectation needs to stay false', () => {
    const avoid: Expectation = { id: 'no-political-p1', kind: 'avoid', title: 'No political P1', rule: TINY_RULES.setPriority, competency: 'priority', points: 10, expect: { level: 'P1' } };
    expect(objective('A VIP will push for a P1.', [avoid])).toEqual([]);
    expect(objective('A VIP will push for a P1.', [achieve('p2-not-p1', { all: [{ level: 'P2' }, { not: { level: 'P1' } }] })])).toEqual([]);
  });

  it('reports each value once per field, however often it is named and however many items expect it', () => {
    const rubric = [P1_ITEM, achieve('set-p1-action', { did: { type: 'set-priority', level: 'P1' } })];
    const diagnostics = objective('Raise it to P1: a P1 needs executives told.', rubric);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message).toContain('"p1-on-customer-impact"');
  });

  it('flags the expected classification, whether tested as a state or as the classify action', () => {
    const classified = [achieve('classify-disruption', { classified: 'service-disruption' })];
    expect(objective('Classify the impact as a service disruption.', classified)).toEqual([
      expect.objectContaining({ message: 'objective 2 names "service disruption", the value rubric item "classify-disruption" expects; name the competency instead ("set the priority from impact and urgency")' }),
    ]);
    const acted = [achieve('classify-action', { did: { type: 'classify', as: 'service-disruption' } })];
    expect(objective('Call it a Service Disruption.', acted)).toHaveLength(1);
    expect(objective('Classify the impact by what users can still do.', classified)).toEqual([]);
  });

  it('does not flag the name of a process the trainee escalates to, even where a classification shares its words', () => {
    const playbook = tinyPlaybook({
      classifications: [{ id: 'urgent', name: 'Urgent' }],
      escalations: [
        { id: 'urgent-response', name: 'Urgent response process' },
        { id: 'major-incident', name: 'Major incident process' },
      ],
    });
    const rubric = [achieve('classify-urgent', { classified: 'urgent' })];
    expect(objective('Run the urgent response and invoke the major incident process.', rubric, playbook)).toEqual([]);
    expect(objective('Treat it as urgent.', rubric, playbook)).toHaveLength(1);
  });

  it('does not count a value that the text asks about or rules out', () => {
    expect(objective('Is it a P1, or can it wait?')).toEqual([]);
    expect(objective('Decide whether it is a P1 or a P2.')).toEqual([]);
    expect(objective('Answer the VIP with the matrix, not with a political P1.')).toEqual([]);
    expect(objective('Answer the VIP with the matrix. Then raise it to P1.')).toHaveLength(1);
  });

  describe('decision options', () => {
    const decisions: Scenario['decisions'] = [
      {
        id: 'release-rollback',
        prompt: 'Roll back the failed release now, or keep fixing it forward?',
        options: [
          { id: 'roll-back', label: 'Roll back the release' },
          { id: 'fix-forward', label: 'Fix forward: correct the host names in place' },
        ],
      },
      {
        id: 'storage',
        prompt: 'Shut the array down, or keep it on battery?',
        options: [
          { id: 'clean-shutdown', label: 'Stabilize: shut the array down cleanly before the batteries run out' },
          { id: 'keep-running', label: 'Keep it running on battery' },
        ],
      },
      {
        id: 'let-pete-go',
        prompt: 'Pete wants to go. Let him?',
        options: [
          { id: 'yes', label: 'Yes: he goes' },
          { id: 'no', label: 'No' },
        ],
      },
    ];
    const decide = (text: string, rubric: Expectation[]) => leaks({ decisions, objectives: [text] }, rubric);

    it('flags the whole label or a distinctive first clause of the expected option', () => {
      const rollBack = [achieve('rollback-decided', { decided: 'release-rollback', choice: 'roll-back' })];
      expect(decide('Roll back the release once it is shown to be the cause.', rollBack)).toEqual([
        expect.objectContaining({ message: expect.stringMatching(/^objective 1 names "Roll back the release", the value rubric item "rollback-decided" expects/) }),
      ]);
      expect(decide('Stabilize the storage before the batteries run out.', [achieve('stabilize', { decided: 'storage', choice: 'clean-shutdown' })])).toHaveLength(1);
      expect(decide('Fix forward.', [achieve('forward', { did: { type: 'decide', decision: 'release-rollback', choice: 'fix-forward' } })])).toHaveLength(1);
    });

    it('does not flag wording that only shares common words with the option', () => {
      expect(decide('Decide on the rollback from what changed recently.', [achieve('rollback-decided', { decided: 'release-rollback', choice: 'roll-back' })])).toEqual([]);
      expect(decide('Yes, the bridge is yours: keep people on their real work.', [achieve('pete-goes', { decided: 'let-pete-go', choice: 'yes' })])).toEqual([]);
      expect(decide('Roll back the release.', [achieve('answered', { decided: 'release-rollback' })])).toEqual([]);
    });
  });
});

describe('W_GIVES_ANSWER over the bundled scenarios', () => {
  const playbooks = bundledPlaybooks();
  const files = readdirSync(repoPath('scenarios')).filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'));

  it.each(files)('%s: only warnings, only on trainee-visible text', (name) => {
    const { value, document } = parseJson(readRepoText(`scenarios/${name}`));
    const scenario = ScenarioSchema.parse(value);
    const playbook = playbooks.get(scenario.playbook);
    if (!playbook) throw new Error(`${name}: no playbook "${scenario.playbook}"`);
    const diagnostics = answerLeakDiagnostics(document, scenario, playbook, resolveRubric(scenario, playbook).expectations);
    for (const diagnostic of diagnostics) {
      expect(diagnostic).toMatchObject({ severity: 'warning', code: 'W_GIVES_ANSWER' });
      expect(['summary', 'briefing', 'objectives', 'phases']).toContain(diagnostic.path[0]);
      if (diagnostic.path[0] === 'phases') expect(diagnostic.path[2]).toBe('title');
    }
  });
});
