/** What each command takes, printed by `bridge-drill COMMAND --help` and after a usage mistake. */
export const COMMAND_HELP: Readonly<Record<string, string>> = {
  check: `Usage: bridge-drill check [options] FILE...
  Validates scenario and playbook files, with lint. "-" reads one file from standard input.
  Exit 0 when clean or warnings only, 1 on any error, 2 on bad usage.

Options:
  --max-messages N   show at most N messages per file (default 30); errors come before warnings
  --no-voice         do not warn about spoken lines that have no voice clip
  --format text|json text (default): compiler-style lines with the source line and a caret;
                     json: one object {"version":1,"files":[...],"summary":{...}}, each message with
                     file, line, column, severity, code and message
  --help             show this help
  --                 every argument after this is a FILE, even one starting with "-"
`,
  graph: `Usage: bridge-drill graph FILE
  Prints the scenario's branch graph as Mermaid. Exit 0, 1 when the file is not a valid scenario, 2 on bad usage.
`,
  grade: `Usage: bridge-drill grade --scenario FILE_OR_ID --log FILE [--playbook FILE_OR_ID]
  Prints the score report as JSON. "--log -" reads the log from standard input.
  Exit 0 graded, 1 bad input, 2 bad usage.
`,
  play: `Usage: bridge-drill play --scenario FILE_OR_ID [--log FILE] [--playbook FILE_OR_ID]
  Prints the transcript of a headless play-through, then the score. "--log -" reads the log from standard input.
  Exit 0, 1 bad input, 2 bad usage.
`,
  regrade: `Usage: bridge-drill regrade ATTEMPT_FILE [--versions DIR]
  Regrades an attempt record on the exact scenario and playbook versions it was played on
  (bundled, or files in DIR). Exit 0, 1 bad input or a missing version, 2 bad usage.
`,
  users: `Usage: bridge-drill users add EMAIL --role admin|hr|instructor|trainee [--name NAME]
       bridge-drill users erase EMAIL --confirm EMAIL
  add: creates an account; the password is read from standard input.
  erase: deletes a trainee's account and everything kept about them (attempts, drafts, classroom seats,
  memberships); the audit log records it without their name. Other roles are refused.
`,
  'export-data': `Usage: bridge-drill export-data FILE
  Writes every stored attempt as NDJSON attempt records ("-": standard output).
`,
  'import-attempts': `Usage: bridge-drill import-attempts FILE...
  Loads NDJSON attempt records; an attempt already stored is skipped.
`,
  export: `Usage: bridge-drill export csv|xlsx|pdf|xapi [filters] --out FILE
       bridge-drill export scorm --scenario ID [--build DIR] --out FILE
  Writes the attempts the filters match, newest first ("-": standard output, never a terminal).
  csv: CSV for Excel, UTF-8 with a BOM, CRLF line ends, every field quoted, and cells a spreadsheet would run
  as a formula defused. xlsx: a workbook with typed columns and three sheets: Attempts, Trainees (each
  trainee summed up) and Export (who exported what, and when).
  pdf: with --trainee, that trainee's training record; otherwise the cohort's results (--cohort), or
  everyone's: heat map, pass rate per scenario and the findings most often missed.
  xapi: the xAPI statements of each attempt, one JSON statement a line ([--home-page URL] names the accounts).
  scorm: the SCORM 1.2 package of a bundled scenario, from the app's build (npm run build; --build DIR names
  another), the same bytes every time for the same build.
  Filters: --scenario ID, --trainee USER_ID, --cohort COHORT_ID, --from ISO_INSTANT, --to ISO_INSTANT,
  --passed true|false, --mode solo|classroom|coach|exam. Each export is written to the audit log.
`,
  'demo-data': `Usage: bridge-drill demo-data --trainees N --attempts M [--seed S] [--cohort-size K] [--days D]
  Fills the data with demo trainees (trainee00001@demo.bridge-drill.test, ...), their cohorts of K (default 40)
  and instructors, and M finished attempts spread over the last D days (default 180). Each attempt is a log
  generated from a scenario's model answer, with steps missed, late or wrong as the trainee's skill makes
  likely, played through the engine and graded by it. Trainees improve with practice, and each cohort shares
  a weak competency. The same seed (default 1) makes the same data, so running it again adds nothing twice.
  The demo accounts have no password.
`,
};

/** Whether the arguments ask for help (before any "--" that ends the options). */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}
