import { z } from 'zod';
import { parseAttempt, type AttemptRecord } from '../core/attempt.ts';
import { canonicalJson } from '../core/hash/canonical-json.ts';
import type { IdSource, StoragePort } from './ports.ts';
import { StoredValues } from './stored-values.ts';

/**
 * Each entry has a key of its own, so two tabs adding at once never touch the same stored value, and a tab
 * that confirms one entry removes only that key.
 */
const PREFIX = 'bridge-drill:outbox:v1:';

/** Why the server would not take an attempt: it stays here, and is not sent again. */
export interface Refusal {
  readonly status: number;
  readonly detail: string;
}

/** A finished attempt waiting to reach the account it was played under. */
export interface OutboxEntry {
  readonly attempt: AttemptRecord;
  /** The id of the user who was signed in when it finished: it is sent only while that user is signed in. */
  readonly owner: string;
  /** Wall-clock ms when it was queued; the oldest go first. */
  readonly queuedAt: number;
  readonly refused: Refusal | null;
}

const StoredEntrySchema = z.object({
  version: z.literal(1),
  owner: z.string().min(1),
  queuedAt: z.number().int().nonnegative(),
  refused: z.object({ status: z.number().int(), detail: z.string() }).nullable(),
  attempt: z.unknown(),
});

/**
 * Finished attempts on their way to the results server, in the storage port. Nothing leaves it until the server
 * has confirmed it; every change reads what is stored at that moment and changes only that, so another tab's
 * work is never overwritten with an older copy.
 */
export class Outbox {
  private readonly values: StoredValues;

  constructor(
    port: StoragePort,
    private readonly newId: IdSource,
  ) {
    this.values = new StoredValues(port);
  }

  /**
   * Queues `attempt` for `owner`. The same attempt queued again changes nothing (a refusal already recorded stays);
   * another attempt under an id already queued is kept under a fresh id, as the history does.
   * Returns the entry as stored and why it could not be stored, if it could not.
   */
  async add(attempt: AttemptRecord, owner: string, queuedAt: number): Promise<{ readonly entry: OutboxEntry; readonly problem: string | null }> {
    const existing = await this.read(attempt.attemptId);
    if (existing && canonicalJson(existing.attempt) === canonicalJson(attempt)) return { entry: existing, problem: null };
    const added = existing ? { ...attempt, attemptId: this.newId() } : attempt;
    const entry: OutboxEntry = { attempt: added, owner, queuedAt, refused: null };
    return { entry, problem: await this.values.write(PREFIX + added.attemptId, stored(entry)) };
  }

  /** Every entry that can be read, oldest first. An entry that cannot be read is set aside, never deleted. */
  async list(): Promise<OutboxEntry[]> {
    const entries: OutboxEntry[] = [];
    for (const key of await this.values.keys(PREFIX)) {
      const entry = await this.read(key.slice(PREFIX.length));
      if (entry) entries.push(entry);
    }
    return entries.sort((a, b) => a.queuedAt - b.queuedAt || (a.attempt.attemptId < b.attempt.attemptId ? -1 : 1));
  }

  async read(attemptId: string): Promise<OutboxEntry | undefined> {
    const key = PREFIX + attemptId;
    const loaded = await this.values.load(key, StoredEntrySchema);
    if (loaded.kind !== 'ok') return undefined;
    const parsed = parseAttempt(loaded.value.attempt);
    if (!parsed.ok || parsed.attempt.attemptId !== attemptId) {
      const text = await this.values.readText(key);
      if (text !== null) await this.values.setAside(key, text);
      return undefined;
    }
    return { attempt: parsed.attempt, owner: loaded.value.owner, queuedAt: loaded.value.queuedAt, refused: loaded.value.refused };
  }

  /** Records that the server will not take the attempt. Merged with what is stored now: an entry another tab has since sent stays gone. */
  async markRefused(attemptId: string, refused: Refusal): Promise<void> {
    const current = await this.read(attemptId);
    if (!current) return;
    await this.values.write(PREFIX + attemptId, stored({ ...current, refused }));
  }

  /**
   * Moves an entry to a fresh attempt id: the new entry is stored first, and only then is the old one removed, so
   * a failure on the way leaves the attempt where it was. Returns the new entry, or undefined when it could not.
   */
  async renew(attemptId: string): Promise<OutboxEntry | undefined> {
    const current = await this.read(attemptId);
    if (!current) return undefined;
    const entry: OutboxEntry = { ...current, attempt: { ...current.attempt, attemptId: this.newId() }, refused: null };
    if ((await this.values.write(PREFIX + entry.attempt.attemptId, stored(entry))) !== null) return undefined;
    await this.remove(attemptId);
    return entry;
  }

  /** Removes an entry the server has confirmed. */
  remove(attemptId: string): Promise<void> {
    return this.values.remove(PREFIX + attemptId);
  }

  /** Whether a storage key is an outbox entry's, so the page can tell when another tab changed the outbox. */
  static owns(key: string | null): boolean {
    return key === null || key.startsWith(PREFIX);
  }
}

function stored(entry: OutboxEntry): unknown {
  return { version: 1, owner: entry.owner, queuedAt: entry.queuedAt, refused: entry.refused, attempt: entry.attempt };
}
