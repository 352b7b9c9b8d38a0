import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSha256OfJsonText } from '../../src/core/hash/content-hash.ts';
import { acmeText, repoPath } from '../helpers.ts';
import { runCli, runCliProcess } from './cli-harness.ts';
import { main } from '../../src/cli/main.ts';

const run = (...args: string[]) => runCli(args);
const scratch = mkdtempSync(join(tmpdir(), 'bridge-drill-cli-'));
const writeScratch = (name: string, text: string) => {
  const path = join(scratch, name);
  writeFileSync(path, text);
  return path;
};
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

describe('bridge-drill check', () => {
  it('passes the bundled scenario and playbooks', () => {
    // As a process, so the bin script's exit codes (0 here, 1 and 2 below) are checked as a shell sees them.
    const { code, out } = runCliProcess(['check', 'scenarios/acme-chemical.json', 'scenarios/playbooks/itil-major-incident.json', 'scenarios/playbooks/mit-ist-problem-response.json', 'scenarios/playbooks/freshdesk-teams.json']);
    expect(out).toContain('4 file(s) checked: 0 error(s), 0 warning(s)');
    expect(code).toBe(0);
  });

  it('passes all seven bundled scenarios with no warnings, voice clips included', async () => {
    const ids = ['acme-chemical', 'acme-email-side-bridge', 'mim-day-slowness', 'freshdesk-hosting-outage', 'datacentre-continuity', 'trading-platform-priority', 'mit-sev1-urgent-response'];
    const { code, out } = await run('check', ...ids.map((id) => `scenarios/${id}.json`));
    expect(out).toContain('7 file(s) checked: 0 error(s), 0 warning(s)');
    expect(code).toBe(0);
  });

  it('warns about a line with no voice clip, with the command that makes it', async () => {
    const object = JSON.parse(acmeText()) as { timeline: { type: string; text?: string }[] };
    object.timeline.find((beat) => beat.type === 'say')!.text = 'A line nobody has recorded yet.';
    const { code, out } = await run('check', writeScratch('unvoiced.json', JSON.stringify(object, null, 2)));
    expect(out).toMatch(/warning W_MISSING_VOICE_CLIP: .*A line nobody has recorded yet/);
    expect(out).toContain('npm run audio');
    expect(code).toBe(0);
  });

  it('skips the editor JSON Schemas that a glob picks up', async () => {
    const { code, out } = await run('check', 'scenarios/acme-chemical.json', 'scenarios/scenario.schema.json', 'scenarios/playbooks/playbook.schema.json');
    expect(out).toContain('scenarios/scenario.schema.json: skipped, it is a JSON Schema for editors');
    expect(out).toContain('1 file(s) checked: 0 error(s), 0 warning(s)');
    expect(code).toBe(0);
  });

  it('reports errors compiler-style with a code frame, and exits 1', async () => {
    const broken = acmeText().replace('"to": "customer-impact"', '"to": "customer-impakt"');
    const path = writeScratch('broken.json', broken);
    const line = broken.split('\n').findIndex((l) => l.includes('customer-impakt')) + 1;
    const { code, out } = await run('check', path);
    expect(out).toMatch(new RegExp(`broken\\.json:${line}:\\d+: error E_UNKNOWN_TARGET: phase "bridge-chaos" goes to "customer-impakt"; did you mean "customer-impact"\\?`));
    expect(out).toContain(`${String(line).padStart(5)} | `);
    expect(out).toContain('^');
    expect(code).toBe(1);
  });

  it('reports syntax errors and missing files without a stack trace', () => {
    const path = writeScratch('syntax.json', '{ "id": ');
    const syntax = runCliProcess(['check', path]);
    expect(syntax.code).toBe(1);
    expect(syntax.out).toContain('error E_SYNTAX');
    const missing = runCliProcess(['check', join(scratch, 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.out).toContain('no such file');
    noStackTrace(syntax.out + syntax.err + missing.out + missing.err);
  });
});

describe('bridge-drill grade', () => {
  it('prints the score report JSON for a golden log, by scenario id', async () => {
    const { code, out } = await run('grade', '--scenario', 'acme-chemical', '--log', 'tests/fixtures/acme/strong.json');
    expect(code).toBe(0);
    const report = JSON.parse(out);
    expect(report.total).toEqual({ points: 100, max: 100, percent: 100 });
    expect(report.scenario.id).toBe('acme-chemical');
  });

  it('accepts an explicit playbook file', async () => {
    const { code, out } = await run('grade', '--scenario', 'scenarios/acme-chemical.json', '--log', 'tests/fixtures/acme/do-nothing.json', '--playbook', 'scenarios/playbooks/itil-major-incident.json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ playbook: { id: 'itil-major-incident' }, passed: false });
  });

  it('rejects a bad log compiler-style, naming the offending entry at its line and column, with a code frame, and exit 1', async () => {
    const text = JSON.stringify({ scenario: 'acme-chemical', actions: [{ at: '03:00:00', type: 'roll-call' }, { at: '03:01:00', type: 'mute', participant: 'peet' }] }, null, 2);
    const path = writeScratch('bad-log.json', text);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l.includes('"peet"')) + 1;
    const column = (lines[line - 1] ?? '').indexOf('"peet"') + 1;
    const { code, out, err } = await run('grade', '--scenario', 'acme-chemical', '--log', path);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toContain(`bad-log.json:${line}:${column}: error E_LOG_UNKNOWN_PARTICIPANT: action 2 "mute" at 03:01:00: unknown participant "peet"; did you mean "pete"?`);
    expect(err).toContain(`${String(line).padStart(5)} |       "participant": "peet"\n      | ${' '.repeat(column - 1)}^`);
    noStackTrace(err);
  });

  it('reports every problem of a log with its own code, for play as for grade', async () => {
    const text = JSON.stringify({ scenario: 'acme-chemical', actions: [{ at: '03:00:00', type: 'roll-call' }, { at: '02:59:00', type: 'roll-call' }, { at: '05:00:00', type: 'close' }] }, null, 2);
    const path = writeScratch('two-problems.json', text);
    const { code, out, err } = await run('play', '--scenario', 'acme-chemical', '--log', path);
    expect(code).toBe(1);
    expect(out).toBe('');
    expect(err).toMatch(/two-problems\.json:\d+:\d+: error E_LOG_OUT_OF_ORDER: action 2 "roll-call" at 02:59:00: out of order/);
    expect(err).toMatch(/two-problems\.json:\d+:\d+: error E_LOG_OUTSIDE_WINDOW: action 3 "close" at 05:00:00: 05:00:00 is outside the scenario window/);
    const shape = await run('grade', '--scenario', 'acme-chemical', '--log', writeScratch('list.json', '[]'));
    expect(shape.code).toBe(1);
    expect(shape.err).toContain('list.json:1:1: error E_LOG_SHAPE: the log must be a JSON object');
    noStackTrace(err + shape.err);
  });

  it('refuses a log with a duplicate key, which JSON would silently resolve', async () => {
    const path = writeScratch('duplicate.json', '{\n  "scenario": "acme-chemical",\n  "actions": [],\n  "actions": []\n}');
    const { code, err } = await run('grade', '--scenario', 'acme-chemical', '--log', path);
    expect(code).toBe(1);
    expect(err).toContain('duplicate.json:4:3: error E_DUPLICATE_KEY: duplicate key "actions"');
  });

  it('rejects a log that is not JSON with line and column', async () => {
    const path = writeScratch('not-json.json', '{\n  "scenario": "acme-chemical",\n  "actions": [\n');
    const { code, err } = await run('grade', '--scenario', 'acme-chemical', '--log', path);
    expect(code).toBe(1);
    expect(err).toMatch(/not-json\.json:4:1: error E_SYNTAX/);
  });

  it('adds the content hash of the scenario and playbook it graded against to the report', async () => {
    const log = writeScratch('empty-log.json', JSON.stringify({ scenario: 'acme-chemical', actions: [] }));
    const bundled = await run('grade', '--scenario', 'acme-chemical', '--log', log);
    expect(bundled.code).toBe(0);
    const report = JSON.parse(bundled.out) as { scenario: { sha256: string }; playbook: { sha256: string } };
    expect(report.scenario.sha256).toBe(contentSha256OfJsonText(acmeText()));
    expect(report.playbook.sha256).toMatch(/^[0-9a-f]{64}$/);

    const folder = mkdtempSync(join(tmpdir(), 'bridge-drill-hash-'));
    writeFileSync(join(folder, 'acme.json'), `\uFEFF${JSON.stringify(JSON.parse(acmeText()))}`);
    const reformatted = JSON.parse((await run('grade', '--scenario', join(folder, 'acme.json'), '--log', log)).out) as typeof report;
    expect(reformatted.scenario.sha256).toBe(report.scenario.sha256);

    const edited = JSON.parse(acmeText()) as { title: string };
    edited.title += ' (edited)';
    writeFileSync(join(folder, 'acme.json'), JSON.stringify(edited));
    const changed = JSON.parse((await run('grade', '--scenario', join(folder, 'acme.json'), '--log', log)).out) as typeof report;
    expect(changed.scenario.sha256).not.toBe(report.scenario.sha256);
    expect(changed.playbook.sha256).toBe(report.playbook.sha256);
  });

  it('regrades an attempt record on the exact versions it was played on, or says which one is missing', async () => {
    const fixture = 'tests/fixtures/attempts/acme-strong.attempt.json';
    const regraded = await run('regrade', fixture, '--versions', 'tests/fixtures/attempts/versions');
    expect(regraded.code).toBe(0);
    const stored = JSON.parse(readFileSync(repoPath(fixture), 'utf8')) as { report: { total: unknown; scenario: { sha256: string } }; scenario: { sha256: string } };
    const report = JSON.parse(regraded.out) as typeof stored.report;
    expect(report.total).toEqual(stored.report.total);
    expect(report.scenario.sha256).toBe(stored.scenario.sha256);
    expect(regraded.err).toBe('');

    const elsewhere = 'f'.repeat(64);
    const unknownVersion = { ...stored, scenario: { ...stored.scenario, sha256: elsewhere }, report: { ...stored.report, scenario: { ...stored.report.scenario, sha256: elsewhere } } };
    const missing = await run('regrade', writeScratch('other-version.attempt.json', JSON.stringify(unknownVersion)));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('scenario "acme-chemical" version 1.1.0 (sha256 ffffffff…) is not available here');
    noStackTrace(missing.err);

    const mit = contentSha256OfJsonText(readFileSync(repoPath('scenarios/playbooks/mit-ist-problem-response.json'), 'utf8'));
    const otherPlaybook = { ...stored, playbook: { id: 'mit-ist-problem-response', version: '1.0.0', sha256: mit }, log: { scenario: 'acme-chemical', actions: [] }, report: null, finishedAt: null };
    const unfit = await run('regrade', writeScratch('other-playbook.attempt.json', JSON.stringify(otherPlaybook)), '--versions', 'tests/fixtures/attempts/versions');
    expect(unfit.code).toBe(1);
    expect(unfit.err).toContain('cannot be graded with playbook "mit-ist-problem-response"');
    expect((await run('regrade', fixture, '--versions', 'no-such-folder')).err).toContain('--versions no-such-folder: no such folder');

    const broken = await run('regrade', writeScratch('broken.attempt.json', '{\n  "attemptId": "x"\n}'));
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/broken\.attempt\.json:2:16: error E_ATTEMPT_BAD_ID: /);
    expect((await run('regrade')).code).toBe(2);
  });

  it('grades with the playbook the log names when no --playbook is given', async () => {
    const path = writeScratch('mit-log.json', JSON.stringify({ scenario: 'acme-chemical', playbook: 'mit-ist-problem-response', actions: [] }));
    const { code, err } = await run('grade', '--scenario', 'acme-chemical', '--log', path);
    expect(code).toBe(1);
    expect(err).toContain('cannot be graded with playbook mit-ist-problem-response');
    expect(err).toContain('E_UNKNOWN_LEVEL');
  });

  it('keeps working when a broken file sits in the scenario\'s playbooks folder, and accepts a byte-order mark', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'bridge-drill-folder-'));
    mkdirSync(join(folder, 'playbooks'));
    mkdirSync(join(folder, 'playbooks', 'a-folder.json'));
    writeFileSync(join(folder, 'playbooks', 'broken.json'), '{');
    writeFileSync(join(folder, 'acme.json'), `\uFEFF${acmeText()}`);
    const { code, out } = await run('check', join(folder, 'acme.json'));
    expect(out).toContain('1 file(s) checked: 0 error(s), 0 warning(s)');
    expect(code).toBe(0);
  });

  it('exits 2 on bad usage', async () => {
    expect((await run('grade', '--scenario', 'acme-chemical', '--log', 'a.json', '--log', 'b.json')).code).toBe(2);
    expect((await run('grade', '--scenario', 'acme-chemical')).code).toBe(2);
    expect((await run('grade', '--scenaro', 'x')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
    expect(runCliProcess([]).code).toBe(2);
    expect((await run('play', '--scenario', 'no-such-scenario')).code).toBe(1);
  });
});

describe('bridge-drill play and graph', () => {
  it('plays the do-nothing path: the seed transcript, then the score', async () => {
    const { code, out } = await run('play', '--scenario', 'acme-chemical');
    expect(code).toBe(0);
    expect(out).toContain('03:00:21  ! Customers cannot log in');
    expect(out).toContain('Ending: The bridge was lost');
    expect(out).toMatch(/Score: 3\/100 \(3%\) — NOT PASSED/);
  });

  it('plays a log through to its ending', async () => {
    const { out } = await run('play', '--scenario', 'acme-chemical', '--log', 'tests/fixtures/acme/strong.json');
    expect(out).toContain('> You mute Priya Shah');
    expect(out).toContain('Ending: Under control');
  });

  it('prints the branch graph as Mermaid', async () => {
    const { code, out } = await run('graph', 'scenarios/acme-chemical.json');
    expect(code).toBe(0);
    expect(out.startsWith('flowchart TD')).toBe(true);
    expect(out).toContain('n_bridge_chaos -->|"customer service reports customers cannot log in"| n_customer_impact');
    expect(out).toContain('n_bridge_lost(["The bridge was lost"])');
  });
});

describe('terminal control sequences in scenario and log text', () => {
  const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
  const hostile = '\u001b]0;pwned\u0007\u001b]52;c;ZXZpbA==\u0007\u001b[2J\rScore: 100/100\u009b31m\u202eevil';

  it('reach neither play nor grade raw: every one is written as a visible escape, and the JSON still parses to the same text', async () => {
    const scenario = JSON.parse(acmeText()) as { title: string; cast: { id: string; name: string }[] };
    scenario.title = `Acme ${hostile}`;
    scenario.cast[0]!.name = `Pete ${hostile}`;
    const scenarioPath = writeScratch('hostile-terminal.json', JSON.stringify(scenario, null, 2));
    const log = JSON.parse(readFileSync(repoPath('tests/fixtures/acme/strong.json'), 'utf8')) as { trainee: { name: string }; actions: { type: string; message?: string }[] };
    log.trainee.name = hostile;
    const notice = log.actions.find((action) => action.type === 'notify')!;
    notice.message = `${notice.message ?? ''} ${hostile}`;
    const logPath = writeScratch('hostile-terminal-log.json', JSON.stringify(log));

    const played = await run('play', '--scenario', scenarioPath, '--log', logPath);
    expect(played.code).toBe(0);
    expect(played.out).not.toMatch(ACTIVE);
    expect(played.out).toContain('\\u001b]0;pwned');

    const graded = await run('grade', '--scenario', scenarioPath, '--log', logPath);
    expect(graded.code).toBe(0);
    expect(graded.out).not.toMatch(ACTIVE);
    expect((JSON.parse(graded.out) as { scenario: { title: string }; trainee: { name: string } }).trainee.name).toBe(hostile);
  });
});

describe('bridge-drill export', () => {
  it('never writes an export to a terminal, and says how to get it instead', async () => {
    let out = '';
    let err = '';
    const code = await main(['export', 'csv', '--out', '-'], { out: { write: (chunk: string) => (out += chunk) }, err: { write: (chunk: string) => (err += chunk) }, outIsTerminal: true, env: {} });
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('pipe it to a program, or give --out FILE');
  });
});
