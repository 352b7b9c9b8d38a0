import type { TestProject } from 'vitest/node';
import { build, preview, type PreviewServer } from 'vite';
import { repoPath } from '../helpers.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the production build is served for the browser tests, e.g. `http://127.0.0.1:41234/`. */
    appUrl: string;
  }
}

/** Builds the app as `npm start` does and serves it on a free port for the browser tests. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const root = repoPath('');
  const outDir = repoPath('test-results/dist');
  await build({ root, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server: PreviewServer = await preview({ root, logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server did not report its address.');
  project.provide('appUrl', url);
  return async () => {
    await server.close();
  };
}
