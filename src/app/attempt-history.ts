import { z } from 'zod';
import { ActionLogSchema } from '../core/actions/action.ts';
import { LATEST_INSTANT_MS, parseAttempt, type AttemptRecord } from '../core/attempt.ts';
import { canonicalJson } from '../core/hash/canonical-json.ts';
import { instantMs } from '../core/iso-instant.ts';
import type { IdSource, StoragePort } from './ports.ts';
import { StoredValues } from './stored-values.ts';

const KEY = 'bridge-drill:history:v2';
/** The history as versions before attempt records kept it. */
const LEGACY_KEY = 'bridge-drill:history:v1';
/** Enough for a term of practice; the oldest attempts go first. */
export const HISTORY_LIMIT = 200;
const UNREADABLE_LEFT =
  'The history this browser kept cannot be read and the storage has no room to copy it aside, so nothing is written over it.';

const LegacyEntrySchema = z.object({
  id: z.string().min(1),
  scenarioId: z.string().min(1),
  scenarioTitle: z.string(),
  finishedAt: z.number().int().min(0).max(LATEST_INSTANT_MS),
  mode: z.enum(['coach', 'exam']),
  percent: z.number().min(0).max(100),
  passed: z.boolean(),
  log: ActionLogSchema,
});
export type LegacyHistoryEntry = z.infer<typeof LegacyEntrySchema>;

export interface LoadedHistory {
  /** Newest first. */
  readonly attempts: readonly AttemptRecord[];
  /**
   * Entries of the history older versions kept: a log and a score, with no record of the version they
   * were played on. They stay where they are, read-only, and are listed beside the attempt records.
   */
  readonly legacy: readonly LegacyHistoryEntry[];
  /**
   * How many entries could not be read and were set aside ('all' when the whole list was unreadable; 'left' when
   * it was unreadable and could not be copied aside, so it stays where it was and nothing is written over it).
   */
  readonly setAside: number | 'all' | 'left';
  /** How many entries could not be read and stay in the list, because the storage had no room for their copy. */
  readonly entriesLeft: number;
}

/** Finished attempt records kept on this device. Every write merges with what is stored now, so two tabs never overwrite each other's attempts. */
export class AttemptHistory {
  private readonly values: StoredValues;

  constructor(
    port: StoragePort,
    private readonly newId: IdSource,
  ) {
    this.values = new StoredValues(port);
  }

  async load(): Promise<LoadedHistory> {
    const current = await this.readList(KEY);
    const legacy = await this.readList(LEGACY_KEY);
    const attempts: AttemptRecord[] = [];
    const unreadable: unknown[] = [];
    for (const item of current.items) {
      const parsed = parseAttempt(item);
      if (parsed.ok) attempts.push(parsed.attempt);
      else unreadable.push(item);
    }
    const legacyEntries: LegacyHistoryEntry[] = [];
    const unreadableLegacy: unknown[] = [];
    for (const item of legacy.items) {
      const parsed = LegacyEntrySchema.safeParse(item);
      if (parsed.success) legacyEntries.push(parsed.data);
      else unreadableLegacy.push(item);
    }
    const copied = ((await this.dropCopied(KEY, unreadable)) ? unreadable.length : 0) + ((await this.dropCopied(LEGACY_KEY, unreadableLegacy)) ? unreadableLegacy.length : 0);
    const left = current.unreadable === 'left' || legacy.unreadable === 'left';
    const whole = current.unreadable !== false || legacy.unreadable !== false;
    return {
      attempts: newestFirst(attempts),
      legacy: legacyEntries,
      setAside: left ? 'left' : whole ? 'all' : copied,
      entriesLeft: unreadable.length + unreadableLegacy.length - copied,
    };
  }

  /**
   * Adds an attempt to what is stored now. Storing the same attempt again changes nothing; another
   * attempt under a stored id (two tabs that resumed one saved session) is kept under a fresh id.
   * Returns the merged history, the attempt as stored, and why it could not be stored, if it could not.
   */
  async add(attempt: AttemptRecord): Promise<{ readonly attempts: readonly AttemptRecord[]; readonly stored: AttemptRecord; readonly problem: string | null }> {
    const stored = await this.readList(KEY);
    if (stored.unreadable === 'left') return { attempts: [attempt], stored: attempt, problem: UNREADABLE_LEFT };
    const same = stored.items.find((item) => isAttemptLike(item) && item.attemptId === attempt.attemptId);
    const added = same === undefined || canonicalJson(same) === canonicalJson(attempt) ? attempt : { ...attempt, attemptId: this.newId() };
    const kept = stored.items.filter((item) => !(isAttemptLike(item) && item.attemptId === added.attemptId));
    const merged = [added, ...kept];
    const byTime = merged.map((item) => ({ item, parsed: parseAttempt(item) }));
    const attempts = newestFirst(byTime.flatMap(({ parsed }) => (parsed.ok ? [parsed.attempt] : [])));
    const keep = new Set(attempts.slice(0, HISTORY_LIMIT).map((attempt) => attempt.attemptId));
    const toStore = byTime.filter(({ item, parsed }) => !parsed.ok || keep.has((item as { attemptId: string }).attemptId)).map(({ item }) => item);
    const problem = await this.values.write(KEY, toStore);
    return { attempts: attempts.slice(0, HISTORY_LIMIT), stored: added, problem };
  }

  /**
   * Copies `items` aside, then takes them out of the list as it is stored now, so what another tab added meanwhile
   * stays. Returns false when the copy could not be stored: the items then stay in the list.
   */
  private async dropCopied(key: string, items: readonly unknown[]): Promise<boolean> {
    if (items.length === 0) return true;
    if ((await this.values.keepAside(key, JSON.stringify(items))) === null) return false;
    const copied = new Set(items.map((item) => JSON.stringify(item)));
    const now = await this.readList(key);
    if (now.unreadable === false) await this.values.write(key, now.items.filter((item) => !copied.has(JSON.stringify(item))));
    return true;
  }

  /** The stored list; a text that is not a list is set aside ('set') or, when it cannot be copied, left where it is ('left'). */
  private async readList(key: string): Promise<{ items: unknown[]; unreadable: false | 'set' | 'left' }> {
    const text = await this.values.readText(key);
    if (text === null) return { items: [], unreadable: false };
    try {
      const data: unknown = JSON.parse(text);
      if (Array.isArray(data)) return { items: data, unreadable: false };
    } catch {
      // falls through to set the text aside
    }
    return { items: [], unreadable: (await this.values.setAside(key, text)) === null ? 'left' : 'set' };
  }
}

function isAttemptLike(item: unknown): item is { attemptId: string } {
  return typeof item === 'object' && item !== null && typeof (item as { attemptId?: unknown }).attemptId === 'string';
}

function newestFirst(attempts: readonly AttemptRecord[]): AttemptRecord[] {
  const time = (attempt: AttemptRecord) => instantMs(attempt.finishedAt ?? attempt.startedAt) ?? 0;
  return [...attempts].sort((a, b) => time(b) - time(a));
}
