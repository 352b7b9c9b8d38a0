import { hasErrors, sortDiagnostics, didYouMean, type Diagnostic } from './diagnostics.ts';
import { parseJson, type JsonDocument, type ParsedJson } from './json/source.ts';
import { propertyNamesOf } from './json/property-names.ts';
import { schemaDiagnostics } from './json/schema-diagnostics.ts';
import { checkPlaybook } from './playbook/check.ts';
import { PlaybookSchema, type Playbook } from './playbook/schema.ts';
import { checkReferences } from './scenario/references.ts';
import { lintScenario, type LintOptions } from './scenario/lint.ts';
import { ScenarioSchema, type Scenario } from './scenario/schema.ts';
import type { z } from 'zod';

export interface Loaded<T> {
  /** Present only when there are no errors (warnings allowed). */
  readonly value: T | undefined;
  readonly diagnostics: readonly Diagnostic[];
  readonly document: JsonDocument;
}

const propertyNames = new Map<z.ZodType, string[]>();
function namesOf(schema: z.ZodType): string[] {
  let names = propertyNames.get(schema);
  if (!names) propertyNames.set(schema, (names = propertyNamesOf(schema)));
  return names;
}

function parseAgainst<T>(parsed: ParsedJson, schema: z.ZodType<T>): { document: JsonDocument; value: T | undefined; diagnostics: Diagnostic[] } {
  if (parsed.value === undefined) return { document: parsed.document, value: undefined, diagnostics: [...parsed.diagnostics] };
  const result = schema.safeParse(parsed.value);
  if (!result.success) {
    return {
      document: parsed.document,
      value: undefined,
      diagnostics: [...parsed.diagnostics, ...schemaDiagnostics(parsed.document, result.error.issues, parsed.value, namesOf(schema))],
    };
  }
  return { document: parsed.document, value: result.data, diagnostics: [...parsed.diagnostics] };
}

/** Parses and validates a playbook file, or takes `text` already parsed. Never throws. */
export function loadPlaybook(text: string | ParsedJson): Loaded<Playbook> {
  const { document: doc, value, diagnostics } = parseAgainst(typeof text === 'string' ? parseJson(text) : text, PlaybookSchema);
  if (value) diagnostics.push(...checkPlaybook(doc, value));
  const sorted = sortDiagnostics(diagnostics);
  return { value: hasErrors(sorted) ? undefined : value, diagnostics: sorted, document: doc };
}

/**
 * Parses (unless `text` comes parsed), validates, checks references against the scenario's playbook, and lints a scenario file.
 * `playbooks` maps playbook ids to loaded playbooks; `options` adds optional checks (voice clips).
 * Never throws.
 */
export function loadScenario(
  text: string | ParsedJson,
  playbooks: ReadonlyMap<string, Playbook>,
  options: LintOptions = {},
): Loaded<Scenario> & { readonly playbook: Playbook | undefined } {
  const { document: doc, value, diagnostics } = parseAgainst(typeof text === 'string' ? parseJson(text) : text, ScenarioSchema);
  let playbook: Playbook | undefined;
  if (value) {
    playbook = playbooks.get(value.playbook);
    if (!playbook) {
      diagnostics.push(
        doc.diagnostic('error', 'E_UNKNOWN_PLAYBOOK', `unknown playbook "${value.playbook}"${didYouMean(value.playbook, playbooks.keys())}`, ['playbook']),
      );
    }
    const referenceErrors = checkReferences(doc, value, playbook);
    diagnostics.push(...referenceErrors);
    if (playbook && !hasErrors(referenceErrors)) diagnostics.push(...lintScenario(doc, value, playbook, options));
  }
  const sorted = sortDiagnostics(diagnostics);
  const ok = value !== undefined && playbook !== undefined && !hasErrors(sorted);
  return { value: ok ? value : undefined, playbook: ok ? playbook : undefined, diagnostics: sorted, document: doc };
}

/** Top-level keys only a scenario has, and only a playbook has (shared ones, like id and title, tell nothing). */
const SCENARIO_KEYS = ['briefing', 'objectives', 'difficulty', 'estimatedMinutes', 'playbook', 'passPercent', 'clock', 'cast', 'bridges', 'variables', 'phases', 'timeline', 'reactions', 'branches', 'decisions', 'endings', 'rubric', 'rubricNotes', 'can'];
const PLAYBOOK_KEYS = ['levelKind', 'levels', 'impacts', 'urgencies', 'matrix', 'tiers', 'classifications', 'audiences', 'channels', 'escalations', 'templates', 'rules', 'rubricTemplates'];

/**
 * Whether a parsed file is a scenario or a playbook: the `$schema` it names when it names one, else the
 * kind most of its own keys belong to, a tie going to the scenario. So a scenario with one stray playbook
 * key (`levels`) is still checked as the scenario it mostly is, and told the key is unknown.
 */
export function documentKind(value: unknown): 'scenario' | 'playbook' {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return 'scenario';
  const schema = (value as { $schema?: unknown }).$schema;
  if (typeof schema === 'string' && /(^|[/\\])playbook\.schema\.json$/.test(schema)) return 'playbook';
  if (typeof schema === 'string' && /(^|[/\\])scenario\.schema\.json$/.test(schema)) return 'scenario';
  const keys = Object.keys(value);
  const scenario = keys.filter((key) => SCENARIO_KEYS.includes(key)).length;
  const playbook = keys.filter((key) => PLAYBOOK_KEYS.includes(key)).length;
  return playbook > scenario ? 'playbook' : 'scenario';
}
