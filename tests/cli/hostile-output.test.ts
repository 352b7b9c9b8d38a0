import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { acmeText, repoPath } from '../helpers.ts';
import { ACTIVE, HOSTILE, runCli, scratchFolder } from './cli-harness.ts';

const scratch = scratchFolder('bridge-drill-hostile-');

const inertEverywhere = (ran: { out: string; err: string }) => {
  expect(ran.out).not.toMatch(ACTIVE);
  expect(ran.err).not.toMatch(ACTIVE);
};

describe('terminal control characters reach no command raw', () => {
  it('check: in a file name, an unknown key and a syntax error', async () => {
    const scenario = JSON.parse(acmeText()) as Record<string, unknown>;
    scenario[`x${HOSTILE}`] = HOSTILE;
    const path = scratch.write(`hostile${HOSTILE.replace(/\//g, '')}.json`, JSON.stringify(scenario, null, 2));
    const ran = await runCli(['check', '--no-voice', path]);
    expect(ran.code).toBe(1);
    expect(ran.out).toContain('E_SCHEMA');
    inertEverywhere(ran);
    const json = await runCli(['check', '--format', 'json', path]);
    inertEverywhere(json);
    expect((JSON.parse(json.out) as { files: { file: string }[] }).files[0]?.file).toBe(path);
  });

  it('graph: in the scenario title and phase names', async () => {
    const scenario = JSON.parse(acmeText()) as { title: string; phases: { title?: string; name?: string }[] };
    scenario.title = HOSTILE;
    const path = scratch.write('hostile-graph.json', JSON.stringify(scenario, null, 2));
    const ran = await runCli(['graph', path]);
    inertEverywhere(ran);
  });

  it('regrade: in an attempt record field that is echoed back', async () => {
    const attempt = JSON.parse(readFileSync(repoPath('tests/fixtures/attempts/acme-strong.attempt.json'), 'utf8')) as Record<string, unknown>;
    attempt['attemptId'] = HOSTILE;
    const ran = await runCli(['regrade', scratch.write('hostile.attempt.json', JSON.stringify(attempt))]);
    expect(ran.code).toBe(1);
    inertEverywhere(ran);
  });

  it('usage errors: in a command name, an option and an e-mail address', async () => {
    for (const args of [[HOSTILE], ['grade', `--${HOSTILE}`, 'x'], ['users', 'add', `${HOSTILE}@x.y`, '--role', 'hr'], ['check', `--${HOSTILE}`]]) {
      const ran = await runCli(args);
      expect(ran.code, JSON.stringify(args)).toBe(2);
      inertEverywhere(ran);
    }
  });

  it('grade and play: in a log field of a log that is refused', async () => {
    const log = { scenario: 'acme-chemical', actions: [{ at: '02:47:00', type: HOSTILE }] };
    const path = scratch.write('hostile-log.json', JSON.stringify(log, null, 2));
    for (const command of ['grade', 'play']) {
      const ran = await runCli([command, '--scenario', 'acme-chemical', '--log', path]);
      expect(ran.code).toBe(1);
      expect(ran.err).toContain('\\u001b]0;pwned');
      inertEverywhere(ran);
    }
  });
});

describe('message streams are capped', () => {
  it('a log full of syntax errors writes a bounded error stream, with what was left out counted', async () => {
    const path = scratch.write('many-errors.json', `[${'1 '.repeat(800_000)}]`);
    const ran = await runCli(['grade', '--scenario', 'acme-chemical', '--log', path]);
    expect(ran.code).toBe(1);
    expect(ran.err.length).toBeLessThan(20_000);
    expect(ran.err).toMatch(/799969 more diagnostic\(s\) not shown/);
  });

  it('check with no practical message limit still stops at its output cap, then gives the count cut and the totals', async () => {
    const path = scratch.write('many-errors-check.json', `[${'1 '.repeat(100_000)}]`);
    const ran = await runCli(['check', '--max-messages', '9999999', path]);
    expect(ran.code).toBe(1);
    expect(ran.out.length).toBeLessThan(1_001_000);
    expect(ran.out).toMatch(/bridge-drill: \d+ more line\(s\) of messages \(\d+ characters\) not shown; the output is capped at 1000000 characters\n1 file\(s\) checked: 99999 error\(s\), 0 warning\(s\)\n$/);
  });
});
