import { Id } from '../../schema-primitives.ts';
import { moveTo } from '../../session/effects.ts';
import { actionSchema, type ActionKind } from '../action-kind.ts';
import { nameOf } from '../names.ts';
import { unknownId, unknownParticipant } from '../references.ts';

const schema = actionSchema('move', { participant: Id, bridge: Id });

/** The trainee sends someone on the call to another open bridge, e.g. customer service to the business bridge. */
export const move: ActionKind<typeof schema> = {
  schema,
  references: (action, known) => [...unknownParticipant(action, known), ...unknownId('E_LOG_UNKNOWN_BRIDGE', 'bridge', 'bridge', action.bridge, known.bridges)],
  apply: (draft, action, { compiled, source }) => {
    const current = draft.participants[action.participant];
    const bridgeName = compiled.bridges.get(action.bridge)?.name ?? action.bridge;
    if (!current?.present) return `${nameOf(compiled, action.participant)} is not on a bridge.`;
    if (draft.bridges[action.bridge] !== true) return `The ${bridgeName} is not open yet.`;
    if (current.bridge === action.bridge) return `${nameOf(compiled, action.participant)} is already on the ${bridgeName}.`;
    moveTo(draft, action.participant, action.bridge, source, compiled);
    return undefined;
  },
  describe: (action, compiled) => `You ask ${nameOf(compiled, action.participant)} to move to the ${compiled.bridges.get(action.bridge)?.name ?? action.bridge}.`,
};
