import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Action, ActionLog } from '../../src/core/actions/action.ts';
import { loadScenario } from '../../src/core/load.ts';
import { NOISE_COMPLAINT } from '../../src/core/scenario/lint-noise.ts';
import { compileScenario } from '../../src/core/scenario/compile.ts';
import type { CompiledScenario } from '../../src/core/scenario/compiled.ts';
import { Session } from '../../src/core/session/session.ts';
import type { SimState, TranscriptEntry } from '../../src/core/session/state.ts';
import { bundledPlaybooks, repoPath } from '../helpers.ts';

/**
 * No bundled scenario lets someone contradict what the trainee caused. Each scenario is played many
 * ways (its golden logs, every other answer to each decision, everyone muted early, a roll call, a
 * trainee who stops half way) and every line heard is checked against the state it was heard in.
 */


interface Contradiction {
  readonly play: string;
  readonly at: string;
  readonly line: string;
  readonly why: string;
}

const fixtureDir = (id: string) => repoPath(`tests/fixtures/${id === 'acme-chemical' ? 'acme' : id}`);

function goldenLogs(id: string): Map<string, ActionLog> {
  const logs = new Map<string, ActionLog>();
  for (const file of readdirSync(fixtureDir(id)).filter((name) => name.endsWith('.json') && name !== 'expected.json')) {
    logs.set(file.replace(/\.json$/, ''), JSON.parse(readFileSync(`${fixtureDir(id)}/${file}`, 'utf8')) as ActionLog);
  }
  return logs;
}

const sorted = (actions: readonly Action[]): Action[] => [...actions].sort((a, b) => a.at.localeCompare(b.at));

/** The golden logs, and the strong one bent every way a trainee might bend it. */
function playThroughs(compiled: CompiledScenario): Map<string, readonly Action[]> {
  const { scenario, clock } = compiled;
  const plays = new Map<string, readonly Action[]>();
  const golden = goldenLogs(scenario.id);
  for (const [name, log] of golden) plays.set(name, log.actions);
  const strong = golden.get('strong')?.actions ?? [];
  const at = (offsetMs: number) => clock.format(offsetMs);
  const noisyAtStart = scenario.cast.filter((person) => person.present !== false && (person.noise !== undefined || person.noisyLine)).map((person) => person.id);
  plays.set('strong, noisy lines muted at once', sorted([...strong, ...noisyAtStart.map((participant): Action => ({ at: at(1_000), type: 'mute', participant }))]));
  const presentAtStart = Object.entries(compiled.initialState.participants).filter(([, person]) => person.present).map(([id]) => id);
  plays.set('strong, everyone muted early', sorted([...strong, ...presentAtStart.map((participant): Action => ({ at: at(20_000), type: 'mute', participant }))]));
  plays.set('strong, with a roll call', sorted([...strong, { at: at(60_000), type: 'roll-call' }]));
  plays.set('strong, stopped half way', strong.filter((action) => clock.offsetOf(action.at) < clock.lengthMs / 2));
  for (const [index, action] of strong.entries()) {
    if (action.type !== 'decide') continue;
    const options = scenario.decisions?.find((decision) => decision.id === action.decision)?.options ?? [];
    for (const option of options.filter((candidate) => candidate.id !== action.choice)) {
      plays.set(`strong, ${action.decision} answered ${option.id}`, strong.map((other, k) => (k === index ? { ...action, choice: option.id } : other)));
    }
  }
  return plays;
}

function noiseHeard(state: SimState): boolean {
  return Object.values(state.participants).some((person) => person.present && !person.muted && person.noise !== null);
}

function contradictions(compiled: CompiledScenario, play: string, actions: readonly Action[]): Contradiction[] {
  const found: Contradiction[] = [];
  let before: SimState | undefined;
  const check = (after: SimState) => {
    const earlier = before ?? after;
    for (const entry of after.transcript.slice(before?.transcript.length ?? 0)) {
      const report = (why: string) => found.push({ play, at: compiled.clock.format(entry.at), line: `${entry.speaker}: ${entry.text}`, why });
      if (entry.kind !== 'say' || !entry.speaker) continue;
      const speaker = (state: SimState) => state.participants[entry.speaker!];
      if (speaker(earlier)?.muted && speaker(after)?.muted) report('heard on a muted line');
      if (speaker(earlier)?.present === false && speaker(after)?.present === false) report('spoken by someone not on any bridge');
      if (isNoiseComplaint(entry, earlier) && !noiseHeard(earlier) && !noiseHeard(after)) report('complains about noise nobody can hear');
      // A request is answered by what the trainee does after it, but a state it asks for (a priority, an open bridge) must not already hold.
      if (entry.asks && compiled.predicate(entry.asks.until)({ ...earlier, actions: [] })) report('asks for a state that already holds');
    }
    before = after;
  };
  Session.replay(compiled, { scenario: compiled.scenario.id, actions: [...actions] }, { onStep: check });
  return found;
}

function isNoiseComplaint(entry: TranscriptEntry, state: SimState): boolean {
  const speakerIsNoisy = state.participants[entry.speaker ?? '']?.noise != null;
  return !speakerIsNoisy && NOISE_COMPLAINT.test(entry.text) && !/\bthank/i.test(entry.text);
}

const bundled = readdirSync(repoPath('scenarios')).filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'));

describe.each(bundled)('%s: nobody contradicts what the trainee caused', (file) => {
  const loaded = loadScenario(readFileSync(repoPath(`scenarios/${file}`), 'utf8'), bundledPlaybooks());
  const compiled = compileScenario(loaded.value!, loaded.playbook!);
  const plays = playThroughs(compiled);

  it('is played many ways, each of them replaying', () => {
    expect(plays.size).toBeGreaterThanOrEqual(5);
  });

  it.each([...plays.keys()])('%s', (play) => {
    expect(contradictions(compiled, play, plays.get(play)!)).toEqual([]);
  });
});
