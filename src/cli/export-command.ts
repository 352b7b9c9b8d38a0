import { ExportFilterQuery } from '../server/attempt-filter-query.ts';
import { attemptsCsv } from '../server/exports/attempts-csv-export.ts';
import { options, UsageError } from './args.ts';
import { withStore, writeOut } from './data-commands.ts';
import type { Output, Streams } from './main.ts';

const FILTERS = ['scenario', 'trainee', 'cohort', 'from', 'to', 'passed', 'mode'] as const;
const FORMATS = ['csv', 'xlsx', 'pdf', 'xapi', 'scorm'] as const;

/** `bridge-drill export FORMAT [filters] --out FILE`: the HR exports, for every attempt the filter matches; written to the audit log. */
export async function exportCommand(args: readonly string[], streams: Streams, fileOut: Output): Promise<number> {
  const [format, ...rest] = args;
  if (format === undefined || format.startsWith('--')) throw new UsageError(`export needs a format: ${FORMATS.join(', ')}`);
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown export format "${format}"; the formats are ${FORMATS.join(', ')}`);
  if (format !== 'csv') throw new UsageError(`export ${format} is not in this version yet; export csv is`);
  const given = options(rest, [...FILTERS, 'out']);
  const out = given.get('out');
  if (out === undefined) throw new UsageError('export needs --out FILE ("-" for standard output)');
  given.delete('out');
  if (out === '-' && streams.outIsTerminal) throw new UsageError('--out - writes the file itself, which a terminal would act on; pipe it to a program, or give --out FILE');
  const parsed = ExportFilterQuery.safeParse(Object.fromEntries(given));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`--${issue.path.join('.')}: ${issue.message}`);
  }
  const filter = parsed.data;
  return withStore(streams, async (store) => {
    await store.recordAudit({ actorId: null, actor: 'command line', action: 'export.csv', detail: { filter } });
    const count = await writeOut(out, { ...streams, out: fileOut }, async (write) => {
      const chunks = attemptsCsv(store, filter);
      for (;;) {
        const next = await chunks.next();
        if (next.done) return next.value;
        await write(next.value);
      }
    });
    (out === '-' ? streams.err : streams.out).write(`exported ${count} ${count === 1 ? 'attempt' : 'attempts'} as CSV${out === '-' ? '' : ` to ${out}`}\n`);
    return 0;
  });
}
