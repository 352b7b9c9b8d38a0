import type { Diagnostic, JsonPath } from '../diagnostics.ts';
import type { JsonDocument } from '../json/source.ts';
import { Suggestions } from '../suggest.ts';
import type { Playbook } from './schema.ts';

/** Duplicate ids and broken references inside a playbook. */
export function checkPlaybook(doc: JsonDocument, playbook: Playbook): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const error = (code: string, message: string, path: JsonPath) => diagnostics.push(doc.diagnostic('error', code, message, path));
  const unique = (key: 'levels' | 'impacts' | 'urgencies' | 'tiers' | 'classifications' | 'audiences' | 'channels' | 'escalations' | 'templates' | 'rules') => {
    const seen = new Set<string>();
    playbook[key]?.forEach((item, i) => {
      if (seen.has(item.id)) error('E_DUPLICATE_ID', `duplicate ${key} id "${item.id}"`, [key, i, 'id']);
      seen.add(item.id);
    });
    return seen;
  };
  const levels = unique('levels');
  const impacts = unique('impacts');
  const urgencies = unique('urgencies');
  const audiences = unique('audiences');
  for (const key of ['tiers', 'classifications', 'channels', 'escalations', 'templates', 'rules'] as const) unique(key);
  const suggestions = new Suggestions(doc);
  const known = (what: string, value: string, set: Set<string>, path: JsonPath) => {
    if (!set.has(value)) error('E_UNKNOWN_REFERENCE', `unknown ${what} "${value}"${suggestions.for(what, value, set, path)}`, path);
  };
  playbook.matrix?.forEach((cell, i) => {
    known('impact', cell.impact, impacts, ['matrix', i, 'impact']);
    known('urgency', cell.urgency, urgencies, ['matrix', i, 'urgency']);
    known('level', cell.level, levels, ['matrix', i, 'level']);
  });
  playbook.templates?.forEach((template, i) => known('audience', template.audience, audiences, ['templates', i, 'audience']));
  diagnostics.push(...suggestions.limitDiagnostics());
  return diagnostics;
}
