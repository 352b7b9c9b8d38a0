import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { readRepoText } from './helpers.ts';

// Editors validate with the shipped JSON Schemas, not with our loader: every bundled file must pass them too.
describe('the JSON Schemas that editors use', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const scenarioSchema = ajv.compile(JSON.parse(readRepoText('scenarios/scenario.schema.json')));
  const playbookSchema = ajv.compile(JSON.parse(readRepoText('scenarios/playbooks/playbook.schema.json')));

  it('accept the Acme scenario', () => {
    expect(scenarioSchema(JSON.parse(readRepoText('scenarios/acme-chemical.json'))), JSON.stringify(scenarioSchema.errors)).toBe(true);
  });

  it.each(['itil-major-incident', 'mit-ist-problem-response', 'freshdesk-teams'])('accept the %s playbook', (id) => {
    expect(playbookSchema(JSON.parse(readRepoText(`scenarios/playbooks/${id}.json`))), JSON.stringify(playbookSchema.errors)).toBe(true);
  });

  it('reject what the loader rejects: a misspelt property and a bad clock time', () => {
    const scenario = JSON.parse(readRepoText('scenarios/acme-chemical.json'));
    expect(scenarioSchema({ ...scenario, estimatedMinute: 25 })).toBe(false);
    expect(scenarioSchema({ ...scenario, clock: { start: '2:46', end: '03:50:00' } })).toBe(false);
  });
});
