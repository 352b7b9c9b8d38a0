import { parseArgs } from 'node:util';
import { printTable } from './print-table.ts';
import { RESULTS_TITLE, resultsBenchmark } from './bench-results.ts';

/**
 * `npm run bench:results [-- --trainees N --attempts M --pglite DIR --no-postgres]`: the results area's benchmark
 * alone. DIR is an embedded database already filled by `bridge-drill demo-data` with the same counts.
 */
const { values } = parseArgs({
  options: { trainees: { type: 'string', default: '5000' }, attempts: { type: 'string', default: '100000' }, pglite: { type: 'string' }, 'no-postgres': { type: 'boolean', default: false } },
});
printTable(
  RESULTS_TITLE,
  await resultsBenchmark({
    trainees: Number(values.trainees),
    attempts: Number(values.attempts),
    ...(values.pglite === undefined ? {} : { pgliteDir: values.pglite }),
    postgres: !values['no-postgres'],
  }),
);
