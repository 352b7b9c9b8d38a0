import { parseJson } from '../core/json/source.ts';
import { formatDiagnostic, hasErrors } from '../core/diagnostics.ts';
import type { ActionLog } from '../core/actions/action.ts';
import { compileScenario } from '../core/scenario/compile.ts';
import { toMermaid } from '../core/scenario/graph.ts';
import type { Playbook } from '../core/playbook/schema.ts';
import type { Scenario } from '../core/scenario/schema.ts';
import { grade } from '../core/scoring/grade.ts';
import { Session } from '../core/session/session.ts';
import { regrade } from './regrade.ts';
import { withContentHashes } from '../core/hash/report-hashes.ts';
import { locateLogDiagnostics } from '../core/session/log-diagnostic-location.ts';
import { validateLog } from '../core/session/validate-log.ts';
import { InputError, loadScenarioFile } from './catalog.ts';
import { check } from './check-command.ts';
import { diagnosticsWithFrames, scoreSummary, transcriptLine } from './format.ts';
import { asksForHelp, COMMAND_HELP } from './help.ts';
import { inertOutput, type GuardedOutput } from './inert-output.ts';
import { displayName, readSource, type StdinReader } from './input.ts';
import { options, UsageError } from './args.ts';

export interface Output {
  write(text: string): unknown;
}

export interface Streams {
  readonly out: Output;
  readonly err: Output;
  /** Standard input, up to a limit (for a password, or a file given as "-"); absent where there is none. */
  readonly stdin?: StdinReader;
  /** Whether standard output is a terminal, which an export's exact bytes are never written to. */
  readonly outIsTerminal?: boolean;
  /** The environment, for the data location (BRIDGE_DRILL_DATA, DATABASE_URL). */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

const USAGE = `Usage:
  bridge-drill check [--max-messages N] [--no-voice] [--format text|json] FILE...
                                             validate scenario and playbook files, with lint ("-": stdin)
  bridge-drill graph FILE                    print a scenario's branch graph as Mermaid
  bridge-drill grade --scenario FILE_OR_ID --log FILE [--playbook FILE_OR_ID]
                                             print the score report as JSON
  bridge-drill play --scenario FILE_OR_ID [--log FILE] [--playbook FILE_OR_ID]
                                             print a headless play-through's transcript, then the score
  bridge-drill regrade ATTEMPT_FILE [--versions DIR]
                                             regrade an attempt record on the exact scenario and playbook
                                             versions it was played on (bundled, or files in DIR)
  bridge-drill users add EMAIL --role admin|hr|instructor|trainee [--name NAME]
                                             create an account; the password is read from standard input
  bridge-drill users erase EMAIL --confirm EMAIL
                                             delete a trainee and everything kept about them (audit-logged)
  bridge-drill export-data FILE              write every stored attempt as NDJSON attempt records ("-": stdout)
  bridge-drill import-attempts FILE...       load NDJSON attempt records; an attempt already stored is skipped
  bridge-drill export csv|xlsx|pdf|xapi [--scenario ID] [--trainee USER_ID] [--cohort COHORT_ID] [--from ISO]
                    [--to ISO] [--passed true|false] [--mode solo|classroom|coach|exam] --out FILE
                                             the attempts the filter matches, newest first, as CSV for Excel, a
                                             workbook, a PDF (a trainee's record with --trainee, else the cohort's
                                             results) or xAPI statements ("-": stdout)
  bridge-drill export scorm --scenario ID [--build DIR] --out FILE
                                             a bundled scenario as a SCORM 1.2 package for an LMS
  bridge-drill demo-data --trainees N --attempts M [--seed S] [--cohort-size K] [--days D]
                                             fill the data with demo trainees, cohorts and attempts played by
                                             the engine from generated logs; running it again adds nothing twice

Every command takes --help. The data commands use the server's data: $BRIDGE_DRILL_DATA (default ./data), or PostgreSQL at $DATABASE_URL.
Stop a server using the embedded database first; it cannot be opened by two processes at once.
`;

const MAX_SHOWN_PER_FILE = 30;
/** Characters of messages on the error stream; past it, one closing line says how much was cut. */
const ERROR_STREAM_CAP = 200_000;

/** What commands write through: both streams inert, the error stream capped. */
interface Io {
  readonly out: GuardedOutput;
  readonly err: GuardedOutput;
  readonly stdin?: StdinReader;
}

/**
 * Runs one command; returns the exit code (0 ok, 1 bad input, 2 bad usage). Never throws. Everything it
 * writes passes through one guarded writer per stream, since scenario and log text reach the terminal on every path.
 */
export async function main(argv: readonly string[], streams: Streams): Promise<number> {
  const io: Io = { out: inertOutput(streams.out), err: inertOutput(streams.err, ERROR_STREAM_CAP), ...(streams.stdin ? { stdin: streams.stdin } : {}) };
  const code = await dispatch(argv, streams, io);
  io.out.finish();
  io.err.finish();
  return code;
}

async function dispatch(argv: readonly string[], streams: Streams, io: Io): Promise<number> {
  const [command, ...rest] = argv;
  const help = command === undefined ? undefined : COMMAND_HELP[command];
  try {
    if (help !== undefined && asksForHelp(rest)) {
      io.out.write(help);
      return 0;
    }
    switch (command) {
      case 'check':
        return await check(rest, io.out, io.stdin);
      case 'graph':
        return graph(rest, io);
      case 'grade':
        return await gradeCommand(rest, io);
      case 'play':
        return await play(rest, io);
      case 'regrade':
        return regradeCommand(rest, io);
      // The data commands load the database drivers, so only they pay for that.
      case 'users':
        return await (await import('./data-commands.ts')).usersCommand(rest, { ...streams, ...io });
      case 'export-data':
        return await (await import('./data-commands.ts')).exportData(rest, { ...streams, ...io });
      case 'import-attempts':
        return await (await import('./data-commands.ts')).importAttemptsCommand(rest, { ...streams, ...io });
      case 'demo-data':
        return await (await import('./demo-data-command.ts')).demoDataCommand(rest, { ...streams, ...io });
      case 'export':
        // A file written to standard output goes out byte for byte; messages still go through the guard.
        return await (await import('./export-command.ts')).exportCommand(rest, { ...streams, ...io }, streams.out);
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out.write(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err.write(`bridge-drill: ${error.message}\n\n${help ?? USAGE}`);
      return 2;
    }
    if (error instanceof InputError) {
      io.err.write(`bridge-drill: ${error.message}\n`);
      return 1;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.err.write(`bridge-drill: unexpected problem: ${message}\n`);
    return 1;
  }
}

function graph(args: readonly string[], { out }: Io): number {
  if (args.length !== 1) throw new UsageError('graph needs exactly one FILE');
  const { scenario } = loadScenarioFile(args[0] ?? '');
  out.write(toMermaid(scenario));
  return 0;
}

interface LogFile {
  readonly path: string;
  readonly text: string;
  readonly value: unknown;
}

/** Reads a log file or standard input ("-"); one that is not clean JSON is refused with its problems at line:col. */
async function readLog(name: string, stdin: StdinReader | undefined): Promise<LogFile> {
  const path = displayName(name);
  const read = await readSource(name, stdin);
  if ('problem' in read) throw new InputError(`${path} is not a readable action log:\n${formatDiagnostic(path, read.problem)}`);
  const parsed = parseJson(read.text);
  if (parsed.value === undefined || hasErrors(parsed.diagnostics)) {
    throw new InputError(`${path} is not a readable action log:\n${diagnosticsWithFrames(path, parsed.document.text, parsed.diagnostics, MAX_SHOWN_PER_FILE)}`);
  }
  return { path, text: parsed.document.text, value: parsed.value };
}

/** The log checked against the scenario (CONTRACTS.md §2, §6): each problem is printed `file:line:col: error E_LOG_…: entry: message`. */
function validLog(file: LogFile, scenario: Scenario, playbook: Playbook): ActionLog {
  const validation = validateLog(file.value, scenario, playbook);
  if (validation.ok) return validation.log;
  const located = locateLogDiagnostics(file.text, validation.diagnostics);
  throw new InputError(`${file.path} is not a valid action log:\n${diagnosticsWithFrames(file.path, file.text, located, MAX_SHOWN_PER_FILE)}`);
}

/** The playbook named on the command line, else the one the log was played with (CONTRACTS.md §2). */
function playbookChoice(opts: Map<string, string>, logValue: unknown): string | undefined {
  const fromLog = (logValue as { playbook?: unknown } | null)?.playbook;
  return opts.get('playbook') ?? (typeof fromLog === 'string' ? fromLog : undefined);
}

async function gradeCommand(args: readonly string[], { out, stdin }: Io): Promise<number> {
  const opts = options(args, ['scenario', 'log', 'playbook']);
  const scenarioArg = opts.get('scenario');
  const logArg = opts.get('log');
  if (scenarioArg === undefined || logArg === undefined) throw new UsageError('grade needs --scenario and --log');
  const logFile = await readLog(logArg, stdin);
  const { scenario, playbook, sha256 } = loadScenarioFile(scenarioArg, playbookChoice(opts, logFile.value));
  const log = validLog(logFile, scenario, playbook);
  out.write(`${JSON.stringify(withContentHashes(grade(scenario, playbook, log), sha256), null, 2)}\n`);
  return 0;
}

function regradeCommand(args: readonly string[], { out, err }: Io): number {
  const [file, ...rest] = args;
  if (file === undefined || file.startsWith('--')) throw new UsageError('regrade needs an ATTEMPT_FILE');
  const versions = options(rest, ['versions']).get('versions');
  return regrade(file, versions === undefined ? [] : [versions], out, err);
}

async function play(args: readonly string[], { out, stdin }: Io): Promise<number> {
  const opts = options(args, ['scenario', 'log', 'playbook']);
  const scenarioArg = opts.get('scenario');
  if (scenarioArg === undefined) throw new UsageError('play needs --scenario');
  const logArg = opts.get('log');
  const logFile = logArg === undefined ? undefined : await readLog(logArg, stdin);
  const { scenario, playbook } = loadScenarioFile(scenarioArg, playbookChoice(opts, logFile?.value));
  const log: ActionLog = logFile === undefined ? { scenario: scenario.id, actions: [] } : validLog(logFile, scenario, playbook);
  const compiled = compileScenario(scenario, playbook);
  const session = Session.replay(compiled, log);
  out.write(`${scenario.title} — ${logArg === undefined ? 'the do-nothing path (no actions)' : `playing ${displayName(logArg)}`}\n\n`);
  for (const entry of session.transcriptSince(0).entries) out.write(`${transcriptLine(entry, compiled)}\n`);
  out.write(`\n${scoreSummary(session.report())}`);
  return 0;
}
