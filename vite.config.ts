import { defineConfig } from 'vitest/config';

/** The port from $PORT when it is a valid port number, otherwise the given default. */
function port(fallback: number): number {
  const value = Number(process.env.PORT);
  return Number.isInteger(value) && value > 0 && value < 65536 ? value : fallback;
}

export default defineConfig({
  server: { host: '127.0.0.1', port: port(5173), strictPort: true },
  preview: { host: '127.0.0.1', port: port(4173), strictPort: true },
  publicDir: 'assets',
  // Relative addresses: every page of the app is `/` with a query, so the same build runs from the server's root
  // and from whatever folder a learning platform unpacks its SCORM package to.
  base: './',
  build: {
    outDir: 'dist',
    target: 'es2022',
    // Phaser alone is about 1.4 MB minified; it loads in its own chunk only on the bridge.
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: { codeSplitting: { groups: [{ name: 'phaser', test: /node_modules[\\/]phaser[\\/]/ }] } },
    },
  },
  test: {
    environment: 'node',
    testTimeout: 20000,
    // Two files at a time, but never two browser files: a server or unit test spends much of its time waiting on a
    // socket, a database or a child process, so it shares the two cores with one browser well (vitest would
    // otherwise take one fewer than the cores: one).
    maxWorkers: 2,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/**/*.test.ts'], exclude: ['tests/e2e/**', 'tests/server/**'] } },
      // The results store and the API, each against the embedded database and a real PostgreSQL the setup starts.
      { extends: true, test: { name: 'server', include: ['tests/server/**/*.test.ts'], globalSetup: ['tests/server/global-setup.ts'], testTimeout: 60000, hookTimeout: 120000 } },
      // Only the browser tests need the production build; it is made once, before they start.
      { extends: true, test: { name: 'browser', include: ['tests/e2e/**/*.test.ts'], globalSetup: ['tests/e2e/global-setup.ts'], maxWorkers: 1 } },
    ],
  },
});
