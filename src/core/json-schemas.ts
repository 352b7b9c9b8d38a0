import { z } from 'zod';
import { PlaybookSchema } from './playbook/schema.ts';
import { ScenarioSchema } from './scenario/schema.ts';

/** JSON Schemas for editors, generated from the same definitions the validator uses. */
function toEditorSchema(schema: z.ZodType, title: string, description: string): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, { target: 'draft-07', io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...generated, title, description };
}

export function scenarioJsonSchema(): Record<string, unknown> {
  return toEditorSchema(ScenarioSchema, 'Bridge Drill scenario', 'A branching incident-bridge exercise. See scenarios/README.md.');
}

export function playbookJsonSchema(): Record<string, unknown> {
  return toEditorSchema(PlaybookSchema, 'Bridge Drill playbook', 'Priority levels, audiences, channels and the rules a trainee is graded against.');
}
