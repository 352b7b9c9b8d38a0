import { Id, LevelId } from '../../schema-primitives.ts';
import { actionSchema, type ActionKind } from '../action-kind.ts';
import { nameIn } from '../names.ts';
import { unknownId } from '../references.ts';

const schema = actionSchema('set-priority', { level: LevelId, impact: Id.optional(), urgency: Id.optional() });

/** The trainee sets or changes the incident's priority; impact and urgency are checked only when the playbook has them. */
export const setPriority: ActionKind<typeof schema> = {
  schema,
  references: (action, known) => [
    ...unknownId('E_LOG_UNKNOWN_LEVEL', 'level', 'level', action.level, known.levels),
    ...(known.impacts.size > 0 ? unknownId('E_LOG_UNKNOWN_IMPACT', 'impact', 'impact', action.impact, known.impacts) : []),
    ...(known.urgencies.size > 0 ? unknownId('E_LOG_UNKNOWN_URGENCY', 'urgency', 'urgency', action.urgency, known.urgencies) : []),
  ],
  apply: (draft, action) => {
    draft.level = action.level;
    return undefined;
  },
  describe: (action, compiled) => `You set the priority to ${nameIn(compiled.playbook.levels, action.level)}.`,
};
