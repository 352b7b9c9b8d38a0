import { actionSchema, ActionText, type ActionKind } from '../action-kind.ts';

const schema = actionSchema('note', { text: ActionText });

/** The trainee writes a scribe note for the record; it has no effect of its own. */
export const note: ActionKind<typeof schema> = {
  schema,
  describe: (action) => `Scribe note: ${action.text}`,
  text: (action) => action.text,
};
