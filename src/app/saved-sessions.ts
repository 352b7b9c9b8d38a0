import { z } from 'zod';
import { ActionLogSchema } from '../core/actions/action.ts';
import { AttemptRecordSchema, type AttemptRecord } from '../core/attempt.ts';
import type { StoragePort } from './ports.ts';
import { SPEEDS, type Mode, type Speed } from './store.ts';
import { parseWith, StoredValues, type LoadResult } from './stored-values.ts';

const PREFIX = 'bridge-drill:session:v2:';
/** Sessions saved before attempts had records: read once, then saved again in the new form. */
const LEGACY_PREFIX = 'bridge-drill:session:v1:';

/** A session in progress: its attempt record so far (no finish time, no report), and where the clock stood. */
export interface SavedSession {
  readonly attempt: AttemptRecord;
  readonly speed: Speed;
  /** Scenario ms reached, a whole number of seconds. */
  readonly now: number;
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

const SavedSessionSchema = z.object({ version: z.literal(2), attempt: AttemptRecordSchema, speed: SpeedSchema, now: Now });
const LegacySessionSchema = z.object({
  version: z.literal(1),
  scenario: z.string().min(1),
  playbook: z.string().min(1),
  mode: z.enum(['coach', 'exam']),
  speed: SpeedSchema,
  now: Now,
  actions: ActionLogSchema.shape.actions,
});

export type SessionLoad = LoadResult<SavedSession> | { readonly kind: 'legacy'; readonly value: LegacySession };

/** Sessions in progress, one per scenario, in the storage port. */
export class SavedSessions {
  private readonly values: StoredValues;

  constructor(port: StoragePort) {
    this.values = new StoredValues(port);
  }

  /** Returns why the session could not be saved, or null. Once saved, a session an older version kept for the scenario is stale and goes. */
  async save(session: SavedSession): Promise<string | null> {
    const problem = await this.values.write(PREFIX + session.attempt.scenario.id, { version: 2, ...session });
    if (problem === null) await this.values.remove(LEGACY_PREFIX + session.attempt.scenario.id);
    return problem;
  }

  async load(scenarioId: string): Promise<SessionLoad> {
    const current = await this.values.load(PREFIX + scenarioId, SavedSessionSchema);
    if (current.kind === 'ok' && current.value.attempt.scenario.id !== scenarioId) {
      return { kind: 'unreadable', reason: 'it belongs to another scenario', keptAs: await this.setAside(scenarioId) };
    }
    if (current.kind !== 'none') return current;
    const legacy = await this.values.load(LEGACY_PREFIX + scenarioId, LegacySessionSchema);
    if (legacy.kind === 'ok') return { kind: 'legacy', value: legacy.value };
    return legacy;
  }

  /** Ids of scenarios with a session in progress. */
  async inProgress(): Promise<string[]> {
    const keys = [...(await this.values.keys(PREFIX)), ...(await this.values.keys(LEGACY_PREFIX))];
    return [...new Set(keys.map((key) => key.slice(key.startsWith(PREFIX) ? PREFIX.length : LEGACY_PREFIX.length)))].sort();
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

  /** Moves a session that cannot be replayed aside, so it is not lost and does not block a new start. */
  async setAside(scenarioId: string): Promise<string | null> {
    let keptAs: string | null = null;
    for (const key of [PREFIX + scenarioId, LEGACY_PREFIX + scenarioId]) {
      const text = await this.values.readText(key);
      if (text !== null) keptAs = await this.values.setAside(key, text);
    }
    return keptAs;
  }

  async remove(scenarioId: string): Promise<void> {
    await this.values.remove(PREFIX + scenarioId);
    await this.values.remove(LEGACY_PREFIX + scenarioId);
  }
}
