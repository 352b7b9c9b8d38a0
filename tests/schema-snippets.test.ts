import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../src/core/json-schemas.ts';
import { loadScenario } from '../src/core/load.ts';
import { BeatSchema, ExpectationSchema, ScenarioSchema } from '../src/core/scenario/schema.ts';
import { EDITOR_SNIPPETS, type EditorSnippet } from '../src/core/schema-snippets.ts';
import { bundledPlaybooks } from './helpers.ts';

/** What VS Code inserts when every tab stop keeps its default text. */
function expand(body: unknown): unknown {
  if (typeof body === 'string') {
    const text = body.replace(/\$\{\d+:([^}]*)\}/g, '$1');
    return text.startsWith('^') ? JSON.parse(text.slice(1)) : text;
  }
  if (Array.isArray(body)) return body.map(expand);
  if (body !== null && typeof body === 'object') return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, expand(value)]));
  return body;
}

const entries = [...EDITOR_SNIPPETS].flatMap(([schema, snippets]) => snippets.map((snippet) => [snippet.label, schema, snippet] as const));

describe('the VS Code snippets in the editor JSON Schemas', () => {
  it.each(entries)('"%s" inserts a value the validator accepts', (_label, schema, snippet) => {
    const result = schema.safeParse(expand(snippet.body));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  it('the new-scenario skeleton loads with no diagnostics at all', () => {
    const skeleton = EDITOR_SNIPPETS.get(ScenarioSchema)?.[0];
    const loaded = loadScenario(JSON.stringify(expand(skeleton?.body)), bundledPlaybooks());
    expect(loaded.diagnostics).toEqual([]);
  });

  it('offers a beat and an effect snippet for every effect type, and one per rubric kind', () => {
    const types = BeatSchema.options.map((option) => option.shape.type.value);
    const labels = (snippets: readonly EditorSnippet[] | undefined) => (snippets ?? []).map((snippet) => (expand(snippet.body) as { type?: string; kind?: string }));
    expect(labels([...EDITOR_SNIPPETS].find(([schema]) => schema === BeatSchema)?.[1]).map((body) => body.type)).toEqual(types);
    const kinds = new Set(labels(EDITOR_SNIPPETS.get(ExpectationSchema)).map((body) => body.kind));
    expect([...kinds].sort()).toEqual(ExpectationSchema.options.map((option) => option.shape.kind.value).sort());
  });

  it('are written into the generated schema where the editor looks for them', () => {
    const schema = scenarioJsonSchema() as { defaultSnippets?: EditorSnippet[]; properties: Record<string, { items?: { defaultSnippets?: EditorSnippet[] } }> };
    expect(schema.defaultSnippets?.[0]?.label).toBe('new scenario');
    for (const list of ['cast', 'bridges', 'timeline', 'reactions', 'branches', 'decisions', 'phases', 'endings', 'rubric']) {
      expect(schema.properties[list]?.items?.defaultSnippets?.length, list).toBeGreaterThan(0);
    }
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate(expand(schema.defaultSnippets?.[0]?.body)), JSON.stringify(validate.errors)).toBe(true);
  }, 30_000);
});
