import { z } from 'zod';
import { actionSchema, type ActionKind } from '../action-kind.ts';

const Section = z.string().max(8000);
const schema = actionSchema('can-report', { conditions: Section, actions: Section, needs: Section });

/** The trainee gives a CAN report (Conditions, Actions, Needs); the CAN grader reads it, the simulation does not. */
export const canReport: ActionKind<typeof schema> = {
  schema,
  describe: (action) => `You give a CAN report. Conditions: ${action.conditions} Actions: ${action.actions} Needs: ${action.needs}`,
  text: (action) => `${action.conditions}\n${action.actions}\n${action.needs}`,
};
