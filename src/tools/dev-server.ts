/** `npm run dev`: Vite's hot reload for the app, with the real API behind it on a port of its own. */
import { createServer } from 'vite';
import { readConfig } from '../server/config.ts';
import { startServer } from '../server/start.ts';

const read = readConfig({ ...process.env, PORT: '0' });
if (!read.ok) {
  process.stderr.write(`${read.problem}\n`);
  process.exit(2);
}
const api = await startServer({
  port: 0,
  dataDir: read.config.dataDir,
  ...(read.config.databaseUrl ? { databaseUrl: read.config.databaseUrl } : {}),
  logger: { level: process.env['LOG_LEVEL'] || 'warn' },
});
const vite = await createServer({ server: { proxy: { '/api': api.url } } });
await vite.listen();
vite.printUrls();
if (api.setupLink) {
  const appUrl = vite.resolvedUrls?.local[0] ?? '/';
  process.stdout.write(`\nNo admin account yet. Open this one-time link to create it:\n\n    ${new URL(new URL(api.setupLink).search, appUrl).toString()}\n\n`);
}
const stop = async () => {
  await vite.close();
  await api.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
