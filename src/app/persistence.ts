import { z } from 'zod';
import { ActionLogSchema, type Action } from '../core/actions/action.ts';
import type { KeyValueStorage } from './ports.ts';
import { SPEEDS, type HistoryEntry, type Mode, type Speed } from './store.ts';

const SESSION_PREFIX = 'bridge-drill:session:v1:';
const HISTORY_KEY = 'bridge-drill:history:v1';
const OPENED_KEY = 'bridge-drill:opened:v1';
const UNREADABLE_SUFFIX = ':unreadable';
/** Enough for a term of practice; the oldest attempts go first. */
export const HISTORY_LIMIT = 200;

/** A session in progress: the log and the scenario time reached. Replaying the log restores it. */
export interface SavedSession {
  readonly scenario: string;
  readonly playbook: string;
  readonly mode: Mode;
  readonly speed: Speed;
  /** Scenario ms reached, a whole number of seconds. */
  readonly now: number;
  readonly actions: readonly Action[];
}

const ModeSchema = z.enum(['coach', 'exam']);
const SpeedSchema = z.union(SPEEDS.map((speed) => z.literal(speed)));

const SavedSessionSchema = z.object({
  version: z.literal(1),
  scenario: z.string().min(1),
  playbook: z.string().min(1),
  mode: ModeSchema,
  speed: SpeedSchema,
  now: z.number().int().nonnegative(),
  actions: ActionLogSchema.shape.actions,
});

const HistoryEntrySchema = z.object({
  id: z.string().min(1),
  scenarioId: z.string().min(1),
  scenarioTitle: z.string(),
  /** Ms since the epoch, within the range a Date can show. */
  finishedAt: z.number().int().min(0).max(8.64e15),
  mode: ModeSchema,
  percent: z.number().min(0).max(100),
  passed: z.boolean(),
  log: ActionLogSchema,
});

/** A scenario file an instructor opened in this browser: its name and its text, validated again on every load. */
export interface OpenedFile {
  readonly file: string;
  readonly text: string;
}

const OpenedFilesSchema = z.array(z.object({ file: z.string(), text: z.string() }));

export type LoadResult<T> = { readonly kind: 'none' } | { readonly kind: 'ok'; readonly value: T } | { readonly kind: 'unreadable'; readonly reason: string };

/** Saves and restores sessions and the history through a key-value store, validating what it reads. */
export class SessionStorage {
  constructor(private readonly storage: KeyValueStorage) {}

  /** Returns an error message when the browser refused to store (storage full or disabled). */
  saveSession(session: SavedSession): string | null {
    return this.write(SESSION_PREFIX + session.scenario, JSON.stringify({ version: 1, ...session }));
  }

  loadSession(scenarioId: string): LoadResult<SavedSession> {
    const key = SESSION_PREFIX + scenarioId;
    const text = this.read(key);
    if (text === null) return { kind: 'none' };
    const parsed = parseWith(SavedSessionSchema, text);
    if (parsed.ok && parsed.value.scenario === scenarioId) return { kind: 'ok', value: parsed.value };
    this.keepUnreadable(key, text);
    return { kind: 'unreadable', reason: parsed.ok ? 'it belongs to another scenario' : parsed.reason };
  }

  /** Ids of scenarios with a session in progress. */
  sessionsInProgress(): string[] {
    const ids: string[] = [];
    const store = this.storage as KeyValueStorage & { length?: number; key?(index: number): string | null };
    if (typeof store.length !== 'number' || typeof store.key !== 'function') return ids;
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(SESSION_PREFIX) && !key.endsWith(UNREADABLE_SUFFIX)) ids.push(key.slice(SESSION_PREFIX.length));
    }
    return ids.sort();
  }

  /** Moves a session that cannot be replayed aside, so it is not lost and does not block a new start. */
  setSessionAside(scenarioId: string): void {
    const key = SESSION_PREFIX + scenarioId;
    const text = this.read(key);
    if (text !== null) this.keepUnreadable(key, text);
  }

  removeSession(scenarioId: string): void {
    this.remove(SESSION_PREFIX + scenarioId);
  }

  /** The history, and how many entries could not be read; those are set aside, never deleted. */
  loadHistory(): { entries: HistoryEntry[]; setAside: number | 'all' } {
    const text = this.read(HISTORY_KEY);
    if (text === null) return { entries: [], setAside: 0 };
    const parsed = parseWith(z.array(z.unknown()), text);
    if (!parsed.ok) {
      this.keepUnreadable(HISTORY_KEY, text);
      return { entries: [], setAside: 'all' };
    }
    const entries: HistoryEntry[] = [];
    const unreadable: unknown[] = [];
    for (const item of parsed.value) {
      const entry = HistoryEntrySchema.safeParse(item);
      if (entry.success) entries.push(entry.data);
      else unreadable.push(item);
    }
    if (unreadable.length > 0) {
      const earlier = parseWith(z.array(z.unknown()), this.read(HISTORY_KEY + UNREADABLE_SUFFIX) ?? '[]');
      this.write(HISTORY_KEY + UNREADABLE_SUFFIX, JSON.stringify([...(earlier.ok ? earlier.value : []), ...unreadable]));
      this.write(HISTORY_KEY, JSON.stringify(entries));
    }
    return { entries, setAside: unreadable.length };
  }

  saveHistory(entries: readonly HistoryEntry[]): string | null {
    return this.write(HISTORY_KEY, JSON.stringify(entries.slice(0, HISTORY_LIMIT)));
  }

  loadOpenedFiles(): OpenedFile[] {
    const text = this.read(OPENED_KEY);
    if (text === null) return [];
    const parsed = parseWith(OpenedFilesSchema, text);
    if (parsed.ok) return parsed.value;
    this.keepUnreadable(OPENED_KEY, text);
    return [];
  }

  saveOpenedFiles(files: readonly OpenedFile[]): string | null {
    return this.write(OPENED_KEY, JSON.stringify(files));
  }

  private keepUnreadable(key: string, text: string): void {
    this.write(key + UNREADABLE_SUFFIX, text);
    this.remove(key);
  }

  private read(key: string): string | null {
    try {
      return this.storage.getItem(key);
    } catch {
      return null;
    }
  }

  private write(key: string, value: string): string | null {
    try {
      this.storage.setItem(key, value);
      return null;
    } catch (error) {
      return error instanceof Error && error.name === 'QuotaExceededError'
        ? 'The browser’s storage is full, so your progress is not being saved. Free some space or finish the exercise in this tab.'
        : 'The browser would not let Bridge Drill save your progress (storage may be turned off). Finish the exercise in this tab.';
    }
  }

  private remove(key: string): void {
    try {
      this.storage.removeItem(key);
    } catch {
      // Nothing to lose: the entry stays until the next successful write replaces it.
    }
  }
}

function parseWith<T>(schema: z.ZodType<T>, text: string): { ok: true; value: T } | { ok: false; reason: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'it is not valid JSON' };
  }
  const result = schema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  return { ok: false, reason: issue ? `${issue.path.join('.') || 'the data'}: ${issue.message}` : 'it does not have the expected shape' };
}
