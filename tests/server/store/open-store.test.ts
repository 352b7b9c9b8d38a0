import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOCK_FILE, lockDataDir } from '../../../src/server/db/data-dir-lock.ts';
import { openStore } from '../../../src/server/db/open-store.ts';
import { StoreUnavailable, type ResultsStore } from '../../../src/server/db/store.ts';
import { repoPath } from '../../helpers.ts';
import { disposeServerData, emptyPostgresDatabase, freshServerData, freshStore, storeKinds, type ServerDataConfig } from '../support/stores.ts';

const IN_USE = /^The data directory (.+) is in use by another Bridge Drill process \(pid (\d+)\)\. Stop it first, or set DATABASE_URL to use PostgreSQL\.$/;

describe('the embedded database directory', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  /** A migrated PGlite directory of its own, and the store opened on it the way the server opens it. */
  async function opened(): Promise<{ dataDir: string; store: ResultsStore }> {
    const config = (await freshServerData('pglite')) as Extract<ServerDataConfig, { dataDir: string }>;
    cleanups.push(() => disposeServerData(config));
    const store = await openStore(config);
    cleanups.push(() => store.close());
    return { dataDir: config.dataDir, store };
  }

  it('is created when it is missing, and migrated', async () => {
    const root = mkdtempSync(join(tmpdir(), 'bridge-drill-new-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    const dataDir = join(root, 'nested', 'data');
    const store = await openStore({ dataDir });
    cleanups.push(() => store.close());
    expect(store.kind).toBe('pglite');
    expect(await store.countUsers()).toBe(0);
    expect(readFileSync(join(dataDir, LOCK_FILE), 'utf8').trim()).toBe(String(process.pid));
  });

  it('keeps a second opener out while it is open, saying who has it and what to do, and gives the lock back when closed', async () => {
    const { dataDir, store } = await opened();
    const refused = openStore({ dataDir });
    await expect(refused).rejects.toThrow(IN_USE);
    await expect(refused).rejects.toThrow(`(pid ${process.pid})`);
    expect(await store.ping()).toBe(true);
    await store.close();
    expect(existsSync(join(dataDir, LOCK_FILE))).toBe(false);
  });

  it('keeps out a second process while another has it open, and lets it in after that one crashed, with its data', async () => {
    const { dataDir, store } = await opened();
    await store.close();
    const script = [
      `const { openStore } = await import(${JSON.stringify(repoPath('src/server/db/open-store.ts'))});`,
      `const store = await openStore({ dataDir: ${JSON.stringify(dataDir)} });`,
      "await store.createUser({ email: 'held@example.test', name: 'Held', role: 'admin', passwordHash: null });",
      "process.stdout.write('open\\n');",
      'setInterval(() => {}, 1000);',
    ].join('\n');
    const holder = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoPath(''), stdio: ['ignore', 'pipe', 'inherit'] });
    cleanups.push(() => void holder.kill('SIGKILL'));
    await new Promise<void>((resolve, reject) => {
      holder.stdout.on('data', (data: Buffer) => data.toString().includes('open') && resolve());
      holder.once('exit', (code) => reject(new Error(`the holding process ended first (${code})`)));
    });
    await expect(openStore({ dataDir })).rejects.toThrow(`The data directory ${dataDir} is in use by another Bridge Drill process (pid ${holder.pid}).`);

    const exited = new Promise((resolve) => holder.once('exit', resolve));
    holder.kill('SIGKILL');
    await exited;
    const after = await openStore({ dataDir });
    cleanups.push(() => after.close());
    expect((await after.findUserByEmail('held@example.test'))?.name).toBe('Held');
  });
});

describe('the data directory lock', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bridge-drill-lock-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const lockFile = () => join(dir, LOCK_FILE);

  it('takes over a lock left by a process that is gone, by an earlier process that had our pid, or with no pid in it', () => {
    const gone = spawnSync('true').pid;
    for (const stale of [String(gone), String(process.pid), 'not a pid', '']) {
      writeFileSync(lockFile(), stale);
      const lock = lockDataDir(dir);
      expect(readFileSync(lockFile(), 'utf8').trim()).toBe(String(process.pid));
      lock.release();
      expect(existsSync(lockFile())).toBe(false);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('is refused while a running process holds it, and to a second holder in this process', () => {
    const holder = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      writeFileSync(lockFile(), `${holder.pid}\n`);
      expect(() => lockDataDir(dir)).toThrow(`The data directory ${dir} is in use by another Bridge Drill process (pid ${holder.pid}).`);
      expect(readFileSync(lockFile(), 'utf8').trim()).toBe(String(holder.pid));
    } finally {
      holder.kill();
    }
    rmSync(lockFile());
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(IN_USE);
    lock.release();
    lockDataDir(dir).release();
  });

  it('is not removed on release when another process has taken it since', () => {
    const lock = lockDataDir(dir);
    writeFileSync(lockFile(), '999999999\n');
    lock.release();
    expect(readFileSync(lockFile(), 'utf8')).toBe('999999999\n');
  });
});

describe.each(storeKinds)('a closed store on %s', (kind) => {
  it('answers ping with false and every call with StoreUnavailable', async () => {
    const store = await freshStore(kind);
    await store.close();
    expect(await store.ping()).toBe(false);
    await expect(store.countUsers()).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(store.listAttempts({}, { limit: 10 })).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(store.close()).resolves.toBeUndefined();
  });
});

describe('PostgreSQL', () => {
  const configs: ServerDataConfig[] = [];
  afterAll(async () => {
    for (const config of configs) await disposeServerData(config);
  });

  it('that cannot be reached makes openStore fail with StoreUnavailable, naming the address and not the password', async () => {
    const opening = openStore({ databaseUrl: 'postgresql://bridge:secret-word@127.0.0.1:1/bridge', dataDir: '' });
    await expect(opening).rejects.toBeInstanceOf(StoreUnavailable);
    await expect(opening).rejects.toThrow(/127\.0\.0\.1:1.*ECONNREFUSED|ECONNREFUSED.*127\.0\.0\.1:1/);
    await expect(opening).rejects.not.toThrow(/secret-word/);
  });

  it('that goes away under an open store makes its calls fail with StoreUnavailable, and the process carries on', async () => {
    const config = await freshServerData('postgres');
    const store = await openStore({ ...config, dataDir: '' });
    try {
      expect(await store.countUsers()).toBe(0);
      await disposeServerData(config);
      await expect(store.countUsers()).rejects.toBeInstanceOf(StoreUnavailable);
      expect(await store.ping()).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('is migrated once when two processes open an empty database at the same time', async () => {
    const config = await emptyPostgresDatabase();
    configs.push(config);
    const stores = await Promise.all([openStore({ ...config, dataDir: '' }), openStore({ ...config, dataDir: '' })]);
    try {
      await stores[0].createUser({ email: 'one@example.test', name: 'One', role: 'admin', passwordHash: null });
      expect(await stores[1].countUsers()).toBe(1);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });
});
