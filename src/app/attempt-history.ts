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
  /** How many entries could not be read and were set aside ('all' when the whole list was unreadable). */
  readonly setAside: number | 'all';
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
    if (unreadable.length > 0 && (await this.values.keepAside(KEY, JSON.stringify(unreadable))) !== null) {
      await this.values.write(KEY, current.items.filter((item) => !unreadable.includes(item)));
    }
    if (unreadableLegacy.length > 0 && (await this.values.keepAside(LEGACY_KEY, JSON.stringify(unreadableLegacy))) !== null) {
      await this.values.write(LEGACY_KEY, legacy.items.filter((item) => !unreadableLegacy.includes(item)));
    }
    const whole = current.unreadable || legacy.unreadable;
    return { attempts: newestFirst(attempts), legacy: legacyEntries, setAside: whole ? 'all' : unreadable.length + unreadableLegacy.length };
  }

  /**
   * Adds an attempt to what is stored now. Storing the same attempt again changes nothing; another
   * attempt under a stored id (two tabs that resumed one saved session) is kept under a fresh id.
   * Returns the merged history, the attempt as stored, and why it could not be stored, if it could not.
   */
  async add(attempt: AttemptRecord): Promise<{ readonly attempts: readonly AttemptRecord[]; readonly stored: AttemptRecord; readonly problem: string | null }> {
    const stored = await this.readList(KEY);
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

  private async readList(key: string): Promise<{ items: unknown[]; unreadable: boolean }> {
    const text = await this.values.readText(key);
    if (text === null) return { items: [], unreadable: false };
    try {
      const data: unknown = JSON.parse(text);
      if (Array.isArray(data)) return { items: data, unreadable: false };
    } catch {
      // falls through to set the text aside
    }
    await this.values.setAside(key, text);
    return { items: [], unreadable: true };
  }
}

function isAttemptLike(item: unknown): item is { attemptId: string } {
  return typeof item === 'object' && item !== null && typeof (item as { attemptId?: unknown }).attemptId === 'string';
}

function newestFirst(attempts: readonly AttemptRecord[]): AttemptRecord[] {
  const time = (attempt: AttemptRecord) => instantMs(attempt.finishedAt ?? attempt.startedAt) ?? 0;
  return [...attempts].sort((a, b) => time(b) - time(a));
}
