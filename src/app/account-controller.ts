import { addNotice } from './notices.ts';
import type { AttemptRecord } from '../core/attempt.ts';
import type { Cohort, Me, User } from './account-types.ts';
import type { AccountIntents } from './account-intents.ts';
import type { ApiClient } from './api-client.ts';
import type { ApiFailure, ApiResult } from './api-result.ts';
import { backoff } from './backoff.ts';
import type { Catalog, CatalogScenario } from './catalog.ts';
import { createDraftSync } from './draft-sync.ts';
import { Outbox } from './outbox.ts';
import { createOutboxSender } from './outbox-sender.ts';
import type { IdSource, Scheduler, StoragePort, WallClock } from './ports.ts';
import { RememberedAccount } from './remembered-account.ts';
import { SavedSessions } from './saved-sessions.ts';
import { loadServerVersion, publishedEntries } from './server-scenarios.ts';
import type { SessionSync } from './session-sync.ts';
import type { AccountAttempts, AppState, AppStore, SyncStatus, WelcomeState } from './store.ts';

export interface AccountDeps {
  readonly store: AppStore;
  readonly api: ApiClient;
  readonly storage: StoragePort;
  readonly catalog: Catalog;
  readonly schedule: Scheduler;
  readonly wallClock: WallClock;
  readonly newId: IdSource;
  /** Attempts per page of "My attempts". */
  readonly pageSize?: number;
  /** How long a change to the session in progress waits before it goes to the account. */
  readonly draftIntervalMs?: number;
}

export interface RunningAccount extends AccountIntents {
  /** What the session controller tells the account, and asks of it. */
  readonly sessionSync: SessionSync;
  /** Asks the server who is signed in, and sends what waits in the outbox. Never rejects. */
  start(): Promise<void>;
  /** The browser is online again. */
  online(): void;
  /** The page is being hidden or closed: a draft change still waiting goes now. */
  pageHidden(): void;
  /** Another tab changed a stored value (`null`: all of them were cleared). */
  storageChanged(key: string | null): void;
  /** Settles once every request started so far has had its answer (for tests). */
  idle(): Promise<void>;
  dispose(): void;
}

/** What GET /api/session's `{ user: null }` means: the same as a 401 from /api/me. */
const signedOutAnswer: ApiFailure = { ok: false, kind: 'signed-out', status: 401, message: 'You are not signed in.' };
const LOST_SESSION = 'You have been signed out. Sign in again to keep your attempts in your account; until then they stay on this device.';
const NEWER_ELSEWHERE = 'This exercise has been carried on from another device, so this device no longer updates the copy in your account. What you do here is still kept on this device.';

/**
 * The account side of the page: who is signed in, the first-visit pages, the outbox of finished attempts, the
 * session in progress kept in the account, and the lists the picker shows. It never blocks play: a server that
 * is down or absent leaves everything working on this device.
 */
export function createAccountController({ store, api, storage, catalog, schedule, wallClock, newId, pageSize = 20, draftIntervalMs }: AccountDeps): RunningAccount {
  const remembered = new RememberedAccount(storage);
  const outbox = new Outbox(storage, newId);
  const sessions = new SavedSessions(storage);
  const pending = new Set<Promise<unknown>>();
  const track = <T>(work: Promise<T>): Promise<T> => {
    pending.add(work);
    void work.finally(() => pending.delete(work)).catch(() => undefined);
    return work;
  };
  const meDelays = backoff({ firstMs: 5000, maxMs: 120_000 });
  let cancelMeCheck: (() => void) | null = null;
  let disposed = false;
  /** Versions fetched for debriefs, by scenario and playbook hash. */
  const versions = new Map<string, Promise<CatalogScenario | undefined>>();
  let lastRefresh = -Infinity;
  /** Bumped on every sign-in and sign-out, so a list that arrives late never shows under another account. */
  let generation = 0;

  const signedInUser = (): User | null => {
    const account = store.getState().account;
    return account.status === 'signed-in' ? account.user : null;
  };
  /** Who a finished attempt is queued for: the user signed in, or, while the server is unreachable, the one signed in last. */
  const queueOwner = (): User | null => {
    const account = store.getState().account;
    return account.status === 'signed-in' || account.status === 'unreachable' ? account.user : null;
  };
  const notify = (notice: string) => store.setState({ notice: addNotice(store.getState().notice, notice) });
  const setSync = (attemptId: string, status: SyncStatus) => {
    const current = store.getState().sync[attemptId];
    if (current && sameStatus(current, status)) return;
    store.setState({ sync: { ...store.getState().sync, [attemptId]: status } });
  };

  const sender = createOutboxSender({
    outbox,
    results: api,
    schedule,
    owner: () => signedInUser()?.id ?? null,
    onStatus: (attemptId, status, stored) => {
      setSync(attemptId, status);
      if (!stored) return;
      addAccountAttempt(stored);
      // An assignment may be done now.
      void track(loadAssignments(generation));
    },
    onSignedOut: () => lostSession(),
  });
  const drafts = createDraftSync({
    results: api,
    schedule,
    enabled: () => signedInUser() !== null,
    ...(draftIntervalMs === undefined ? {} : { intervalMs: draftIntervalMs }),
    onNewerElsewhere: () => notify(NEWER_ELSEWHERE),
    onSignedOut: () => lostSession(),
  });

  /** A confirmed attempt joins "My attempts" at once, without loading the list again. */
  function addAccountAttempt(record: AttemptRecord): void {
    const list = store.getState().accountAttempts;
    if (!list || list.items.some((item) => item.attemptId === record.attemptId)) return;
    store.setState({ accountAttempts: { ...list, items: [record, ...list.items] } });
  }

  function signedOutState(): Partial<AppState> {
    return { account: { status: 'signed-out' }, accountAttempts: null, drafts: [], assignments: null, published: [] };
  }

  function lostSession(): void {
    if (store.getState().account.status !== 'signed-in') return;
    generation++;
    store.setState({ ...signedOutState(), notice: LOST_SESSION });
    void remembered.forget();
  }

  async function signedIn(user: User, cohorts: readonly Cohort[]): Promise<void> {
    generation++;
    meDelays.reset();
    store.setState({ account: { status: 'signed-in', user, cohorts }, signIn: { busy: false, error: null } });
    await remembered.remember(user);
    sender.kick();
    await loadLists(true);
  }

  async function checkMe(): Promise<void> {
    cancelMeCheck?.();
    cancelMeCheck = null;
    // GET /api/session answers 200 whoever asks, so a signed-out page load costs no 401 (which browsers log as an
    // error); /api/me, for the cohorts, is asked only when someone is signed in.
    const session = await api.session();
    if (disposed) return;
    const result: ApiResult<Me> = !session.ok ? session : session.value === null ? signedOutAnswer : await api.me();
    if (disposed) return;
    if (result.ok) {
      await signedIn(result.value.user, result.value.cohorts);
      return;
    }
    if (result.kind === 'signed-out') {
      generation++;
      store.setState(signedOutState());
      await remembered.forget();
      // Their own entries wait for them; the statuses of all of them show.
      sender.kick();
      return;
    }
    if (result.kind === 'offline' && result.notApi) {
      store.setState({ account: { status: 'no-server' } });
      return;
    }
    const user = signedInUser() ?? (await remembered.load());
    store.setState({ account: { status: 'unreachable', user } });
    sender.kick();
    cancelMeCheck = schedule(meDelays.next(), () => {
      cancelMeCheck = null;
      void track(checkMe());
    });
  }

  // The scenarios published to the account, in the store before a deep link to one of them is followed.
  let settleCatalog: () => void = () => {};
  const catalogReady = new Promise<void>((resolve) => (settleCatalog = resolve));

  async function loadLists(first: boolean): Promise<void> {
    const visit = generation;
    lastRefresh = wallClock();
    const current = (): boolean => visit === generation && signedInUser() !== null;
    const attempts = loadAttempts(first, current);
    if (first || !store.getState().assignments) store.setState({ assignments: { status: 'loading', items: [], error: null } });
    const assignments = loadAssignments(visit);
    const published = (async () => {
      const result = await api.scenarios();
      if (result.ok && current()) {
        const published = publishedEntries(catalog, result.value);
        // The same versions as before keep the same list, so the picker is not drawn again for nothing.
        const shas = (entries: readonly CatalogScenario[]) => entries.map((entry) => `${entry.sha256.scenario}:${entry.sha256.playbook}`).join(',');
        if (shas(published) !== shas(store.getState().published)) store.setState({ published });
      }
      settleCatalog();
    })();
    const draftList = (async () => {
      const result = await api.drafts();
      if (!result.ok || !current()) return;
      const local = await sessions.attemptIds();
      const finished = new Set(store.getState().history.map((entry) => entry.id));
      store.setState({ drafts: result.value.filter((draft) => draft.finishedAt === null && !local.has(draft.attemptId) && !finished.has(draft.attemptId)) });
    })();
    await Promise.all([attempts, assignments, published, draftList]);
  }

  async function loadAssignments(visit: number): Promise<void> {
    const result = await api.assignments();
    if (visit !== generation || signedInUser() === null) return;
    const before = store.getState().assignments;
    store.setState({ assignments: result.ok ? { status: 'ready', items: result.value, error: null } : { status: 'failed', items: before?.items ?? [], error: listProblem(result, 'your assignments') } });
  }

  /** The first page of "My attempts"; on a refresh it is merged with the pages already loaded. */
  async function loadAttempts(first: boolean, current: () => boolean): Promise<void> {
    const before = store.getState().accountAttempts;
    if (first || !before) store.setState({ accountAttempts: { status: 'loading', items: [], next: null, error: null } });
    const result = await api.attempts({ limit: pageSize });
    if (!current()) return;
    const now = store.getState().accountAttempts;
    if (!result.ok) {
      store.setState({ accountAttempts: { status: 'failed', items: now?.items ?? [], next: now?.next ?? null, error: listProblem(result, 'the attempts in your account') } });
      return;
    }
    const kept = first || !now ? [] : now.items;
    const ids = new Set(result.value.attempts.map((record) => record.attemptId));
    const items = [...result.value.attempts, ...kept.filter((record) => !ids.has(record.attemptId))];
    const next = kept.length > result.value.attempts.length ? (now?.next ?? null) : result.value.next;
    store.setState({ accountAttempts: { status: 'ready', items, next, error: null } });
  }

  async function openWelcomePage(kind: 'setup' | 'invite', token: string): Promise<void> {
    const base: WelcomeState = { kind, token, phase: 'checking', email: null, name: null, cohort: null, error: null, fieldErrors: {} };
    store.setState({ screen: 'welcome', scenarioId: null, play: null, debrief: null, welcome: base });
    const still = () => store.getState().welcome?.token === token;
    if (kind === 'setup') {
      const result = await api.setup(token);
      if (!still()) return;
      store.setState({ welcome: result.ok ? { ...base, phase: 'ready' } : linkFailure(base, result) });
      return;
    }
    const result = await api.invite(token);
    if (!still()) return;
    store.setState({ welcome: result.ok ? { ...base, kind: result.value.kind, phase: 'ready', email: result.value.email, name: result.value.name, cohort: result.value.cohort } : linkFailure(base, result) });
  }

  const account: RunningAccount = {
    sessionSync: {
      catalogReady,
      async finished(attempt, draftId) {
        drafts.ended(draftId);
        const owner = queueOwner();
        if (!owner) return attempt;
        const { entry, problem } = await outbox.add(attempt, owner.id, wallClock());
        if (problem !== null) {
          notify(`This attempt could not be kept for your account: ${problem} It is in your history on this device; download the attempt record from the debrief to keep a copy.`);
          return attempt;
        }
        setSync(entry.attempt.attemptId, entry.refused ? { state: 'refused', detail: entry.refused.detail } : { state: 'waiting' });
        sender.kick();
        return entry.attempt;
      },
      progress(draft) {
        if (signedInUser()) drafts.changed(draft);
      },
      abandoned(attemptId) {
        drafts.ended(attemptId);
      },
      keepDraft(draft) {
        return signedInUser() ? drafts.keep(draft) : Promise.resolve(false);
      },
      versionOf(attempt) {
        if (!signedInUser()) return undefined;
        const key = `${attempt.scenario.sha256}:${attempt.playbook.sha256}`;
        let found = versions.get(key);
        if (!found) {
          found = (async () => {
            const [scenario, playbook] = await Promise.all([api.version('scenario', attempt.scenario.sha256), api.version('playbook', attempt.playbook.sha256)]);
            return scenario.ok && playbook.ok ? loadServerVersion(scenario.value, playbook.value) : undefined;
          })();
          versions.set(key, found);
          // A failure is not kept, so opening the debrief again tries again.
          void found.then((entry) => entry ?? versions.delete(key));
        }
        return found;
      },
    },

    start() {
      return track(
        (async () => {
          try {
            await checkMe();
          } catch {
            store.setState({ account: { status: 'unreachable', user: null } });
          } finally {
            if (!signedInUser()) settleCatalog();
          }
        })(),
      );
    },

    async signIn(email, password) {
      if (store.getState().signIn.busy) return;
      store.setState({ signIn: { busy: true, error: null } });
      const result = await track(api.signIn(email.trim(), password));
      if (result.ok) {
        const me = await track(api.me());
        await track(signedIn(result.value, me.ok ? me.value.cohorts : []));
        return;
      }
      store.setState({ signIn: { busy: false, error: signInProblem(result) } });
      if (result.kind === 'offline' && result.notApi) store.setState({ account: { status: 'no-server' } });
    },

    async signOut() {
      const result = await track(api.signOut());
      if (!result.ok && result.kind !== 'signed-out') {
        notify(`You could not be signed out: ${result.message} Try again when the server can be reached.`);
        return;
      }
      generation++;
      store.setState(signedOutState());
      await remembered.forget();
    },

    dismissSignInError() {
      if (store.getState().signIn.error !== null) store.setState({ signIn: { ...store.getState().signIn, error: null } });
    },

    openWelcome: (kind, token) => track(openWelcomePage(kind, token)),

    async completeWelcome(fields) {
      const welcome = store.getState().welcome;
      if (!welcome || welcome.phase !== 'ready') return;
      store.setState({ welcome: { ...welcome, phase: 'saving', error: null, fieldErrors: {} } });
      const result = await track(
        welcome.kind === 'setup'
          ? api.completeSetup(welcome.token, { email: (fields.email ?? '').trim(), name: (fields.name ?? '').trim(), password: fields.password })
          : api.acceptInvite(welcome.token, welcome.kind === 'invite' ? { name: (fields.name ?? '').trim(), password: fields.password } : { password: fields.password }),
      );
      if (store.getState().welcome?.token !== welcome.token) return;
      if (result.ok) {
        store.setState({ welcome: { ...welcome, phase: 'done', error: null, fieldErrors: {}, email: result.value.email } });
        const me = await track(api.me());
        await track(signedIn(result.value, me.ok ? me.value.cohorts : []));
        return;
      }
      if (result.kind === 'refused' && result.status === 404) {
        store.setState({ welcome: { ...welcome, phase: 'invalid', error: invalidLink(welcome.kind) } });
        return;
      }
      const fieldErrors = result.kind === 'refused' ? Object.fromEntries(result.errors.filter((error) => error.field !== '').map((error) => [error.field, error.message])) : {};
      store.setState({ welcome: { ...welcome, phase: 'ready', error: result.kind === 'offline' ? `${result.message} Try again in a moment.` : result.message, fieldErrors } });
    },

    async showOlderAttempts() {
      const list = store.getState().accountAttempts;
      if (!list || list.next === null || list.status === 'loading') return;
      const visit = generation;
      store.setState({ accountAttempts: { ...list, status: 'loading', error: null } });
      const result = await track(api.attempts({ limit: pageSize, after: list.next }));
      const now = store.getState().accountAttempts;
      if (visit !== generation || !now) return;
      if (!result.ok) {
        store.setState({ accountAttempts: { ...now, status: 'failed', error: listProblem(result, 'older attempts') } });
        return;
      }
      const ids = new Set(now.items.map((record) => record.attemptId));
      const next: AccountAttempts = { status: 'ready', items: [...now.items, ...result.value.attempts.filter((record) => !ids.has(record.attemptId))], next: result.value.next, error: null };
      store.setState({ accountAttempts: next });
    },

    refresh() {
      if (!signedInUser() || wallClock() - lastRefresh < 15_000) return;
      void track(loadLists(false));
    },

    retry() {
      const status = store.getState().account.status;
      if (status === 'unreachable' || status === 'unknown') void track(checkMe());
      sender.kick();
    },

    online() {
      account.retry();
    },

    pageHidden() {
      drafts.flush();
    },

    storageChanged(key) {
      if (!Outbox.owns(key)) return;
      void track(
        (async () => {
          const entries = new Map((await outbox.list()).map((entry) => [entry.attempt.attemptId, entry]));
          const sync = store.getState().sync;
          for (const [id, status] of Object.entries(sync)) {
            const entry = entries.get(id);
            // Gone from the outbox while it waited here: another tab has had it confirmed.
            if (!entry && status.state === 'waiting') setSync(id, { state: 'saved' });
            if (entry?.refused && status.state !== 'refused') setSync(id, { state: 'refused', detail: entry.refused.detail });
          }
          for (const [id, entry] of entries) if (!sync[id]) setSync(id, entry.refused ? { state: 'refused', detail: entry.refused.detail } : { state: 'waiting' });
        })(),
      );
    },

    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
      await sender.idle();
      await drafts.idle();
    },

    dispose() {
      disposed = true;
      cancelMeCheck?.();
      sender.stop();
      drafts.stop();
    },
  };
  return account;
}

function sameStatus(a: SyncStatus, b: SyncStatus): boolean {
  return a.state === b.state && (a.state !== 'refused' || (b.state === 'refused' && a.detail === b.detail));
}

function invalidLink(kind: WelcomeState['kind']): string {
  return kind === 'setup'
    ? 'This setup link is not valid. It may have been used already: the first administrator can be set up only once.'
    : 'This link is not valid any more. It may have been used already, or it has expired. Ask your instructor or administrator for a new one.';
}

function linkFailure(base: WelcomeState, failure: ApiFailure): WelcomeState {
  if (failure.kind === 'refused' && (failure.status === 404 || failure.status === 410)) return { ...base, phase: 'invalid', error: invalidLink(base.kind) };
  if (failure.kind === 'offline' && failure.notApi) return { ...base, phase: 'invalid', error: 'There is no results server at this address, so this link cannot be used here.' };
  return { ...base, phase: 'unreachable', error: `${failure.message} The link could not be checked; try again in a moment.` };
}

function signInProblem(failure: ApiFailure): string {
  if (failure.kind === 'offline') return failure.notApi ? 'There is no results server at this address. You can still play; your attempts stay on this device.' : `${failure.message} You can keep playing; your attempts stay on this device.`;
  if (failure.kind === 'refused' && failure.status === 429 && failure.retryAfterSeconds !== null && !/try again/i.test(failure.message)) return `${failure.message} Try again in ${waitText(failure.retryAfterSeconds)}.`;
  return failure.message;
}

function waitText(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

function listProblem(failure: ApiFailure, what: string): string {
  return `${capitalised(what)} could not be loaded: ${failure.message}`;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
