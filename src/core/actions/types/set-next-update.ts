import { z } from 'zod';
import { actionSchema, type ActionKind } from '../action-kind.ts';

const schema = actionSchema('set-next-update', { minutes: z.number().positive().max(24 * 60) });

/** The trainee commits to when the next update goes out; the HUD counts down to it. */
export const setNextUpdate: ActionKind<typeof schema> = {
  schema,
  apply: (draft, action) => {
    draft.nextUpdateDue = draft.now + action.minutes * 60 * 1000;
    return undefined;
  },
  describe: (action) => `You commit to the next update in ${action.minutes} minutes.`,
};
