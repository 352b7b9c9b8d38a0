import { attemptStatements } from '../../core/report/xapi-statements.ts';
import type { ResultsStore } from '../db/store.ts';
import type { XapiOutboxItem } from '../db/xapi-outbox.ts';
import { LrsError, lrsClient, type LrsClient } from './lrs-client.ts';
import { readXapiSettings, type XapiSettings } from './settings.ts';

/**
 * Sends the outbox to the LRS from inside the server process. It takes the due rows a batch at a time, posts
 * their statements as one array, and marks them sent. When the LRS cannot take them (down, 5xx, 429, refused
 * credentials) the rows stay queued and the sender waits, 1 s doubling to 5 min, each wait cut by up to half at
 * random (jitter) so many servers coming back do not all retry at once; the wait is written on the rows too, so
 * a restart keeps to it. What the LRS refuses as invalid (400) is kept as `failed` with its answer and not
 * retried: a batch that is refused is split, so only the attempts whose own statements are refused fail.
 */
export interface XapiSenderOptions {
  /** Attempts per request (each gives three statements). */
  readonly batchSize: number;
  /** How often to look for new rows and changed settings when idle. */
  readonly pollMs: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  /** How long a claimed row is kept from another sender while this one sends it. */
  readonly leaseMs: number;
  /** The time limit of one request to the LRS. */
  readonly timeoutMs: number;
  readonly random: () => number;
  readonly log: { warn(message: string): void; info(message: string): void };
}

export const DEFAULT_SENDER_OPTIONS: XapiSenderOptions = {
  batchSize: 50,
  pollMs: 1000,
  backoffBaseMs: 1000,
  backoffMaxMs: 5 * 60_000,
  leaseMs: 2 * 60_000,
  timeoutMs: 30_000,
  random: Math.random,
  log: { warn: () => {}, info: () => {} },
};

/** The sender's timing from the environment (`BRIDGE_DRILL_XAPI_POLL_MS`, `…_BACKOFF_MS`, `…_BACKOFF_MAX_MS`, `…_BATCH`), so tests can run it fast. */
export function xapiSenderOptionsFromEnv(env: NodeJS.ProcessEnv): Partial<XapiSenderOptions> {
  const number = (name: string): number | undefined => {
    const value = Number(env[name]);
    return env[name] !== undefined && env[name] !== '' && Number.isFinite(value) && value > 0 ? value : undefined;
  };
  const options: { -readonly [K in keyof XapiSenderOptions]?: XapiSenderOptions[K] } = {};
  const poll = number('BRIDGE_DRILL_XAPI_POLL_MS');
  const base = number('BRIDGE_DRILL_XAPI_BACKOFF_MS');
  const max = number('BRIDGE_DRILL_XAPI_BACKOFF_MAX_MS');
  const batch = number('BRIDGE_DRILL_XAPI_BATCH');
  if (poll !== undefined) options.pollMs = poll;
  if (base !== undefined) options.backoffBaseMs = base;
  if (max !== undefined) options.backoffMaxMs = max;
  if (batch !== undefined) options.batchSize = Math.floor(batch);
  return options;
}

/** The wait after `failures` failures in a row: base × 2^(failures−1), at most max, then between half and all of it. */
export function backoffMs(failures: number, options: Pick<XapiSenderOptions, 'backoffBaseMs' | 'backoffMaxMs' | 'random'>): number {
  const full = Math.min(options.backoffMaxMs, options.backoffBaseMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  return Math.round(full / 2 + (full / 2) * options.random());
}

export interface XapiSender {
  /** Stops after the request in flight (aborted) is recorded; the rows it held stay queued. */
  stop(): Promise<void>;
}

type Outcome = { readonly kind: 'done' } | { readonly kind: 'retry'; readonly message: string; readonly pending: readonly string[] };

export function startXapiSender(store: ResultsStore, given: Partial<XapiSenderOptions> = {}): XapiSender {
  const options = { ...DEFAULT_SENDER_OPTIONS, ...given };
  const abort = new AbortController();
  let stopped = false;
  let failures = 0;
  let wakeUp: (() => void) | undefined;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      if (stopped || ms <= 0) return resolve();
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      }
      wakeUp = done;
    });

  /** Waits `ms`, looking at the settings every poll: changed settings (a fixed password, say) end the wait. */
  async function wait(ms: number, fingerprint: string): Promise<void> {
    const until = Date.now() + ms;
    while (!stopped && Date.now() < until) {
      await sleep(Math.min(options.pollMs, until - Date.now()));
      if (stopped) return;
      const now = JSON.stringify((await readXapiSettings(store).catch(() => undefined)) ?? null);
      if (now !== fingerprint) {
        failures = 0;
        return;
      }
    }
  }

  async function sendItems(client: LrsClient, settings: XapiSettings, items: readonly XapiOutboxItem[]): Promise<Outcome> {
    const ids = items.map((item) => item.attemptId);
    try {
      await client.send(
        items.flatMap((item) => attemptStatements(item.input, { homePage: settings.homePage })),
        abort.signal,
      );
      await store.markXapiSent(ids);
      return { kind: 'done' };
    } catch (error) {
      if (!(error instanceof LrsError)) throw error;
      if (error.status === 400 || error.status === 409 || error.status === 413) {
        if (items.length > 1) {
          // One bad attempt refuses the whole array: send each alone, so the others still go.
          for (const [index, item] of items.entries()) {
            const outcome = await sendItems(client, settings, [item]);
            if (outcome.kind === 'retry') return { ...outcome, pending: ids.slice(index) };
          }
          return { kind: 'done' };
        }
        // An LRS may answer 409 when it holds a statement with that id already: it has the attempt.
        if (error.status === 409) await store.markXapiSent(ids);
        else {
          await store.markXapiFailed(ids, error.message);
          options.log.warn(`xAPI: the LRS refused the statements of attempt ${ids[0]}: ${error.message}`);
        }
        return { kind: 'done' };
      }
      return { kind: 'retry', message: error.message, pending: ids };
    }
  }

  async function round(): Promise<{ next: number; fingerprint: string }> {
    const settings = await readXapiSettings(store);
    const fingerprint = JSON.stringify(settings ?? null);
    if (settings === undefined || !settings.enabled) return { next: options.pollMs, fingerprint };
    const batch = await store.claimXapiBatch(options.batchSize, options.leaseMs);
    if (batch.length === 0) return { next: options.pollMs, fingerprint };
    const outcome = await sendItems(lrsClient(settings, options.timeoutMs), settings, batch);
    if (outcome.kind === 'done') {
      if (failures > 0) options.log.info('xAPI: the LRS takes statements again');
      failures = 0;
      return { next: 0, fingerprint };
    }
    failures++;
    const delay = backoffMs(failures, options);
    await store.markXapiRetry(outcome.pending, outcome.message, delay);
    if (failures === 1 || failures % 10 === 0) options.log.warn(`xAPI: could not send to the LRS (${outcome.message}); trying again in ${Math.round(delay / 1000)} s`);
    return { next: delay, fingerprint };
  }

  const loop = (async () => {
    while (!stopped) {
      let next: number;
      let fingerprint = '';
      try {
        ({ next, fingerprint } = await round());
      } catch (error) {
        if (stopped) break;
        failures++;
        next = backoffMs(failures, options);
        options.log.warn(`xAPI: the outbox could not be read or updated (${error instanceof Error ? error.message : String(error)}); trying again in ${Math.round(next / 1000)} s`);
      }
      if (next > 0) await wait(next, fingerprint);
    }
  })();

  return {
    async stop() {
      stopped = true;
      abort.abort();
      wakeUp?.();
      await loop;
    },
  };
}
