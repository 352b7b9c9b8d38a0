import { linkSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * PGlite is one process's database: two processes writing one data directory would corrupt it. A lock file
 * holding the owner's pid keeps a second one out; a lock left by a process that is gone is taken over.
 */
export const LOCK_FILE = 'bridge-drill.lock';

/** Lock files this process holds, so a pid of ours in a lock tells a live lock from one left by an earlier process with our pid. */
const held = new Set<string>();

export interface DataDirLock {
  release(): void;
}

/** Takes the data directory's lock, or throws a sentence that says who holds it and what to do. */
export function lockDataDir(dir: string): DataDirLock {
  const path = resolve(join(dir, LOCK_FILE));
  for (let tries = 0; tries < 5; tries++) {
    if (create(path)) {
      held.add(path);
      return { release: () => release(path) };
    }
    const holder = pidIn(path);
    if (holder !== undefined && isRunning(holder, path)) {
      throw new Error(`The data directory ${dir} is in use by another Bridge Drill process (pid ${holder}). Stop it first, or set DATABASE_URL to use PostgreSQL.`);
    }
    takeOver(path, holder);
  }
  throw new Error(`Could not take the lock ${path}: other processes keep taking it.`);
}

/** Creates the lock with our pid in it, in one step (a link fails when the lock exists), so nobody reads it half written. */
function create(path: string): boolean {
  const draft = `${path}.${process.pid}.new`;
  writeFileSync(draft, `${process.pid}\n`);
  try {
    linkSync(draft, path);
    return true;
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

function release(path: string): void {
  if (!held.delete(path)) return;
  if (pidIn(path) === process.pid) rmSync(path, { force: true });
}

/** Moves a stale lock aside in one step, so of two processes taking it over, one does. */
function takeOver(path: string, stale: number | undefined): void {
  const aside = `${path}.${process.pid}.stale`;
  try {
    renameSync(path, aside);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return;
    throw error;
  }
  // Another process may have taken the stale lock over between our read and our move: give its lock back.
  if (pidIn(aside) !== stale) {
    try {
      linkSync(aside, path);
    } catch {
      // Someone holds it again already.
    }
  }
  rmSync(aside, { force: true });
}

function pidIn(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isRunning(pid: number, path: string): boolean {
  if (pid === process.pid) return held.has(path);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return codeOf(error) === 'EPERM';
  }
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
