import type { Action, ActionLog, ActionOf } from '../../core/actions/action.ts';
import type { Playbook } from '../../core/playbook/schema.ts';
import type { ScoreReport } from '../../core/report/score-report.ts';
import { compileScenario } from '../../core/scenario/compile.ts';
import type { CompiledScenario } from '../../core/scenario/compiled.ts';
import type { Scenario } from '../../core/scenario/schema.ts';
import { describeAction } from '../../core/session/describe-action.ts';
import { Session } from '../../core/session/session.ts';
import { controlForAction, type ControlHint } from './control-hints.ts';

/** One of the trainee's actions, placed on the scenario clock. */
export interface YourAction {
  /** Position in the trainee's log, from 0. */
  readonly index: number;
  /** ms from the start of the scenario clock. */
  readonly at: number;
  readonly text: string;
}

/** The trainee's action that did what an expert step does, and how it differed. */
export interface YourMatch extends YourAction {
  /** Trainee's time minus the expert's, in ms: positive when later. */
  readonly deltaMs: number;
  /** Set when the same kind of action went another way: another option taken, another channel used. */
  readonly differs: string | null;
}

export interface ExpertStep {
  readonly at: number;
  readonly text: string;
  readonly why: string;
  /** The control on the call that takes the step. */
  readonly control: ControlHint;
  readonly yours: YourMatch | null;
}

/** The model answer and the trainee's actions on one time axis: each expert step with its match, and the trainee's other actions between. */
export type ModelRow = { readonly kind: 'step'; readonly step: ExpertStep } | { readonly kind: 'yours'; readonly action: YourAction };

export interface CanReportAt {
  readonly at: number;
  readonly report: ActionOf<'can-report'>;
}

export interface ModelComparison {
  readonly summary: string | null;
  readonly rows: readonly ModelRow[];
  /** How many expert steps the trainee also took. */
  readonly matched: number;
  readonly steps: number;
  /** The model answer graded as an attempt, so the trainee sees what it earns. */
  readonly expert: { readonly percent: number; readonly passed: boolean };
  readonly expertCan: CanReportAt | null;
  /** The CAN report the trainee was graded on (or their last one). */
  readonly yourCan: CanReportAt | null;
}

export interface ModelSource {
  readonly scenario: Scenario;
  readonly playbook: Playbook;
  readonly log: ActionLog;
  readonly report: ScoreReport;
}

/** Actions that do the same job: the same type on the same person, level, audience, decision... */
function sameJob(action: Action): string {
  switch (action.type) {
    case 'mute':
    case 'unmute':
    case 'page':
    case 'request-update':
    case 'assign':
      return `${action.type}:${action.participant}`;
    case 'set-priority':
      return `${action.type}:${action.level}`;
    case 'classify':
      return `${action.type}:${action.as}`;
    case 'escalate':
    case 'hand-off':
      return `${action.type}:${action.to}`;
    case 'notify':
      return `${action.type}:${action.audience}`;
    case 'decide':
      return `${action.type}:${action.decision}`;
    case 'open-bridge':
      return `${action.type}:${action.bridge}`;
    case 'move':
      return `${action.type}:${action.participant}:${action.bridge}`;
    default:
      return action.type;
  }
}

function optionLabel(compiled: CompiledScenario, decision: string, choice: string): string {
  return compiled.scenario.decisions?.find((item) => item.id === decision)?.options.find((option) => option.id === choice)?.label ?? choice;
}

/** What the trainee did differently from the expert with the same kind of action, in words. */
function difference(expert: Action, yours: Action, compiled: CompiledScenario): string | null {
  if (expert.type === 'decide' && yours.type === 'decide' && expert.choice !== yours.choice) return `You chose: ${optionLabel(compiled, yours.decision, yours.choice)}`;
  if (expert.type === 'notify' && yours.type === 'notify' && expert.channel !== yours.channel) {
    const channel = (id: string) => compiled.playbook.channels.find((item) => item.id === id)?.name ?? id;
    return `You used ${channel(yours.channel)}; the expert used ${channel(expert.channel)}`;
  }
  return null;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** An expert's action as advice ("Mute Claire Dubois's line."), or the trainee's as the transcript says it ("You mute…"). */
export function actionInWords(action: Action, compiled: CompiledScenario, who: 'expert' | 'you'): string {
  if (action.type === 'announce-role') {
    const said = action.message ? `: “${action.message}”` : '';
    return who === 'expert' ? `Announce your role${said || ' and that you lead this bridge.'}` : `You announce your role${said || '.'}`;
  }
  if (action.type === 'can-report') return who === 'expert' ? 'Give a CAN report (shown below).' : 'You give a CAN report.';
  const said = describeAction(action, compiled);
  return who === 'expert' && said.startsWith('You ') ? capitalised(said.slice(4)) : said;
}

function gradedCan(source: ModelSource, at: (action: Action) => number): CanReportAt | null {
  const reports = source.log.actions.filter((action): action is ActionOf<'can-report'> => action.type === 'can-report');
  const submittedAt = source.report.can?.submittedAt ?? null;
  const graded = reports.findLast((action) => action.at === submittedAt) ?? reports.at(-1);
  return graded ? { at: at(graded), report: graded } : null;
}

/**
 * The scenario's model answer beside the trainee's log, or null when the scenario has none. Each expert
 * step is paired with the trainee's first action, not yet paired, that did the same job; the trainee's
 * other actions sit between the steps at their own times.
 */
export function compareWithModelAnswer(source: ModelSource): ModelComparison | null {
  const answer = source.scenario.modelAnswer;
  if (!answer) return null;
  const compiled = compileScenario(source.scenario, source.playbook);
  const at = (action: Action) => compiled.clock.offsetOf(action.at);
  const yours = source.log.actions.map((action, index) => ({ action, index, at: at(action), job: sameJob(action) }));
  const taken = new Set<number>();

  const steps: ExpertStep[] = answer.steps.map(({ action, why }) => {
    const expertAt = at(action);
    const match = yours.find((candidate) => !taken.has(candidate.index) && candidate.job === sameJob(action));
    if (match) taken.add(match.index);
    return {
      at: expertAt,
      text: actionInWords(action, compiled, 'expert'),
      why,
      control: controlForAction(action, source),
      yours: match
        ? { index: match.index, at: match.at, text: actionInWords(match.action, compiled, 'you'), deltaMs: match.at - expertAt, differs: difference(action, match.action, compiled) }
        : null,
    };
  });
  const others = yours.filter((candidate) => !taken.has(candidate.index)).map(({ action, index, at: when }) => ({ index, at: when, text: actionInWords(action, compiled, 'you') }));
  const rows: ModelRow[] = [...steps.map((step) => ({ kind: 'step' as const, step })), ...others.map((action) => ({ kind: 'yours' as const, action }))];
  // Stable: at one instant the expert's step comes before the trainee's own action.
  rows.sort((a, b) => rowAt(a) - rowAt(b));

  const expertLog: ActionLog = { scenario: source.scenario.id, actions: answer.steps.map((step) => step.action) };
  const expertReport = Session.replay(compiled, expertLog).report();
  const expertCan = answer.steps.map((step) => step.action).findLast((action): action is ActionOf<'can-report'> => action.type === 'can-report');
  return {
    summary: answer.summary ?? null,
    rows,
    matched: taken.size,
    steps: steps.length,
    expert: { percent: expertReport.verdict?.percent ?? expertReport.total.percent, passed: expertReport.passed },
    expertCan: expertCan ? { at: at(expertCan), report: expertCan } : null,
    yourCan: gradedCan(source, at),
  };
}

function rowAt(row: ModelRow): number {
  return row.kind === 'step' ? row.step.at : row.action.at;
}

/** "about the same time", "4 min later", "1 h 5 min earlier". */
export function deltaText(deltaMs: number): string {
  const minutes = Math.round(Math.abs(deltaMs) / 60_000);
  if (minutes === 0) return 'about the same time';
  const amount = minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h${minutes % 60 === 0 ? '' : ` ${minutes % 60} min`}`;
  return `${amount} ${deltaMs > 0 ? 'later' : 'earlier'}`;
}
