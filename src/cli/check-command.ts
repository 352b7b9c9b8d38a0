import { formatDiagnostic, type Diagnostic } from '../core/diagnostics.ts';
import { parseJson } from '../core/json/source.ts';
import { documentKind, loadPlaybook, loadScenario } from '../core/load.ts';
import { UsageError } from './args.ts';
import { playbooksFor, voiceClipExists } from './catalog.ts';
import { diagnosticWithFrame } from './format.ts';
import { displayName, readSource, STDIN, type StdinReader } from './input.ts';
import type { GuardedOutput } from './inert-output.ts';

export interface CheckOptions {
  readonly files: readonly string[];
  /** Messages shown per file; a group of like warnings counts as one. */
  readonly maxMessages: number;
  readonly voice: boolean;
  readonly format: 'text' | 'json';
}

const DEFAULT_MAX = { text: 30, json: 1000 } as const;
/** A warning code seen more than this often in one file is shown once, with a count. */
const GROUP_AFTER = 3;
/** Characters of text-format messages in all; past it, one closing line says how much was cut. */
const TEXT_CAP = 1_000_000;

export function checkOptions(args: readonly string[]): CheckOptions {
  const files: string[] = [];
  let maxMessages: number | undefined;
  let voice = true;
  let format: 'text' | 'json' = 'text';
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      files.push(...args.slice(i + 1));
      break;
    }
    if (arg === STDIN || !arg.startsWith('-')) files.push(arg);
    else if (arg === '--no-voice') voice = false;
    else if (arg === '--max-messages') {
      const value = args[++i];
      if (value === undefined || !/^[1-9][0-9]{0,6}$/.test(value)) throw new UsageError('--max-messages needs a whole number from 1 to 9999999');
      maxMessages = Number(value);
    } else if (arg === '--format') {
      const value = args[++i];
      if (value !== 'text' && value !== 'json') throw new UsageError('--format needs "text" or "json"');
      format = value;
    } else throw new UsageError(`unknown option "${arg}" for check`);
  }
  if (files.length === 0) throw new UsageError('check needs at least one FILE');
  if (files.filter((file) => file === STDIN).length > 1) throw new UsageError('standard input ("-") can be read only once');
  return { files, maxMessages: maxMessages ?? DEFAULT_MAX[format], voice, format };
}

interface FileResult {
  readonly file: string;
  readonly kind: 'scenario' | 'playbook' | 'skipped';
  readonly text: string;
  /** Errors first, then warnings, each in the order of the file. */
  readonly diagnostics: readonly Diagnostic[];
}

async function checkFile(file: string, options: CheckOptions, stdin: StdinReader | undefined): Promise<FileResult> {
  const name = displayName(file);
  if (file.endsWith('.schema.json')) return { file: name, kind: 'skipped', text: '', diagnostics: [] };
  const read = await readSource(file, stdin);
  if ('problem' in read) return { file: name, kind: 'scenario', text: '', diagnostics: [read.problem] };
  const parsed = parseJson(read.text);
  const kind = documentKind(parsed.value);
  const diagnostics =
    kind === 'playbook'
      ? loadPlaybook(parsed).diagnostics
      : loadScenario(parsed, playbooksFor(file === STDIN ? undefined : file), options.voice ? { hasVoiceClip: voiceClipExists } : {}).diagnostics;
  const bySeverity = [...diagnostics.filter((d) => d.severity === 'error'), ...diagnostics.filter((d) => d.severity !== 'error')];
  return { file: name, kind, text: read.text, diagnostics: bySeverity };
}

interface Entry {
  readonly diagnostic: Diagnostic;
  /** For a warning code repeated often, shown once: how many more like it the file has. */
  readonly alike: number;
}

/** The messages to show for one file: each diagnostic, a warning code repeated often shown once with a count. */
function textEntries(result: FileResult): Entry[] {
  const counts = new Map<string, number>();
  for (const d of result.diagnostics) if (d.severity === 'warning') counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  const grouped = new Set<string>();
  const entries: Entry[] = [];
  for (const d of result.diagnostics) {
    const count = d.severity === 'warning' ? (counts.get(d.code) ?? 0) : 0;
    if (count <= GROUP_AFTER) entries.push({ diagnostic: d, alike: 0 });
    else if (!grouped.has(d.code)) {
      grouped.add(d.code);
      entries.push({ diagnostic: d, alike: count - 1 });
    }
  }
  return entries;
}

/** One message with its frame; framed only when shown, since a file may have tens of thousands. */
function formatEntry(result: FileResult, { diagnostic: d, alike }: Entry): string {
  if (result.text === '') return formatDiagnostic(result.file, d);
  const framed = diagnosticWithFrame(result.file, result.text, d);
  return alike === 0 ? framed : `${framed}\n      (and ${alike} more ${d.code} warnings like this in this file; --format json lists each one)`;
}

function counted(results: readonly FileResult[]) {
  const all = results.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  return { files: results.filter((r) => r.kind !== 'skipped').length, errors, warnings: all.length - errors };
}

function writeText(results: readonly FileResult[], options: CheckOptions, out: GuardedOutput): void {
  out.cap(TEXT_CAP);
  for (const result of results) {
    if (result.kind === 'skipped') {
      out.write(`${result.file}: skipped, it is a JSON Schema for editors, not a scenario or playbook\n`);
      continue;
    }
    const entries = textEntries(result);
    for (const entry of entries.slice(0, options.maxMessages)) out.write(`${formatEntry(result, entry)}\n`);
    if (entries.length > options.maxMessages) {
      out.write(`${result.file}: ${entries.length - options.maxMessages} more message(s) not shown; --max-messages N shows more\n`);
    }
  }
  // The count of what was cut, then the totals, are always shown.
  out.finish();
  out.cap(Infinity);
  const { files, errors, warnings } = counted(results);
  out.write(`${files} file(s) checked: ${errors} error(s), ${warnings} warning(s)\n`);
  const missingClips = results.flatMap((r) => r.diagnostics).filter((d) => d.code === 'W_MISSING_VOICE_CLIP').length;
  if (missingClips > 0) out.write(`hint: ${missingClips} spoken line(s) have no voice clip; run \`npm run audio\` to make them, or check with --no-voice to leave clips out\n`);
}

/** The JSON shape documented for editors and CI (version 1): extend it, never change it. */
function writeJson(results: readonly FileResult[], options: CheckOptions, out: GuardedOutput): void {
  const files = results.map((result) => ({
    file: result.file,
    kind: result.kind,
    diagnostics: result.diagnostics.slice(0, options.maxMessages).map((d) => ({
      file: result.file,
      line: d.line,
      column: d.column,
      severity: d.severity,
      code: d.code,
      message: d.message,
    })),
    omitted: Math.max(0, result.diagnostics.length - options.maxMessages),
  }));
  out.write(`${JSON.stringify({ version: 1, files, summary: counted(results) }, null, 2)}\n`);
}

/** `bridge-drill check`: exit 0 when clean or warnings only, 1 on any error. */
export async function check(args: readonly string[], out: GuardedOutput, stdin: StdinReader | undefined): Promise<number> {
  const options = checkOptions(args);
  const results: FileResult[] = [];
  for (const file of options.files) results.push(await checkFile(file, options, stdin));
  if (options.format === 'json') writeJson(results, options, out);
  else writeText(results, options, out);
  return counted(results).errors > 0 ? 1 : 0;
}
