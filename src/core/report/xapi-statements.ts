import { sha1 } from '@noble/hashes/legacy.js';
import { instantMs } from '../iso-instant.ts';
import type { AttemptSummary } from './attempt-summary.ts';

/**
 * A finished attempt as xAPI 1.0.3 statements, for a learning record store (LRS): `attempted` when it started,
 * then `completed` and `passed` or `failed` when it finished, the last two with the score. Pure: no clock, no
 * network; the same input always gives the same statements, with ids derived from the attempt, so sending them
 * again never makes duplicates (an LRS keeps one statement per id).
 *
 * Mapped from the attempt's summary, which holds everything a statement says of the attempt itself; what the
 * server knows besides the record (whose account stored it, the cohorts that user belongs to) is given with it.
 */

export const XAPI_VERSION = '1.0.3';

export const XAPI_VERBS = ['attempted', 'completed', 'passed', 'failed'] as const;
export type XapiVerb = (typeof XAPI_VERBS)[number];

/** The statements of one attempt, in the order they happened. */
export const STATEMENTS_PER_ATTEMPT = 3;

export interface StatementInput {
  readonly summary: AttemptSummary;
  /** The account the attempt is stored for; null when it belongs to none (imported), then its trainee id names the actor. */
  readonly userId: string | null;
  /** The cohorts that account belongs to. */
  readonly cohorts: readonly { readonly id: string; readonly name: string }[];
}

export interface StatementOptions {
  /**
   * The server's public base URL, such as `https://drill.example.com`: the home page of the actors' accounts, and
   * the base of every activity and extension IRI.
   */
  readonly homePage: string;
}

export interface XapiLanguageMap {
  readonly [language: string]: string;
}

export interface XapiActivity {
  readonly objectType: 'Activity';
  readonly id: string;
  readonly definition?: { readonly type?: string; readonly name?: XapiLanguageMap; readonly extensions?: Readonly<Record<string, unknown>> };
}

export interface XapiStatement {
  readonly id: string;
  readonly actor: { readonly objectType: 'Agent'; readonly name?: string; readonly account: { readonly homePage: string; readonly name: string } };
  readonly verb: { readonly id: string; readonly display: XapiLanguageMap };
  readonly object: XapiActivity;
  readonly result?: {
    readonly score: { readonly scaled: number; readonly raw: number; readonly min: number; readonly max: number };
    readonly success: boolean;
    readonly completion: boolean;
    readonly duration: string;
  };
  readonly context: {
    readonly registration: string;
    readonly platform: string;
    readonly contextActivities?: { readonly grouping: readonly XapiActivity[] };
    readonly extensions: Readonly<Record<string, unknown>>;
  };
  readonly timestamp: string;
  readonly version: typeof XAPI_VERSION;
}

const VERB_IRIS: Readonly<Record<XapiVerb, string>> = {
  attempted: 'http://adlnet.gov/expapi/verbs/attempted',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
};

const SIMULATION = 'http://adlnet.gov/expapi/activities/simulation';
const MEETING = 'http://adlnet.gov/expapi/activities/meeting';
const GROUP = 'http://id.tincanapi.com/activitytype/group';

/** The namespace every statement id is derived in (RFC 4122 name-based, version 5): fixed, so ids never change. */
export const STATEMENT_ID_NAMESPACE = '6f3d1c52-4b7e-5a0e-9d1f-2c8b7e4a9b10';

/** The statement id of an attempt's verb: a UUID version 5 of `attemptId/verb`, the same every time. */
export function statementId(attemptId: string, verb: XapiVerb): string {
  return uuidV5(STATEMENT_ID_NAMESPACE, `${attemptId.toLowerCase()}/${verb}`);
}

/** RFC 4122 §4.3: SHA-1 of the namespace's 16 bytes and the name's UTF-8, with the version and variant bits set. */
export function uuidV5(namespace: string, name: string): string {
  const space = hexBytes(namespace.replaceAll('-', ''));
  const text = new TextEncoder().encode(name);
  const input = new Uint8Array(space.length + text.length);
  input.set(space, 0);
  input.set(text, space.length);
  const bytes = sha1(input).slice(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function hexBytes(hex: string): Uint8Array {
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new TypeError(`"${hex}" is not a UUID's 32 hex digits`);
  return Uint8Array.from({ length: 16 }, (_, i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16));
}

/** Milliseconds as an ISO 8601 duration: `PT29M29S`, `PT1H0M5S` style without the zero parts, `PT0S` for none. */
export function isoDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms <= 0) return 'PT0S';
  // xAPI keeps durations to 0.01 s.
  const centis = Math.round(ms / 10);
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor((centis % 360_000) / 6000);
  const seconds = (centis % 6000) / 100;
  const parts = `${hours > 0 ? `${hours}H` : ''}${minutes > 0 ? `${minutes}M` : ''}${seconds > 0 ? `${seconds}S` : ''}`;
  return `PT${parts === '' ? '0S' : parts}`;
}

/** A base URL with no trailing slash, so IRIs built on it have one slash between parts. */
export function normalHomePage(homePage: string): string {
  return homePage.replace(/\/+$/, '');
}

/** The IRIs of this installation's vocabulary, all under its public base URL. */
export function xapiIris(homePage: string) {
  const base = `${normalHomePage(homePage)}/xapi`;
  return {
    scenario: (id: string) => `${base}/scenarios/${encodeURIComponent(id)}`,
    cohort: (id: string) => `${base}/cohorts/${encodeURIComponent(id)}`,
    classroom: (code: string) => `${base}/classrooms/${encodeURIComponent(code)}`,
    competencies: `${base}/extensions/competencies`,
    engineVersion: `${base}/extensions/engine-version`,
    scenarioVersion: `${base}/extensions/scenario-version`,
    playbook: `${base}/extensions/playbook`,
    mode: `${base}/extensions/mode`,
  };
}

/** The attempt's statements: `attempted`, `completed`, then `passed` or `failed`. */
export function attemptStatements(input: StatementInput, options: StatementOptions): XapiStatement[] {
  const { summary } = input;
  const homePage = normalHomePage(options.homePage);
  const iris = xapiIris(homePage);
  const actor = {
    objectType: 'Agent' as const,
    ...(summary.traineeName ? { name: summary.traineeName } : {}),
    account: { homePage, name: input.userId ?? summary.traineeId },
  };
  const object: XapiActivity = {
    objectType: 'Activity',
    id: iris.scenario(summary.scenario.id),
    definition: { type: SIMULATION, name: { en: summary.scenario.title || summary.scenario.id } },
  };
  const grouping: XapiActivity[] = [
    ...input.cohorts.map((cohort): XapiActivity => ({ objectType: 'Activity', id: iris.cohort(cohort.id), definition: { type: GROUP, name: { en: cohort.name || cohort.id } } })),
    ...(summary.classroom === null ? [] : [{ objectType: 'Activity' as const, id: iris.classroom(summary.classroom), definition: { type: MEETING, name: { en: `Classroom ${summary.classroom}` } } }]),
  ];
  const context = {
    registration: summary.attemptId,
    platform: 'Bridge Drill',
    ...(grouping.length > 0 ? { contextActivities: { grouping } } : {}),
    extensions: {
      [iris.competencies]: { ...summary.competencies },
      [iris.engineVersion]: summary.engineVersion,
      [iris.scenarioVersion]: summary.scenario.version,
      [iris.playbook]: { id: summary.playbook.id, version: summary.playbook.version },
      [iris.mode]: summary.mode,
    },
  };
  const durationMs = (instantMs(summary.finishedAt) ?? 0) - (instantMs(summary.startedAt) ?? 0);
  const max = Math.max(0, summary.maxPoints);
  const result = {
    score: { scaled: clamp(summary.gradePercent / 100, 0, 1), raw: clamp(summary.points, 0, max), min: 0, max },
    success: summary.passed,
    completion: true,
    duration: isoDuration(durationMs),
  };
  const statement = (verb: XapiVerb, timestamp: string, withResult: boolean): XapiStatement => ({
    id: statementId(summary.attemptId, verb),
    actor,
    verb: { id: VERB_IRIS[verb], display: { en: verb } },
    object,
    ...(withResult ? { result } : {}),
    context,
    timestamp,
    version: XAPI_VERSION,
  });
  return [statement('attempted', summary.startedAt, false), statement('completed', summary.finishedAt, true), statement(summary.passed ? 'passed' : 'failed', summary.finishedAt, true)];
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
