/** `npm run bench:server [-- --import N]`: the results server's part of the benchmark alone. */
import { serverBenchmark, SERVER_TITLE } from './bench-server.ts';
import { printTable } from './print-table.ts';

const importAt = process.argv.indexOf('--import');
const importCount = importAt > 0 ? Number(process.argv[importAt + 1]) : 100_000;
if (!Number.isInteger(importCount) || importCount < 1) {
  process.stderr.write('--import needs a whole number of attempts\n');
  process.exit(2);
}
printTable(SERVER_TITLE, await serverBenchmark({ clients: 50, perClient: 40, importCount }));
