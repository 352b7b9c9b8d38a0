import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { playbookJsonSchema, scenarioJsonSchema } from '../src/core/json-schemas.ts';
import { loadPlaybook, loadScenario } from '../src/core/load.ts';
import { bundledPlaybooks, readRepoText, repoPath } from './helpers.ts';

const scenarioFiles = readdirSync(repoPath('scenarios')).filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'));
const playbookFiles = readdirSync(repoPath('scenarios/playbooks')).filter((name) => name.endsWith('.json') && !name.endsWith('.schema.json'));

describe('every file in scenarios/', () => {
  it.each(playbookFiles)('playbook %s is valid, with its id matching its file name', (name) => {
    const loaded = loadPlaybook(readRepoText(`scenarios/playbooks/${name}`));
    expect(loaded.diagnostics).toEqual([]);
    expect(`${loaded.value?.id}.json`).toBe(name);
  });

  it.each(scenarioFiles)('scenario %s is valid with no warnings, and its id matches its file name', (name) => {
    const loaded = loadScenario(readRepoText(`scenarios/${name}`), bundledPlaybooks());
    expect(loaded.diagnostics).toEqual([]);
    expect(`${loaded.value?.id}.json`).toBe(name);
  });

  it('ships JSON Schemas that match the validator', () => {
    expect(JSON.parse(readRepoText('scenarios/scenario.schema.json'))).toEqual(scenarioJsonSchema());
    expect(JSON.parse(readRepoText('scenarios/playbooks/playbook.schema.json'))).toEqual(playbookJsonSchema());
  });

  it('has the three playbooks the contracts name', () => {
    expect([...bundledPlaybooks().keys()].sort()).toEqual(['freshdesk-teams', 'itil-major-incident', 'mit-ist-problem-response']);
  });
});

const seeds = repoPath('../shared/seeds');
const collapse = (text: string) => text.replace(/\s+/g, ' ');

// The seeds live beside the repository (in shared/), as on CI; a bare clone without them cannot check citations.
describe.runIf(existsSync(seeds))('playbook citations', () => {
  const seedTexts = readdirSync(seeds).map((name) => collapse(readFileSync(`${seeds}/${name}`, 'utf8')));
  it.each(playbookFiles)('every rule of %s quotes its source word for word', (name) => {
    const playbook = loadPlaybook(readRepoText(`scenarios/playbooks/${name}`)).value;
    const unquoted = (playbook?.rules ?? []).filter((rule) => !seedTexts.some((seed) => seed.includes(collapse(rule.cites.quote)))).map((rule) => rule.id);
    expect(unquoted).toEqual([]);
  });
});
