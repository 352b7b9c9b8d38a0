import type { Action } from '../actions/action.ts';
import type { CompiledScenario } from '../scenario/compiled.ts';

/** The trainee's action in words, as the transcript and debrief show it. */
export function describeAction(action: Action, compiled: CompiledScenario): string {
  const person = (id: string) => compiled.participants.get(id)?.name ?? id;
  const named = <T extends { id: string; name: string }>(list: readonly T[] | undefined, id: string) => list?.find((item) => item.id === id)?.name ?? id;
  const { playbook } = compiled;
  switch (action.type) {
    case 'announce-role':
      return action.message ?? 'You announce that you are the incident manager and are leading this bridge.';
    case 'roll-call':
      return 'You ask everyone on the bridge to identify themselves.';
    case 'mute':
      return `You mute ${person(action.participant)}'s line.`;
    case 'unmute':
      return `You unmute ${person(action.participant)}'s line.`;
    case 'page':
      return `You page ${person(action.participant)} to join the bridge.`;
    case 'assign':
      return `You assign ${person(action.participant)}: ${action.task}${action.dueMinutes === undefined ? '' : ` (report back in ${action.dueMinutes} min)`}`;
    case 'request-update':
      return `You ask ${person(action.participant)} for an update.`;
    case 'open-bridge':
      return `You open the ${action.purpose} bridge "${compiled.bridges.get(action.bridge)?.name ?? action.bridge}".`;
    case 'set-priority':
      return `You set the priority to ${named(playbook.levels, action.level)}.`;
    case 'classify':
      return `You classify the incident as ${named(playbook.classifications, action.as)}.`;
    case 'escalate':
      return `You escalate to ${compiled.participants.has(action.to) ? person(action.to) : named(playbook.escalations, action.to)}.`;
    case 'notify':
      return `You notify ${named(playbook.audiences, action.audience)} by ${named(playbook.channels, action.channel)}: "${action.message}"`;
    case 'set-next-update':
      return `You commit to the next update in ${action.minutes} minutes.`;
    case 'decide': {
      const decision = compiled.scenario.decisions?.find((d) => d.id === action.decision);
      const choice = decision?.options.find((option) => option.id === action.choice)?.label ?? action.choice;
      return `You decide: ${choice}.`;
    }
    case 'can-report':
      return `You give a CAN report. Conditions: ${action.conditions} Actions: ${action.actions} Needs: ${action.needs}`;
    case 'resolve':
      return `You declare the service restored${action.summary ? `: ${action.summary}` : '.'}`;
    case 'close':
      return 'You close the incident.';
    case 'hand-off':
      return `You hand the problem off to ${action.to}: ${action.summary}`;
    case 'note':
      return `Scribe note: ${action.text}`;
  }
}
