import { describe, expect, it } from 'vitest';
import { acmeText } from '../helpers.ts';
import { runCli, scratchFolder } from './cli-harness.ts';

const scratch = scratchFolder('bridge-drill-authoring-');

interface Scenario {
  levels?: unknown;
  timeline: { type: string; at: string; text?: string }[];
}
const acme = () => JSON.parse(acmeText()) as Scenario;

/** Acme with every spoken line changed (so none has a voice clip) and, optionally, its last beat outside the clock. */
function unvoicedDraft(outside: boolean): string {
  const scenario = acme();
  scenario.timeline.forEach((beat) => {
    if (beat.type === 'say') beat.text = `${beat.text ?? ''} (draft)`;
  });
  if (outside) scenario.timeline[scenario.timeline.length - 1]!.at = '04:30:00';
  return scratch.write(outside ? 'draft-outside.json' : 'draft.json', JSON.stringify(scenario, null, 2));
}

describe('check for authors', () => {
  it('shows a warning repeated in one file once, with a count, and errors before warnings', async () => {
    const path = unvoicedDraft(true);
    const { code, out } = await runCli(['check', path]);
    expect(code).toBe(1);
    const messages = out.split('\n').filter((line) => line.startsWith(path));
    expect(messages[0]).toMatch(/error E_OUTSIDE_WINDOW: /);
    const clipLines = messages.filter((line) => line.includes('W_MISSING_VOICE_CLIP'));
    expect(clipLines).toHaveLength(1);
    const clips = Number(/spoken line\(s\) have no voice clip/.test(out) ? /hint: (\d+) spoken/.exec(out)?.[1] : 0);
    expect(clips).toBeGreaterThan(10);
    expect(out).toContain(`(and ${clips - 1} more W_MISSING_VOICE_CLIP warnings like this in this file; --format json lists each one)`);
  });

  it('--no-voice leaves voice clips out, and --max-messages limits the messages per file', async () => {
    const path = unvoicedDraft(true);
    const quiet = await runCli(['check', '--no-voice', path]);
    expect(quiet.out).not.toContain('W_MISSING_VOICE_CLIP');
    expect(quiet.out).not.toContain('npm run audio');
    const one = await runCli(['check', '--max-messages', '1', path]);
    const shown = one.out.split('\n').filter((line) => /^.+:\d+:\d+: (error|warning) /.test(line));
    expect(shown).toHaveLength(1);
    expect(shown[0]).toContain('E_OUTSIDE_WINDOW');
    expect(one.out).toMatch(/more message\(s\) not shown; --max-messages N shows more/);
  });

  it('--format json gives every message with file, line, column, severity, code and message, in a stable shape', async () => {
    const path = unvoicedDraft(true);
    const { code, out } = await runCli(['check', '--format', 'json', path, 'scenarios/scenario.schema.json']);
    expect(code).toBe(1);
    const report = JSON.parse(out) as {
      version: number;
      files: { file: string; kind: string; diagnostics: Record<string, unknown>[]; omitted: number }[];
      summary: { files: number; errors: number; warnings: number };
    };
    expect(report.version).toBe(1);
    const [draft, schema] = report.files;
    expect(schema).toEqual({ file: 'scenarios/scenario.schema.json', kind: 'skipped', diagnostics: [], omitted: 0 });
    expect(draft?.kind).toBe('scenario');
    expect(Object.keys(draft?.diagnostics[0] ?? {})).toEqual(['file', 'line', 'column', 'severity', 'code', 'message']);
    expect(draft?.diagnostics[0]).toMatchObject({ file: path, severity: 'error', code: 'E_OUTSIDE_WINDOW' });
    const clips = draft?.diagnostics.filter((d) => d['code'] === 'W_MISSING_VOICE_CLIP') ?? [];
    expect(clips.length).toBeGreaterThan(10);
    expect(report.summary).toMatchObject({ files: 1, errors: 1 });
    expect(report.summary.warnings).toBe((draft?.diagnostics.length ?? 0) + (draft?.omitted ?? 0) - 1);
  });

  it('checks a scenario with a stray "levels" key as the scenario it is', async () => {
    const scenario = { ...acme(), levels: [] };
    const path = scratch.write('stray-levels.json', JSON.stringify(scenario, null, 2));
    const { code, out } = await runCli(['check', '--no-voice', path]);
    expect(code).toBe(1);
    expect(out).toMatch(/error E_SCHEMA: unknown property "levels"/);
    expect(out).toContain('1 error(s)');
  });

  it('treats --help, unknown options and "--" as options, not files', async () => {
    const help = await runCli(['check', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('--max-messages N');
    expect(help.out).not.toContain('E_READ');
    const unknown = await runCli(['check', '--frobnicate', 'scenarios/acme-chemical.json']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown option "--frobnicate" for check');
    expect((await runCli(['check', '--max-messages', 'lots', 'x.json'])).code).toBe(2);
    expect((await runCli(['check', '--format', 'xml', 'x.json'])).code).toBe(2);
    const dashed = await runCli(['check', '--', '--help']);
    expect(dashed.code).toBe(1);
    expect(dashed.out).toContain('--help:1:1: error E_READ: no such file');
  });

  it('gives every command --help, exit 0, without running it', async () => {
    for (const command of ['check', 'graph', 'grade', 'play', 'regrade', 'users', 'export-data', 'import-attempts']) {
      const { code, out } = await runCli([command, '--help']);
      expect(code, command).toBe(0);
      expect(out, command).toContain(`Usage: bridge-drill ${command}`);
    }
  });
});
