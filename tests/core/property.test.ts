import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadPlaybook, loadScenario } from '../../src/core/load.ts';
import { validateLog } from '../../src/core/session/validate-log.ts';
import { acmeObject, acmeText, bundledPlaybooks, loadAcme } from '../helpers.ts';

const playbooks = bundledPlaybooks();
const { scenario, playbook } = loadAcme();

/** Either a valid scenario with no errors, or at least one positioned error: never a throw. */
function expectDiagnosticsOrValue(text: string): void {
  const loaded = loadScenario(text, playbooks);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (loaded.value === undefined) expect(errors.length).toBeGreaterThan(0);
  else expect(errors).toEqual([]);
  for (const d of loaded.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
  }
}

const jsonValue = fc.jsonValue({ maxDepth: 4 });

describe('parser and validator never throw', () => {
  it('on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), expectDiagnosticsOrValue), { numRuns: 500 });
  });

  it('on arbitrary JSON values', () => {
    fc.assert(fc.property(jsonValue, (value) => expectDiagnosticsOrValue(JSON.stringify(value))), { numRuns: 500 });
    fc.assert(fc.property(jsonValue, (value) => {
      const loaded = loadPlaybook(JSON.stringify(value));
      expect(loaded.value === undefined ? loaded.diagnostics.length > 0 : true).toBe(true);
    }), { numRuns: 300 });
  });

  it('on the Acme scenario with a random value replaced anywhere in it', () => {
    const paths: (string | number)[][] = [];
    const collect = (node: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(node)) node.forEach((child, i) => collect(child, [...path, i]));
      else if (node !== null && typeof node === 'object') for (const [key, child] of Object.entries(node)) collect(child, [...path, key]);
    };
    collect(acmeObject(), []);
    const mutation = fc.record({ path: fc.constantFrom(...paths.filter((p) => p.length > 0)), value: jsonValue });
    fc.assert(
      fc.property(mutation, ({ path, value }) => {
        const copy = acmeObject();
        let parent: any = copy;
        for (const key of path.slice(0, -1)) parent = parent[key];
        parent[path[path.length - 1] as string | number] = value;
        expectDiagnosticsOrValue(JSON.stringify(copy, null, 2));
      }),
      { numRuns: 400 },
    );
  });

  it('on the Acme text cut or corrupted at a random place', () => {
    const text = acmeText();
    fc.assert(
      fc.property(fc.nat({ max: text.length }), fc.string({ maxLength: 8 }), (at, junk) => {
        expectDiagnosticsOrValue(text.slice(0, at) + junk + text.slice(at + junk.length));
      }),
      { numRuns: 300 },
    );
  });

  it('validateLog answers every arbitrary log with a verdict', () => {
    const action = fc.record({
      at: fc.oneof(fc.constantFrom('02:46:00', '03:00:00', '03:49:59', '04:00:00'), fc.string({ maxLength: 8 })),
      type: fc.constantFrom('mute', 'notify', 'set-priority', 'decide', 'can-report', 'nope'),
      participant: fc.constantFrom('noisy-sme', 'pete', 'nobody'),
      level: fc.constantFrom('P1', 'P9'),
    }, { requiredKeys: ['at', 'type'] });
    fc.assert(
      fc.property(fc.oneof(jsonValue, fc.record({ scenario: fc.constant('acme-chemical'), actions: fc.array(action, { maxLength: 6 }) })), (log) => {
        const result = validateLog(log, scenario, playbook);
        if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
