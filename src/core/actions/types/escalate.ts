import { Id } from '../../schema-primitives.ts';
import { joinLater } from '../../session/effects.ts';
import { own } from '../../session/state.ts';
import { actionSchema, type ActionKind } from '../action-kind.ts';
import { nameIn, nameOf } from '../names.ts';
import { unknownId } from '../references.ts';

const schema = actionSchema('escalate', { to: Id });

/** The trainee invokes a playbook process or calls up a person; a person escalated to is paged onto the bridge. */
export const escalate: ActionKind<typeof schema> = {
  schema,
  references: (action, known) => unknownId('E_LOG_UNKNOWN_ESCALATION', 'escalation target', 'to', action.to, known.escalations),
  apply: (draft, action, { compiled, source }) => {
    if (draft.escalations.includes(action.to)) return 'That escalation has already been made.';
    own(draft, 'escalations').push(action.to);
    if (compiled.participants.has(action.to)) joinLater(draft, action.to, source, compiled);
    return undefined;
  },
  describe: (action, compiled) =>
    `You escalate to ${compiled.participants.has(action.to) ? nameOf(compiled, action.to) : nameIn(compiled.playbook.escalations, action.to)}.`,
};
