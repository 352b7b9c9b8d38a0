import { actionSchema, ActionText, type ActionKind } from '../action-kind.ts';

const schema = actionSchema('resolve', { summary: ActionText.optional() });

/** The trainee declares the service restored. */
export const resolve: ActionKind<typeof schema> = {
  schema,
  describe: (action) => `You declare the service restored${action.summary ? `: ${action.summary}` : '.'}`,
  text: (action) => action.summary ?? '',
};
