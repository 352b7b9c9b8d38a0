import { z } from 'zod';
import { Id } from '../../schema-primitives.ts';
import { notHeardBy } from '../../session/effects.ts';
import { actionSchema, ActionText, type ActionKind } from '../action-kind.ts';
import { nameOf } from '../names.ts';
import { unknownParticipant } from '../references.ts';

const schema = actionSchema('assign', {
  participant: Id,
  task: ActionText,
  dueMinutes: z.number().positive().max(24 * 60).optional(),
});

/** The trainee gives a named person a task, optionally time-boxed. */
export const assign: ActionKind<typeof schema> = {
  schema,
  references: unknownParticipant,
  apply: (draft, action, { compiled }) => notHeardBy(draft, action.participant, compiled),
  describe: (action, compiled) =>
    `You assign ${nameOf(compiled, action.participant)}: ${action.task}${action.dueMinutes === undefined ? '' : ` (report back in ${action.dueMinutes} min)`}`,
  text: (action) => action.task,
};
