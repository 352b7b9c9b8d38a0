import { describe, expect, it } from 'vitest';
import { loadPlaybook, loadScenario } from '../../src/core/load.ts';
import type { Playbook } from '../../src/core/playbook/schema.ts';
import { resolveRubric } from '../../src/core/scenario/rubric-templates.ts';
import { isTemplateUse } from '../../src/core/scenario/schema.ts';
import { grade } from '../../src/core/scoring/grade.ts';
import { acmeObject, bundledPlaybooks, goldenLog, loadAcme, readRepoText } from '../helpers.ts';

const playbookText = () => readRepoText('scenarios/playbooks/itil-major-incident.json');

/** The ITIL playbook with `change` applied to its parsed JSON, loaded as a file would be. */
function itilWith(change: (raw: Record<string, unknown>) => void): Playbook {
  const raw = JSON.parse(playbookText()) as Record<string, unknown>;
  change(raw);
  const loaded = loadPlaybook(JSON.stringify(raw));
  if (!loaded.value) throw new Error(JSON.stringify(loaded.diagnostics));
  return loaded.value;
}

const templates = (raw: Record<string, unknown>) => raw['rubricTemplates'] as { id: string; expectation: Record<string, unknown> }[];

describe('rubric templates: the playbook owns the rules', () => {
  const { scenario, playbook } = loadAcme();
  const strong = goldenLog('strong', scenario, playbook);

  it('Acme instantiates its playbook for the rules it shares with other scenarios', () => {
    const used = scenario.rubric.filter(isTemplateUse).map((entry) => entry.use);
    expect(used).toEqual(expect.arrayContaining(['priority-from-matrix', 'take-command', 'notify-executives', 'notify-customers', 'update-cadence', 'can-report']));
    const priority = resolveRubric(scenario, playbook).expectations.find((item) => item.id === 'p1-on-customer-impact');
    expect(priority).toMatchObject({ kind: 'achieve', rule: 'priority-by-impact', critical: true, expect: { level: 'P1' }, trigger: { fired: 'customers-cannot-log-in' } });
  });

  it('the same scenario graded under another playbook follows that playbook: its matrix, its times, its critical items', () => {
    const stricter = itilWith((raw) => {
      for (const cell of raw['matrix'] as { impact: string; urgency: string; level: string }[]) if (cell.impact === 'enterprise' && cell.urgency === 'high') cell.level = 'P2';
      const priority = templates(raw).find((template) => template.id === 'priority-from-matrix');
      if (priority) Object.assign(priority.expectation, { within: '05:00', points: 20 });
    });
    const item = resolveRubric(scenario, stricter).expectations.find((candidate) => candidate.id === 'p1-on-customer-impact');
    expect(item).toMatchObject({ expect: { level: 'P2' }, within: '05:00', points: 20 });

    const underItil = grade(scenario, playbook, strong);
    const underStricter = grade(scenario, stricter, strong);
    const finding = (report: typeof underItil) => report.findings.find((candidate) => candidate.id === 'p1-on-customer-impact');
    expect(finding(underItil)).toMatchObject({ status: 'on-time', max: 14 });
    expect(finding(underStricter)).toMatchObject({ status: 'missed', max: 20, critical: true });
    expect(underStricter.passed).toBe(false);
  });

  it('the update cadence comes from the level the playbook gives it', () => {
    const hourly = itilWith((raw) => {
      for (const level of raw['levels'] as { id: string; updateEveryMinutes?: number }[]) if (level.id === 'P1') level.updateEveryMinutes = 60;
    });
    expect(resolveRubric(scenario, hourly).expectations.find((item) => item.id === 'update-cadence')).toMatchObject({ kind: 'cadence', every: '01:00:00' });
    expect(resolveRubric(scenario, playbook).expectations.find((item) => item.id === 'update-cadence')).toMatchObject({ every: '30:00', title: 'Update stakeholders every 30:00' });
  });

  it('a template a playbook does not have is a clear error that lists what it has', () => {
    const raw = acmeObject();
    (raw['rubric'] as unknown[]).push({ id: 'extra', use: 'priority-from-matix' });
    const loaded = loadScenario(JSON.stringify(raw), bundledPlaybooks());
    expect(loaded.value).toBeUndefined();
    const problem = loaded.diagnostics.find((diagnostic) => diagnostic.code === 'E_UNKNOWN_TEMPLATE');
    expect(problem?.message).toMatch(/^playbook "itil-major-incident" has no rubric template "priority-from-matix" \(it has "priority-from-matrix", /);
  });

  it('a missing parameter, or an impact and urgency the matrix does not have, is a clear error', () => {
    const missing = acmeObject();
    (missing['rubric'] as unknown[]).push({ id: 'extra', use: 'classify-impact' });
    expect(loadScenario(JSON.stringify(missing), bundledPlaybooks()).diagnostics.find((d) => d.code === 'E_TEMPLATE')?.message).toBe(
      'rubric template "classify-impact" needs {classification}; give it in "with"',
    );
    const offMatrix = acmeObject();
    (offMatrix['rubric'] as unknown[]).push({ id: 'extra', use: 'priority-from-matrix', with: { impact: 'enterprise', urgency: 'sky-high' } });
    expect(loadScenario(JSON.stringify(offMatrix), bundledPlaybooks()).diagnostics.find((d) => d.code === 'E_TEMPLATE')?.message).toMatch(
      /no priority for impact "enterprise" and urgency "sky-high"/,
    );
    const badValue = acmeObject();
    (badValue['rubric'] as unknown[]).push({ id: 'extra', use: 'classify-impact', with: { classification: 'Not An Id' } });
    expect(loadScenario(JSON.stringify(badValue), bundledPlaybooks()).diagnostics.map((d) => d.code)).toContain('E_TEMPLATE');
  });

  it('reads a single phrasing given as text where the template wants a list, and keeps late credit below the points it replaces', () => {
    const raw = acmeObject();
    (raw['rubric'] as unknown[]).push({ id: 'extra', use: 'notify-executives', with: { service: 'portal', impact: 'down' } }, { id: 'cheap-p1', use: 'priority-from-matrix', with: { impact: 'enterprise', urgency: 'high' }, points: 7 });
    const loaded = loadScenario(JSON.stringify(raw), bundledPlaybooks());
    if (!loaded.value || !loaded.playbook) throw new Error(JSON.stringify(loaded.diagnostics));
    const items = resolveRubric(loaded.value, loaded.playbook).expectations;
    expect(items.find((item) => item.id === 'extra')).toMatchObject({ expect: { did: { says: { service: ['portal'], impact: ['down'] } } } });
    expect(items.find((item) => item.id === 'cheap-p1')).toMatchObject({ points: 7, late: { points: 4 } });
  });

  it('a filled-in template is checked like any rubric item: an unknown classification is named', () => {
    const raw = acmeObject();
    (raw['rubric'] as unknown[]).push({ id: 'extra', use: 'classify-impact', with: { classification: 'service-disruptoin' } });
    const codes = loadScenario(JSON.stringify(raw), bundledPlaybooks()).diagnostics.map((d) => d.code);
    expect(codes).toContain('E_UNKNOWN_CLASSIFICATION');
  });
});

describe('compatibility: scenarios written before rubric templates', () => {
  it('the previous Acme version, every rubric item written out in full, still loads and grades its strong journey', () => {
    const texts = new Map(
      ['acme-chemical@5dbe51f4.json', 'itil-major-incident@e1bfd177.json'].map((name) => [name, readRepoText(`tests/fixtures/attempts/versions/${name}`)]),
    );
    const oldPlaybook = loadPlaybook(texts.get('itil-major-incident@e1bfd177.json') ?? '').value;
    if (!oldPlaybook) throw new Error('the stored playbook version no longer loads');
    const oldScenario = loadScenario(texts.get('acme-chemical@5dbe51f4.json') ?? '', new Map([[oldPlaybook.id, oldPlaybook]]));
    expect(oldScenario.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    if (!oldScenario.value) throw new Error('the stored scenario version no longer loads');
    expect(oldScenario.value.rubric.some(isTemplateUse)).toBe(false);
    const report = grade(oldScenario.value, oldPlaybook, goldenLog('strong', oldScenario.value, oldPlaybook));
    expect(report.ending?.outcome).toBe('success');
    expect(report.passed).toBe(true);
  });
});
