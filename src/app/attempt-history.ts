import { z } from 'zod';
import { ActionLogSchema } from '../core/actions/action.ts';
import { parseAttempt, type AttemptRecord } from '../core/attempt.ts';
import type { StoragePort } from './ports.ts';
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
  finishedAt: z.number().int().min(0).max(8.64e15),
  mode: z.enum(['coach', 'exam']),
  percent: z.number().min(0).max(100),
  passed: z.boolean(),
  log: ActionLogSchema,
});
export type LegacyHistoryEntry = z.infer<typeof LegacyEntrySchema>;

export interface LoadedHistory {
  /** Newest first. */
  readonly attempts: readonly AttemptRecord[];
  /** Entries of the older history, for the caller to turn into attempt records. */
  readonly legacy: readonly LegacyHistoryEntry[];
  /** How many entries could not be read and were set aside ('all' when the whole list was unreadable). */
  readonly setAside: number | 'all';
}

/** Finished attempt records kept on this device. Every write merges with what is stored now, so two tabs never overwrite each other's attempts. */
export class AttemptHistory {
  private readonly values: StoredValues;

  constructor(port: StoragePort) {
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

  /** Adds attempts to what is stored now (one per attemptId). Returns the merged history, and why it could not be stored, if it could not. */
  async add(added: readonly AttemptRecord[]): Promise<{ readonly attempts: readonly AttemptRecord[]; readonly problem: string | null }> {
    const stored = await this.readList(KEY);
    const ids = new Set(added.map((attempt) => attempt.attemptId));
    const kept = stored.items.filter((item) => !(isAttemptLike(item) && ids.has(item.attemptId)));
    const merged = [...added, ...kept];
    const byTime = merged.map((item) => ({ item, parsed: parseAttempt(item) }));
    const attempts = newestFirst(byTime.flatMap(({ parsed }) => (parsed.ok ? [parsed.attempt] : [])));
    const keep = new Set(attempts.slice(0, HISTORY_LIMIT).map((attempt) => attempt.attemptId));
    const toStore = byTime.filter(({ item, parsed }) => !parsed.ok || keep.has((item as { attemptId: string }).attemptId)).map(({ item }) => item);
    const problem = await this.values.write(KEY, toStore);
    return { attempts: attempts.slice(0, HISTORY_LIMIT), problem };
  }

  /** Once the older history's entries are stored as attempt records, the older list is kept under `:migrated`, never deleted. */
  async retireLegacy(): Promise<void> {
    const text = await this.values.readText(LEGACY_KEY);
    if (text !== null) await this.values.setAside(LEGACY_KEY, text, ':migrated');
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
  const time = (attempt: AttemptRecord) => attempt.finishedAt ?? attempt.startedAt;
  return [...attempts].sort((a, b) => (time(a) < time(b) ? 1 : time(a) > time(b) ? -1 : 0));
}
