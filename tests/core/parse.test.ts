import { describe, expect, it } from 'vitest';
import { parseJson, MAX_DOCUMENT_BYTES } from '../../src/core/json/source.ts';
import { loadPlaybook, loadScenario } from '../../src/core/load.ts';
import { acmeText, bundledPlaybooks, readRepoText } from '../helpers.ts';

describe('parseJson', () => {
  it('reports syntax errors with line and column', () => {
    const { diagnostics, value } = parseJson('{\n  "a": 1,\n  "b": \n}');
    expect(value).toBeUndefined();
    expect(diagnostics[0]).toMatchObject({ code: 'E_SYNTAX', line: 4, column: 1, severity: 'error' });
  });

  it('reports duplicate keys, which JSON.parse would silently drop', () => {
    const { diagnostics } = parseJson('{\n  "id": "a",\n  "id": "b"\n}');
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'E_DUPLICATE_KEY', line: 3, column: 3 })]);
  });

  it('refuses oversized and absurdly nested input with a clear message instead of hanging', () => {
    const big = parseJson(`"${'x'.repeat(MAX_DOCUMENT_BYTES + 10)}"`);
    expect(big.diagnostics[0]?.code).toBe('E_TOO_LARGE');
    const deep = parseJson('['.repeat(100_000));
    expect(deep.diagnostics[0]?.code).toBe('E_TOO_DEEP');
  });

  it('reports an empty file', () => {
    expect(parseJson('   ').diagnostics[0]?.code).toBe('E_SYNTAX');
  });
});

describe('loadScenario', () => {
  it('accepts the Acme exercise with no diagnostics at all', () => {
    const loaded = loadScenario(acmeText(), bundledPlaybooks());
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.value?.id).toBe('acme-chemical');
    expect(loaded.playbook?.id).toBe('itil-major-incident');
  });

  it('points schema errors at the offending property, with "did you mean" for misspelt keys', () => {
    const text = acmeText().replace('"estimatedMinutes": 25', '"estimatedMinute": 25');
    const { diagnostics, value } = loadScenario(text, bundledPlaybooks());
    expect(value).toBeUndefined();
    const line = text.split('\n').findIndex((l) => l.includes('"estimatedMinute"')) + 1;
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'E_SCHEMA', line, message: expect.stringContaining('did you mean "estimatedMinutes"') }));
  });

  it('explains a wrong clock time and a misspelt condition operator', () => {
    const text = acmeText().replace('"start": "02:46:00"', '"start": "2:46"').replace('"fired": "customers-cannot-log-in"', '"fird": "customers-cannot-log-in"');
    const messages = loadScenario(text, bundledPlaybooks()).diagnostics.map((d) => d.message);
    expect(messages.some((m) => m.includes('HH:MM:SS'))).toBe(true);
    expect(messages.some((m) => m.includes('"fird" is not a condition operator; did you mean "fired"?'))).toBe(true);
  });

  it('reports an unknown playbook with a suggestion', () => {
    const text = acmeText().replace('"playbook": "itil-major-incident"', '"playbook": "itil-major-incidnt"');
    const { diagnostics } = loadScenario(text, bundledPlaybooks());
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'E_UNKNOWN_PLAYBOOK', message: expect.stringContaining('did you mean "itil-major-incident"') }));
  });
});

describe('loadPlaybook', () => {
  it('reports a matrix cell that names an unknown level', () => {
    const text = JSON.stringify(
      {
        schemaVersion: 1, id: 'p', title: 'P', version: '1.0.0', summary: 's', levelKind: 'priority',
        levels: [{ id: 'P1', name: 'One', description: 'd', rank: 1 }],
        impacts: [{ id: 'high', name: 'High' }], urgencies: [{ id: 'high', name: 'High' }],
        matrix: [{ impact: 'high', urgency: 'high', level: 'P7' }],
        classifications: [{ id: 'c', name: 'C' }], audiences: [{ id: 'a', name: 'A' }], channels: [{ id: 'email', name: 'E-mail' }],
        rules: [{ id: 'r', section: 'S', title: 'T', text: 'x', cites: { source: 's', section: 's', quote: 'q' } }],
      },
      null,
      2,
    );
    const loaded = loadPlaybook(text);
    expect(loaded.value).toBeUndefined();
    expect(loaded.diagnostics).toContainEqual(expect.objectContaining({ code: 'E_UNKNOWN_REFERENCE', message: 'unknown level "P7"; did you mean "P1"?' }));
  });
});

describe('loading text already parsed', () => {
  it('gives what loading the text gives, and leaves the parsed text as it was for another use', () => {
    const text = acmeText().replace('"speaker": "pete"', '"speaker": "petee"');
    const parsed = parseJson(text);
    const before = [...parsed.diagnostics];
    const fromParsed = loadScenario(parsed, bundledPlaybooks());
    expect(fromParsed.diagnostics).toEqual(loadScenario(text, bundledPlaybooks()).diagnostics);
    expect(fromParsed.diagnostics.some((d) => d.code === 'E_UNKNOWN_PARTICIPANT')).toBe(true);
    expect(parsed.diagnostics).toEqual(before);
    expect(loadPlaybook(parseJson(readRepoText('scenarios/playbooks/itil-major-incident.json'))).value?.id).toBe('itil-major-incident');
  });
});
