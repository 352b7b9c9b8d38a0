import { Id } from '../../schema-primitives.ts';
import { own } from '../../session/state.ts';
import { actionSchema, type ActionKind } from '../action-kind.ts';
import { BridgePurpose } from '../bridge-purpose.ts';
import { unknownId } from '../references.ts';

const schema = actionSchema('open-bridge', { bridge: Id, purpose: BridgePurpose });

/** The trainee opens another conference bridge. Matchers see the purpose the scenario declares for it. */
export const openBridge: ActionKind<typeof schema> = {
  schema,
  references: (action, known) => unknownId('E_LOG_UNKNOWN_BRIDGE', 'bridge', 'bridge', action.bridge, known.bridges),
  apply: (draft, action, { compiled }) => {
    if (draft.bridges[action.bridge]) return `${compiled.bridges.get(action.bridge)?.name ?? action.bridge} is already open.`;
    own(draft, 'bridges')[action.bridge] = true;
    return undefined;
  },
  describe: (action, compiled) => `You open the ${action.purpose} bridge "${compiled.bridges.get(action.bridge)?.name ?? action.bridge}".`,
};
