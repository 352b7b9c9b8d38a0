import { codeFrame } from '../../src/core/code-frame.ts';
import { formatDiagnostic, type Diagnostic } from '../../src/core/diagnostics.ts';
import { loadPlaybook, loadScenario } from '../../src/core/load.ts';
import type { Playbook, PlaybookRule } from '../../src/core/playbook/schema.ts';
import type { Participant, Scenario } from '../../src/core/scenario/schema.ts';

/**
 * Tiny scenarios for core tests: each test states its own situation in a few lines instead of
 * leaning on the bundled content. Every default is valid; an override replaces that part whole.
 */

export const TINY_SCENARIO_ID = 'tiny';
export const TINY_PLAYBOOK_ID = 'tiny-playbook';
export const TINY_CLOCK = { start: '10:00:00', end: '10:10:00' } as const;
export const TINY_BRIDGE = 'main-bridge';

/** On the bridge from the start. */
export const LEAD = 'lead';
/** On the bridge from the start. */
export const ENGINEER = 'engineer';
/** Off the bridge; answers a page after one minute. */
export const DIRECTOR = 'director';

export const TINY_CAST: readonly Participant[] = [
  { id: LEAD, name: 'Ana Lead', role: 'Technical lead', team: 'Platform', location: 'Office' },
  { id: ENGINEER, name: 'Ben Engineer', role: 'Application engineer', team: 'Platform', location: 'Working from home' },
  { id: DIRECTOR, name: 'Cleo Director', role: 'IT director', team: 'Leadership', location: 'Mobile phone', present: false, answersPageIn: '01:00' },
];

function rule(id: string, section: string, title: string, competency: PlaybookRule['competency']): PlaybookRule {
  return {
    id,
    section,
    title,
    text: `${title}.`,
    competency,
    cites: { source: 'Tiny test playbook', section, quote: `${title}.` },
  };
}

/** The rules a tiny rubric may name. */
export const TINY_RULES = {
  takeCommand: 'take-command',
  setPriority: 'set-priority',
  notifyExecutives: 'notify-executives',
  updateCadence: 'update-cadence',
} as const;

/** A minimal valid playbook: two levels, one classification, two audiences, one channel, a rule per id in TINY_RULES. */
export function tinyPlaybook(overrides: Partial<Playbook> = {}): Playbook {
  return {
    schemaVersion: 1,
    id: TINY_PLAYBOOK_ID,
    title: 'Tiny test playbook',
    version: '1.0.0',
    summary: 'Just enough playbook for a tiny scenario.',
    levelKind: 'priority',
    levels: [
      { id: 'P1', name: 'Priority 1', description: 'Everyone is affected.', rank: 1, major: true },
      { id: 'P2', name: 'Priority 2', description: 'Some are affected.', rank: 2 },
    ],
    classifications: [{ id: 'service-disruption', name: 'Service disruption' }],
    audiences: [
      { id: 'executives', name: 'Executives' },
      { id: 'customers', name: 'Customers' },
    ],
    channels: [{ id: 'email', name: 'Email' }],
    escalations: [{ id: 'major-incident', name: 'Major incident process' }],
    rules: [
      rule(TINY_RULES.takeCommand, 'Command', 'Announce that you lead the bridge', 'bridge-control'),
      rule(TINY_RULES.setPriority, 'Priority', 'Set the priority from impact and urgency', 'priority'),
      rule(TINY_RULES.notifyExecutives, 'Communication', 'Tell executives about a P1', 'notification'),
      rule(TINY_RULES.updateCadence, 'Communication', 'Update stakeholders at a steady cadence', 'notification'),
    ],
    ...overrides,
  };
}

/**
 * A minimal valid scenario on the tiny playbook: 10:00:00 to 10:10:00, one bridge, the TINY_CAST,
 * one phase, one ending, no beats, and one expectation (announce the role within two minutes).
 */
export function tinyScenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    schemaVersion: 1,
    id: TINY_SCENARIO_ID,
    title: 'Tiny scenario',
    version: '1.0.0',
    summary: 'A scenario small enough to state in a test.',
    briefing: 'It is 10:00. Something is wrong.',
    objectives: ['Run the bridge.'],
    difficulty: 'introductory',
    estimatedMinutes: 10,
    playbook: TINY_PLAYBOOK_ID,
    clock: { ...TINY_CLOCK },
    cast: [...TINY_CAST],
    bridges: [{ id: TINY_BRIDGE, name: 'Main bridge', purpose: 'technical' }],
    phases: [{ id: 'incident', title: 'The incident' }],
    timeline: [],
    endings: [{ id: 'time-up', title: 'Time is up', summary: 'The clock ran out.', outcome: 'partial' }],
    rubric: [
      {
        id: 'take-command',
        kind: 'achieve',
        title: 'Announce that you lead the bridge',
        rule: TINY_RULES.takeCommand,
        competency: 'bridge-control',
        points: 10,
        expect: { did: { type: 'announce-role' } },
        within: '02:00',
      },
    ],
    ...overrides,
  };
}

export interface LoadedTiny {
  readonly scenario: Scenario;
  readonly playbook: Playbook;
  /** Lint warnings the loader found; a tiny scenario with errors never loads. */
  readonly warnings: readonly Diagnostic[];
}

/** The loader's errors, each with the offending line of the built JSON under it. */
function failure(file: string, text: string, diagnostics: readonly Diagnostic[]): Error {
  const lines = diagnostics.filter((d) => d.severity === 'error').map((d) => `${formatDiagnostic(file, d)}\n${codeFrame(text, d)}`);
  return new Error(`${file} does not load:\n${lines.join('\n')}`);
}

/**
 * Builds a tiny scenario and playbook and runs them through the real loaders, as `check` would.
 * Throws with the loader's diagnostics when either is invalid, so a test never runs on a bad file.
 */
export function loadTiny(overrides: Partial<Scenario> = {}, playbookOverrides: Partial<Playbook> = {}): LoadedTiny {
  const playbookText = JSON.stringify(tinyPlaybook(playbookOverrides), null, 2);
  const loadedPlaybook = loadPlaybook(playbookText);
  if (!loadedPlaybook.value) throw failure('tiny-playbook.json', playbookText, loadedPlaybook.diagnostics);
  const playbook = loadedPlaybook.value;
  const scenarioText = JSON.stringify(tinyScenario(overrides), null, 2);
  const loaded = loadScenario(scenarioText, new Map([[playbook.id, playbook]]));
  if (!loaded.value || !loaded.playbook) throw failure('tiny.json', scenarioText, loaded.diagnostics);
  return { scenario: loaded.value, playbook: loaded.playbook, warnings: loaded.diagnostics.filter((d) => d.severity === 'warning') };
}
