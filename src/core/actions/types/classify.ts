import { Id } from '../../schema-primitives.ts';
import { actionSchema, type ActionKind } from '../action-kind.ts';
import { nameIn } from '../names.ts';
import { unknownId } from '../references.ts';

const schema = actionSchema('classify', { as: Id });

/** The trainee classifies the impact with one of the playbook's classifications. */
export const classify: ActionKind<typeof schema> = {
  schema,
  references: (action, known) => unknownId('E_LOG_UNKNOWN_CLASSIFICATION', 'classification', 'as', action.as, known.classifications),
  apply: (draft, action) => {
    draft.classification = action.as;
    return undefined;
  },
  describe: (action, compiled) => `You classify the incident as ${nameIn(compiled.playbook.classifications, action.as)}.`,
};
