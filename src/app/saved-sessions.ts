import { z } from 'zod';
import { ActionLogSchema } from '../core/actions/action.ts';
import { AttemptRecordSchema, type AttemptRecord } from '../core/attempt.ts';
import { canonicalJson } from '../core/hash/canonical-json.ts';
import type { StoragePort } from './ports.ts';
import { SPEEDS, type Mode, type Speed } from './store.ts';
import { parseWith, StoredValues } from './stored-values.ts';

const PREFIX = 'bridge-drill:session:v2:';
/** Sessions saved before attempts had records: read once, then saved again in the new form. */
const LEGACY_PREFIX = 'bridge-drill:session:v1:';

/** A session in progress: its attempt record so far (no finish time, no report), and where the clock stood. */
export interface SavedSession {
  readonly attempt: AttemptRecord;
  readonly speed: Speed;
  /** Scenario ms reached, a whole number of seconds. */
  readonly now: number;
  /** Whether the clock stood paused when it was saved (absent in sessions saved before it was kept). */
  readonly paused?: boolean;
  /** Wall-clock ms of the save, so an exam counts the time the page was closed as paused. */
  readonly savedAt?: number;
}

/** A session saved by an earlier version: the log and the clock, with no attempt record yet. */
export interface LegacySession {
  readonly scenario: string;
  readonly playbook: string;
  readonly mode: Mode;
  readonly speed: Speed;
  readonly now: number;
  readonly actions: z.infer<typeof ActionLogSchema>['actions'];
}

const SpeedSchema = z.union(SPEEDS.map((speed) => z.literal(speed)));
const Now = z.number().int().nonnegative();

const SavedSessionSchema = z.object({
  version: z.literal(2),
  attempt: AttemptRecordSchema,
  speed: SpeedSchema,
  now: Now,
  paused: z.boolean().optional(),
  savedAt: z.number().int().nonnegative().optional(),
});
const LegacySessionSchema = z.object({
  version: z.literal(1),
  scenario: z.string().min(1),
  playbook: z.string().min(1),
  mode: z.enum(['coach', 'exam']),
  speed: SpeedSchema,
  now: Now,
  actions: ActionLogSchema.shape.actions,
});

/** A session read back, with the key it was stored under. */
export type SessionLoad =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly value: SavedSession; readonly key: string }
  | { readonly kind: 'unreadable'; readonly reason: string; readonly keptAs: string | null }
  | { readonly kind: 'legacy'; readonly value: LegacySession };

/**
 * Where a tab keeps its session when the scenario's key holds another attempt (a second tab started the same
 * scenario) or a different course of the same attempt (two tabs resumed one session): a key of its own, so
 * neither tab writes over the other.
 */
const OWN_MARK = ':attempt:';

/**
 * Sessions in progress, one per scenario, in the storage port. Every save reads what is stored at that moment
 * and writes over it only when it is the same attempt carried further; anything else is kept, and the session
 * goes to a key of its own, as the outbox keeps each entry apart.
 */
export class SavedSessions {
  private readonly values: StoredValues;

  constructor(port: StoragePort) {
    this.values = new StoredValues(port);
  }

  /**
   * Returns why the session could not be saved, or null. Once saved, a session an older version kept for the
   * scenario is stale and goes. `replaces` names an attempt whose session this one may write over (it is kept
   * elsewhere, such as in the account).
   */
  async save(session: SavedSession, replaces?: string): Promise<string | null> {
    const scenarioId = session.attempt.scenario.id;
    const key = PREFIX + scenarioId;
    const own = ownKey(scenarioId, session.attempt.attemptId);
    const text = await this.values.readText(key);
    const parsed = text === null ? null : parseWith(SavedSessionSchema, text);
    let target = key;
    if (text !== null && parsed && !parsed.ok) {
      if ((await this.values.setAside(key, text)) === null) target = own;
    } else if (parsed?.ok && parsed.value.attempt.attemptId !== replaces && !carriesOn(parsed.value, session)) target = own;
    const value = { version: 2, ...session };
    const problem = await this.values.write(target, value);
    if (problem === null && target === key) {
      if ((await this.values.readText(key)) === JSON.stringify(value)) await this.values.remove(own);
      await this.values.remove(LEGACY_PREFIX + scenarioId);
    }
    return problem;
  }

  async load(scenarioId: string): Promise<SessionLoad> {
    const key = PREFIX + scenarioId;
    const current = await this.values.load(key, SavedSessionSchema);
    if (current.kind === 'ok' && current.value.attempt.scenario.id !== scenarioId) {
      return { kind: 'unreadable', reason: 'it belongs to another scenario', keptAs: await this.setAside(scenarioId, key) };
    }
    if (current.kind === 'ok') return { ...current, key };
    if (current.kind !== 'none') return current;
    for (const other of await this.values.keys(PREFIX + scenarioId + OWN_MARK)) {
      const text = await this.values.readText(other);
      const parsed = text === null ? null : parseWith(SavedSessionSchema, text);
      if (parsed?.ok && parsed.value.attempt.scenario.id === scenarioId) return { kind: 'ok', value: parsed.value, key: other };
    }
    const legacy = await this.values.load(LEGACY_PREFIX + scenarioId, LegacySessionSchema);
    if (legacy.kind === 'ok') return { kind: 'legacy', value: legacy.value };
    return legacy;
  }

  /** Ids of scenarios with a session in progress. */
  async inProgress(): Promise<string[]> {
    const keys = [...(await this.values.keys(PREFIX)), ...(await this.values.keys(LEGACY_PREFIX))];
    const ids = keys.map((key) => key.slice(key.startsWith(PREFIX) ? PREFIX.length : LEGACY_PREFIX.length).split(OWN_MARK)[0]!);
    return [...new Set(ids)].sort();
  }

  /** The attempt ids of the sessions saved here, read without changing anything (what cannot be read is skipped). */
  async attemptIds(): Promise<Set<string>> {
    const ids = new Set<string>();
    for (const key of await this.values.keys(PREFIX)) {
      const text = await this.values.readText(key);
      const parsed = text === null ? null : parseWith(SavedSessionSchema, text);
      if (parsed?.ok) ids.add(parsed.value.attempt.attemptId);
    }
    return ids;
  }

  /** Whether a session of this attempt is stored, so a notice never claims one is kept when none is. */
  async holds(scenarioId: string, attemptId: string): Promise<boolean> {
    for (const key of [PREFIX + scenarioId, ownKey(scenarioId, attemptId)]) {
      const text = await this.values.readText(key);
      const parsed = text === null ? null : parseWith(SavedSessionSchema, text);
      if (parsed?.ok && parsed.value.attempt.attemptId === attemptId) return true;
    }
    return false;
  }

  /**
   * Moves a session that cannot be replayed aside, so it is not lost and does not block a new start: the one stored
   * under `key`, or else the scenario's own and an older version's. Returns the copy's key, or null when nothing
   * could be copied, in which case it stays where it was.
   */
  async setAside(scenarioId: string, key?: string): Promise<string | null> {
    let keptAs: string | null = null;
    for (const each of key ? [key] : [PREFIX + scenarioId, LEGACY_PREFIX + scenarioId]) {
      const text = await this.values.readText(each);
      if (text !== null) keptAs = await this.values.setAside(each, text);
    }
    return keptAs;
  }

  /** Removes the session of one attempt, once it is finished or abandoned; another tab's session of the scenario stays. */
  async remove(scenarioId: string, attemptId: string): Promise<void> {
    const key = PREFIX + scenarioId;
    const text = await this.values.readText(key);
    const parsed = text === null ? null : parseWith(SavedSessionSchema, text);
    if (parsed?.ok && parsed.value.attempt.attemptId === attemptId) await this.values.remove(key);
    await this.values.remove(ownKey(scenarioId, attemptId));
  }

  /** Removes the session an older version kept for the scenario, which no attempt owns. */
  async removeLegacy(scenarioId: string): Promise<void> {
    await this.values.remove(LEGACY_PREFIX + scenarioId);
  }
}

function ownKey(scenarioId: string, attemptId: string): string {
  return PREFIX + scenarioId + OWN_MARK + attemptId;
}

/** Whether `next` is `stored` carried further: the same attempt, with every stored action still in its log. */
function carriesOn(stored: SavedSession, next: SavedSession): boolean {
  const before = stored.attempt.log.actions;
  const after = next.attempt.log.actions;
  return (
    stored.attempt.attemptId === next.attempt.attemptId &&
    before.length <= after.length &&
    before.every((action, index) => canonicalJson(action) === canonicalJson(after[index]))
  );
}
