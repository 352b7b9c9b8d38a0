import { actionSchema, type ActionKind } from '../action-kind.ts';

const schema = actionSchema('close', {});

/** The trainee closes the incident after the service and business owners validated it. */
export const close: ActionKind<typeof schema> = {
  schema,
  describe: () => 'You close the incident.',
};
