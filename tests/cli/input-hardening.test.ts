import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acmeText, repoPath } from '../helpers.ts';
import { runCli, runCliProcess, scratchFolder } from './cli-harness.ts';

const scratch = scratchFolder('bridge-drill-input-');
const strongLog = readFileSync(repoPath('tests/fixtures/acme/strong.json'), 'utf8');
const zero = openSync('/dev/zero', 'r');
afterAll(() => closeSync(zero));

describe('every input goes through one bounded reader that reads only regular files', () => {
  it('refuses a device, for check, grade and play, in one line and without reading it', async () => {
    const checked = await runCli(['check', '/dev/zero']);
    expect(checked.code).toBe(1);
    expect(checked.out).toContain('/dev/zero:1:1: error E_READ: is a device, not a regular file');
    const graded = await runCli(['grade', '--scenario', 'acme-chemical', '--log', '/dev/zero']);
    expect(graded.code).toBe(1);
    expect(graded.err.trim().split('\n')).toEqual(['bridge-drill: /dev/zero is not a readable action log:', '/dev/zero:1:1: error E_READ: is a device, not a regular file']);
    const played = await runCli(['play', '--scenario', '/dev/zero']);
    expect(played.code).toBe(1);
    expect(played.err).toContain('/dev/zero:1:1: error E_READ: is a device, not a regular file');
    const regraded = await runCli(['regrade', '/dev/zero']);
    expect(regraded.code).toBe(1);
    expect(regraded.err).toContain('E_READ: is a device');
  });

  it('refuses a named pipe instead of waiting for a writer that never comes', () => {
    const fifo = join(scratch.folder, 'pipe.json');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    // In a process of its own, so that a reader that did wait would fail this test at its timeout, not hang the run.
    const { code, out } = runCliProcess(['check', fifo]);
    expect(code).toBe(1);
    expect(out).toContain(`${fifo}:1:1: error E_READ: is a named pipe (FIFO), not a regular file`);
  });

  it('skips a playbook beside the scenario that links to a device, and still checks the scenario', async () => {
    const folder = join(scratch.folder, 'with-zero');
    mkdirSync(join(folder, 'playbooks'), { recursive: true });
    symlinkSync('/dev/zero', join(folder, 'playbooks', 'zero.json'));
    const path = scratch.write('with-zero/acme.json', acmeText());
    const { code, out } = await runCli(['check', '--no-voice', path]);
    expect(out).toContain('1 file(s) checked: 0 error(s)');
    expect(code).toBe(0);
  });

  it('reads standard input ("-") no further than the size limit, even when it never ends', () => {
    const checked = runCliProcess(['check', '-'], { fd: zero });
    expect(checked.code).toBe(1);
    expect(checked.out).toContain('<stdin>:1:1: error E_TOO_LARGE: the file is larger than the 2 MB limit');
    const graded = runCliProcess(['grade', '--scenario', 'acme-chemical', '--log', '-'], { fd: zero });
    expect(graded.code).toBe(1);
    expect(graded.err).toContain('<stdin>:1:1: error E_TOO_LARGE');
  });

  it('grades and plays a log piped in as "-", and checks a scenario piped in', () => {
    const graded = runCliProcess(['grade', '--scenario', 'acme-chemical', '--log', '-'], { text: strongLog });
    expect(graded.code).toBe(0);
    expect((JSON.parse(graded.out) as { total: { percent: number } }).total.percent).toBe(100);
    const played = runCliProcess(['play', '--scenario', 'acme-chemical', '--log', '-'], { text: strongLog });
    expect(played.out).toContain('playing <stdin>');
    const checked = runCliProcess(['check', '--no-voice', '-'], { text: acmeText() });
    expect(checked.out).toContain('1 file(s) checked: 0 error(s)');
    expect(checked.code).toBe(0);
  });

  it('refuses a file over the limit by its size before reading it', async () => {
    const big = scratch.write('big.json', `[${'0,'.repeat(1_100_000)}0]`);
    const { code, out } = await runCli(['check', big]);
    expect(code).toBe(1);
    expect(out).toContain('big.json:1:1: error E_TOO_LARGE');
  });
});

describe('encodings and empty files', () => {
  it('says "save as UTF-8" once for a UTF-16 file instead of dozens of garbled syntax errors', async () => {
    const utf16 = scratch.write('utf16.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(acmeText(), 'utf16le')]));
    const { code, out } = await runCli(['check', utf16]);
    expect(code).toBe(1);
    expect(out.split('\n').filter((line) => line.includes(' error '))).toEqual([`${utf16}:1:1: error E_ENCODING: the file is UTF-16; save it as UTF-8`]);
    const noMark = scratch.write('utf16-no-mark.json', Buffer.from('{"id": "x"}', 'utf16le'));
    expect((await runCli(['check', noMark])).out).toContain('E_ENCODING: the file is UTF-16');
  });

  it('rejects invalid UTF-8 at its line and column, in a scenario and in a log', async () => {
    const bad = scratch.write('bad-utf8.json', Buffer.concat([Buffer.from('{\n  "title": "caf'), Buffer.from([0xe9]), Buffer.from('"\n}')]));
    const checked = await runCli(['check', bad]);
    expect(checked.code).toBe(1);
    expect(checked.out).toContain(`${bad}:2:16: error E_ENCODING: invalid UTF-8 (byte 0xe9); save the file as UTF-8`);
    const graded = await runCli(['grade', '--scenario', 'acme-chemical', '--log', bad]);
    expect(graded.code).toBe(1);
    expect(graded.err).toContain(`${bad}:2:16: error E_ENCODING`);
  });

  it('calls an empty file empty, and /dev/null a device, instead of "value expected"', async () => {
    const empty = scratch.write('empty.json', '  \n');
    const checked = await runCli(['check', empty, '/dev/null']);
    expect(checked.out).toContain(`${empty}:1:1: error E_SYNTAX: the file is empty`);
    expect(checked.out).toContain('/dev/null:1:1: error E_READ: is a device, not a regular file');
    expect(checked.out).not.toContain('value expected');
  });
});

describe('duplicate keys in logs and attempt records', () => {
  it('refuses a log whose action names its type twice, at the second key', async () => {
    const log = scratch.write('dup-type.json', '{\n  "scenario": "acme-chemical",\n  "actions": [\n    { "at": "02:47:00", "type": "close", "type": "announce-role" }\n  ]\n}');
    const { code, err } = await runCli(['grade', '--scenario', 'acme-chemical', '--log', log]);
    expect(code).toBe(1);
    expect(err).toContain(`${log}:4:42: error E_DUPLICATE_KEY: duplicate key "type"`);
  });

  it('refuses an attempt record with a duplicate key, at its position', async () => {
    const attempt = readFileSync(repoPath('tests/fixtures/attempts/acme-strong.attempt.json'), 'utf8');
    const doubled = attempt.replace('{', '{\n"mode": "practice",');
    const path = scratch.write('dup.attempt.json', doubled);
    const { code, err } = await runCli(['regrade', path]);
    expect(code).toBe(1);
    expect(err).toMatch(new RegExp(`dup\\.attempt\\.json:\\d+:\\d+: error E_DUPLICATE_KEY: duplicate key "mode"`));
  });
});
