import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { EventEmitter, once } from 'node:events';
import { createInterface } from 'node:readline';
import { importAttempts, exportAttempts } from '../server/data-transfer.ts';
import { openStore } from '../server/db/open-store.ts';
import { ROLES, type ResultsStore, type Role } from '../server/db/store.ts';
import { hashPassword, passwordProblem } from '../server/passwords.ts';
import { roleWithArticle } from '../server/role-names.ts';
import { options, UsageError } from './args.ts';
import { InputError } from './catalog.ts';
import type { Streams } from './main.ts';
import { refusalOf } from './read-input.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Far more than any password; standard input is read no further. */
const PASSWORD_BYTES = 64 * 1024;

/** Opens the data the server uses; closes it whatever the command does. */
export async function withStore<T>(streams: Streams, use: (store: ResultsStore) => Promise<T>): Promise<T> {
  const env = streams.env ?? {};
  const databaseUrl = env['DATABASE_URL'] || undefined;
  let store: ResultsStore;
  try {
    store = await openStore({ dataDir: env['BRIDGE_DRILL_DATA'] || 'data', ...(databaseUrl ? { databaseUrl } : {}) });
  } catch (error) {
    throw new InputError(`cannot open the data: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

export async function usersCommand(args: readonly string[], streams: Streams): Promise<number> {
  const [sub, email, ...rest] = args;
  if (sub === 'erase') return eraseCommand(email, rest, streams);
  if (sub !== 'add') throw new UsageError(sub === undefined ? 'users needs a subcommand: add or erase' : `unknown users subcommand "${sub}"`);
  if (email === undefined || email.startsWith('--')) throw new UsageError('users add needs an EMAIL');
  const normalized = email.trim().toLowerCase();
  if (!EMAIL.test(normalized)) throw new UsageError(`"${email}" is not an email address`);
  const opts = options(rest, ['role', 'name']);
  const role = opts.get('role');
  if (role === undefined) throw new UsageError(`users add needs --role ${ROLES.join('|')}`);
  if (!(ROLES as readonly string[]).includes(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
  if (!streams.stdin) throw new UsageError('users add reads the password from standard input');
  const password = new TextDecoder().decode(await streams.stdin(PASSWORD_BYTES)).replace(/\r?\n$/, '');
  const problem = passwordProblem(password);
  if (problem) throw new InputError(`${problem} Pipe it in, for example: printf '%s' "$PASSWORD" | bridge-drill users add ${normalized} --role ${role}`);
  const passwordHash = await hashPassword(password);
  return withStore(streams, async (store) => {
    if (await store.findUserByEmail(normalized)) throw new InputError(`an account for ${normalized} exists already`);
    const user = await store.createUser({ email: normalized, name: opts.get('name') ?? normalized, role: role as Role, passwordHash });
    streams.out.write(`created ${user.role} ${user.email} (${user.id})\n`);
    return 0;
  });
}

/** `users erase EMAIL --confirm EMAIL`: a trainee and everything kept about them, gone, and the audit log says so. */
async function eraseCommand(email: string | undefined, rest: readonly string[], streams: Streams): Promise<number> {
  if (email === undefined || email.startsWith('--')) throw new UsageError('users erase needs an EMAIL');
  const confirm = options(rest, ['confirm']).get('confirm');
  const normalized = email.trim().toLowerCase();
  if (confirm?.trim().toLowerCase() !== normalized) throw new UsageError(`users erase deletes the trainee and all their data; confirm with --confirm ${normalized}`);
  return withStore(streams, async (store) => {
    const user = await store.findUserByEmail(normalized);
    if (!user) throw new InputError(`there is no account for ${normalized}`);
    const outcome = await store.eraseTrainee(user.id);
    if ('refused' in outcome) throw new InputError(outcome.refused === 'not-a-trainee' ? `${normalized} is ${roleWithArticle(user.role)} account; only trainee accounts are erased` : `there is no account for ${normalized}`);
    await store.recordAudit({ actorId: null, actor: 'command line', action: 'user.erase', detail: { userId: user.id, ...outcome.erased } });
    const { attempts, drafts, classroomSeats } = outcome.erased;
    streams.out.write(`erased ${normalized}: ${attempts} attempts, ${drafts} drafts, ${classroomSeats} classroom seats\n`);
    return 0;
  });
}

export async function exportData(args: readonly string[], streams: Streams): Promise<number> {
  const [file, ...extra] = args;
  if (file === undefined || extra.length > 0) throw new UsageError('export-data needs exactly one FILE ("-" for standard output)');
  return withStore(streams, async (store) => {
    const count = await writeOut(file, streams.out, (write) => exportAttempts(store, write));
    (file === '-' ? streams.err : streams.out).write(`exported ${count} attempts${file === '-' ? '' : ` to ${file}`}\n`);
    return 0;
  });
}

/** Where a file written to standard output goes: text, or bytes for a binary file. */
export interface FileOutput {
  write(chunk: string | Uint8Array): unknown;
}

/**
 * Writes what `produce` writes to FILE, or to standard output for "-". A file is written under a temporary
 * name and renamed when complete, so a failed export never leaves a file that looks whole.
 */
export async function writeOut<T>(file: string, stdout: FileOutput, produce: (write: (chunk: string | Uint8Array) => Promise<void>) => Promise<T>): Promise<T> {
  if (file === '-') {
    return produce(async (chunk) => {
      // A slow reader of a pipe holds the export back, rather than the export piling up in memory.
      if (stdout.write(chunk) === false && stdout instanceof EventEmitter) await once(stdout, 'drain');
    });
  }
  const temporary = `${file}.partial`;
  const output = createWriteStream(temporary, { flags: 'w' });
  const failed = new Promise<never>((_, reject) => output.once('error', (error) => reject(new InputError(`cannot write ${file}: ${error.message}`))));
  let result: T;
  try {
    result = await Promise.race([
      produce(async (chunk) => {
        if (!output.write(chunk)) await Promise.race([once(output, 'drain'), failed]);
      }),
      failed,
    ]);
    output.end();
    await Promise.race([once(output, 'finish'), failed]);
  } catch (error) {
    output.destroy();
    rmSync(temporary, { force: true });
    throw error;
  }
  renameSync(temporary, file);
  return result;
}

export async function importAttemptsCommand(files: readonly string[], streams: Streams): Promise<number> {
  if (files.length === 0) throw new UsageError('import-attempts needs at least one FILE');
  for (const file of files) {
    const refusal = refusalOf(file);
    if (refusal) throw new InputError(`${file}: ${refusal}`);
  }
  return withStore(streams, async (store) => {
    let created = 0;
    let existed = 0;
    let errors = 0;
    for (const file of files) {
      const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
      const result = await importAttempts(store, lines, file);
      created += result.created;
      existed += result.existed;
      errors += result.errors.length;
      for (const line of result.errors) streams.err.write(`${line}\n`);
    }
    if (created > 0) await store.tidy();
    streams.out.write(`imported ${created} new attempts; ${existed} were stored already${errors > 0 ? `; ${errors} lines could not be read` : ''}\n`);
    return errors > 0 ? 1 : 0;
  });
}
