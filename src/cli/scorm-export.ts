import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MissingBuild, readBuild, scormPackage } from '../server/exports/scorm-package.ts';
import { options, UsageError } from './args.ts';
import { BUNDLED_SCENARIOS, InputError, loadScenarioFile } from './catalog.ts';
import { writeOut, type FileOutput } from './data-commands.ts';
import type { Streams } from './main.ts';

/** The build `npm run build` makes, which `npm start` serves. */
const DEFAULT_BUILD = fileURLToPath(new URL('../../dist/', import.meta.url));

/**
 * `bridge-drill export scorm --scenario ID --out FILE [--build DIR]`: a SCORM 1.2 package of one bundled scenario,
 * made of the built app ($BRIDGE_DRILL_DIST or dist/, as the server serves it). It holds no attempt or person, so
 * unlike the HR exports it needs no data and writes no audit entry.
 */
export async function scormExport(args: readonly string[], streams: Streams, fileOut: FileOutput): Promise<number> {
  const given = options(args, ['scenario', 'out', 'build']);
  const id = given.get('scenario');
  const out = given.get('out');
  if (id === undefined) throw new UsageError('export scorm needs --scenario ID (a bundled scenario)');
  if (out === undefined) throw new UsageError('export scorm needs --out FILE ("-" for standard output)');
  if (out === '-' && streams.outIsTerminal) throw new UsageError('--out - writes the file itself, which a terminal would act on; pipe it to a program, or give --out FILE');
  // The package is the built app, which bundles the scenarios folder: only those scenarios can be launched from it.
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(id) || !existsSync(join(BUNDLED_SCENARIOS, `${id}.json`))) throw new InputError(`there is no bundled scenario "${id}"; a package can launch only the scenarios built into the app (scenarios/*.json)`);
  const { scenario } = loadScenarioFile(id);
  if (scenario.id !== id) throw new InputError(`scenarios/${id}.json holds the scenario "${scenario.id}"; give that id`);
  const build = given.get('build') ?? streams.env?.['BRIDGE_DRILL_DIST'] ?? DEFAULT_BUILD;
  let bytes: Uint8Array;
  try {
    bytes = scormPackage({ id: scenario.id, title: scenario.title }, readBuild(build));
  } catch (error) {
    if (error instanceof MissingBuild) throw new InputError(`there is no built app in ${build}: run \`npm run build\` first (the package is the built app)`);
    throw error;
  }
  await writeOut(out, fileOut, (write) => write(bytes));
  (out === '-' ? streams.err : streams.out).write(`exported the SCORM 1.2 package of ${scenario.id} (${bytes.length.toLocaleString('en')} bytes)${out === '-' ? '' : ` to ${out}`}\n`);
  return 0;
}
