import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../../../src/tools/server-process.ts';
import { ApiClient } from '../support/api-client.ts';
import { emptyServerEnv } from '../support/server-env.ts';

const PASSWORD = 'correct horse battery';

/** A stand-in for the app's build: what the package is made of, small enough to read in the zip's directory. */
function tinyBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'bridge-drill-dist-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Bridge Drill</title><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log("app");');
  return dir;
}

describe('the SCORM package route', () => {
  let server: ServerProcess;
  let admin: ApiClient;
  const client = () => new ApiClient(server.url);

  beforeAll(async () => {
    server = await startServerProcess({ ...(await emptyServerEnv('pglite')), distDir: tinyBuild() });
    admin = client();
    const token = new URL(server.setupLink!).searchParams.get('setup');
    expect((await admin.post(`/api/setup/${token}`, { email: 'admin@example.test', name: 'Ada Admin', password: PASSWORD })).status).toBe(201);
  });
  afterAll(async () => {
    expect(await server.stop('SIGTERM')).toBe(0);
  });

  it('gives admins the same package bytes each time, naming the manifest and every file, refuses others, and logs each download', async () => {
    const first = await admin.getExact('/api/exports/scorm/acme-chemical.zip');
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('application/zip');
    expect(first.headers.get('content-disposition')).toBe('attachment; filename="bridge-drill-scorm-acme-chemical.zip"');
    const bytes = Buffer.from(first.bytes);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    for (const name of ['imsmanifest.xml', 'index.html', 'assets/app.js']) expect(bytes.includes(Buffer.from(name))).toBe(true);
    expect(Buffer.from((await admin.getExact('/api/exports/scorm/acme-chemical.zip')).bytes).equals(bytes)).toBe(true);

    expect((await admin.get('/api/exports/scorm/no-such-scenario.zip')).status).toBe(404);
    expect((await admin.get('/api/exports/scorm/..%2Fetc%2Fpasswd.zip')).status).toBe(400);
    const email = 'trainee@example.test';
    expect((await admin.post('/api/users', { email, name: 'Tia', role: 'trainee', password: PASSWORD })).status).toBe(201);
    const trainee = client();
    await trainee.signIn(email, PASSWORD);
    expect((await trainee.get('/api/exports/scorm/acme-chemical.zip')).status).toBe(403);
    expect((await client().get('/api/exports/scorm/acme-chemical.zip')).status).toBe(401);
    const audit = (await admin.get('/api/audit')).body.entries as { action: string; detail: { scenario?: string } }[];
    expect(audit.filter((entry) => entry.action === 'export.scorm').map((entry) => entry.detail.scenario)).toEqual(['acme-chemical', 'acme-chemical']);
  });
});
