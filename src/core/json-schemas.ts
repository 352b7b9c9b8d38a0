import { z } from 'zod';
import { PlaybookSchema } from './playbook/schema.ts';
import { ScenarioSchema } from './scenario/schema.ts';
import { EDITOR_SNIPPETS, type EditorSnippet } from './schema-snippets.ts';

/** Looked up by the generator's schema nodes, which are typed as zod core schemas. */
const snippetsBySchema: ReadonlyMap<object, readonly EditorSnippet[]> = EDITOR_SNIPPETS;

/** JSON Schemas for editors, generated from the same definitions the validator uses, with VS Code snippets. */
function toEditorSchema(schema: z.ZodType, title: string, description: string): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, {
    target: 'draft-07',
    io: 'input',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      const snippets = snippetsBySchema.get(zodSchema);
      if (snippets) (jsonSchema as Record<string, unknown>).defaultSnippets = snippets;
    },
  }) as Record<string, unknown>;
  return { ...generated, title, description };
}

export function scenarioJsonSchema(): Record<string, unknown> {
  return toEditorSchema(ScenarioSchema, 'Bridge Drill scenario', 'A branching incident-bridge exercise. See scenarios/README.md.');
}

export function playbookJsonSchema(): Record<string, unknown> {
  return toEditorSchema(PlaybookSchema, 'Bridge Drill playbook', 'Priority levels, audiences, channels and the rules a trainee is graded against.');
}
