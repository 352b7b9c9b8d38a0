import { pendingWork } from './pending-work.ts';
import type { ApiClient } from './api-client.ts';
import type { ApiFailure } from './api-result.ts';
import type { AccountState, AppStore, InstructorState, OpenCohort, PublishState, ServerList } from './store.ts';

/** Everything the instructor's screen may ask. Like the other intents, the view never changes the store itself. */
export interface InstructorIntents {
  /** Shows the instructor's screen, and loads its lists when an instructor or admin is signed in. */
  open(): void;
  /** Creates a cohort and opens it; resolves true once the server has it. */
  createCohort(name: string): Promise<boolean>;
  /** Opens a cohort: its members, assignments and class results. */
  openCohort(id: string): Promise<void>;
  /** Invites the addresses in `emails` (one per line, or separated by commas) to the open cohort; resolves true when sent. */
  invite(emails: string): Promise<boolean>;
  /** Sends a scenario file to be checked, stored and published to `cohorts`. */
  publish(file: string, text: string, cohorts: readonly string[]): Promise<void>;
  /** Assigns a stored scenario version to the open cohort, due at `due` (a local date-time, or '' for none); resolves true once assigned. */
  assign(scenarioSha256: string, due: string): Promise<boolean>;
}

export interface RunningInstructor extends InstructorIntents {
  /** Settles once every request started so far has had its answer (for tests). */
  idle(): Promise<void>;
  dispose(): void;
}

export interface InstructorDeps {
  readonly store: AppStore;
  readonly api: ApiClient;
  /** Called before the screen opens, so a session in progress is kept and stopped (the session controller's closeScenario). */
  readonly leaveScenario?: () => void;
}

/** Class results at a glance: the newest this many attempts of the open cohort. */
export const RESULTS_LIMIT = 200;

/** Whether the account may use the instructor's screen: an instructor or an admin, signed in. */
export function canTeach(account: AccountState): boolean {
  return account.status === 'signed-in' && (account.user.role === 'instructor' || account.user.role === 'admin');
}

/** The addresses typed into the invitation box: one per line or separated by commas (or semicolons), each once. */
export function emailsOf(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((email) => email.trim()).filter((email) => email !== ''))];
}

/** A `datetime-local` value (the browser's local time) as ISO 8601 UTC; null for none, undefined when it is not a date. */
export function dueAtIso(local: string): string | null | undefined {
  if (local.trim() === '') return null;
  const ms = Date.parse(local);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

const idleForm = { busy: false, error: null } as const;
const loadingList = <T>(): ServerList<T> => ({ status: 'loading', items: [], error: null });

function initialInstructor(): InstructorState {
  return { cohorts: loadingList(), versions: loadingList(), create: idleForm, open: null, publish: { ...idleForm, file: null, text: '', diagnostics: [], published: null } };
}

function openCohortState(id: string): OpenCohort {
  return { id, status: 'loading', cohort: null, members: [], assignments: [], error: null, results: loadingList(), invites: { ...idleForm, sent: [] }, assign: idleForm };
}

/**
 * The instructor's screen over the results API: cohorts, invitations with their one-time links, publishing a
 * scenario file (its diagnostics on 422), assignments with due dates, and the open cohort's results. Every answer
 * lands in the store; a list that arrives after the account or the open cohort changed is dropped.
 */
export function createInstructorController({ store, api, leaveScenario }: InstructorDeps): RunningInstructor {
  const work = pendingWork();
  const track = work.track;
  /** Who the lists are for: they are loaded again for another account, and dropped when nobody may see them. */
  let loadedFor: string | null = null;

  const userId = (): string | null => {
    const account = store.getState().account;
    return canTeach(account) && account.status === 'signed-in' ? account.user.id : null;
  };
  const current = (): InstructorState | null => store.getState().instructor;
  const patch = (change: (state: InstructorState) => InstructorState | Partial<InstructorState>) => {
    const state = current();
    if (state) store.setState({ instructor: { ...state, ...change(state) } });
  };
  /** Changes the open cohort, if it is still `id`. */
  const patchOpen = (id: string, change: (open: OpenCohort) => Partial<OpenCohort>) =>
    patch((state) => (state.open?.id === id ? { open: { ...state.open, ...change(state.open) } } : {}));
  const patchPublish = (change: Partial<PublishState>) => patch((state) => ({ publish: { ...state.publish, ...change } }));

  function loadFor(user: string): void {
    loadedFor = user;
    store.setState({ instructor: initialInstructor() });
    void track(loadCohorts(user));
    void track(loadVersions(user));
  }

  async function loadCohorts(user: string): Promise<void> {
    const result = await api.cohorts();
    if (loadedFor !== user) return;
    patch((state) => ({ cohorts: result.ok ? { status: 'ready', items: result.value, error: null } : { status: 'failed', items: state.cohorts.items, error: problem(result, 'Your cohorts could not be loaded') } }));
    // One cohort only: it is opened at once, since there is nothing to choose.
    const state = current();
    if (result.ok && result.value.length === 1 && state && state.open === null) await loadCohort(result.value[0]!.id, user);
  }

  async function loadVersions(user: string): Promise<void> {
    const result = await api.scenarioVersions();
    if (loadedFor !== user) return;
    const sorted = result.ok ? [...result.value].sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id) || b.version.localeCompare(a.version, undefined, { numeric: true })) : [];
    patch((state) => ({ versions: result.ok ? { status: 'ready', items: sorted, error: null } : { status: 'failed', items: state.versions.items, error: problem(result, 'The scenario versions could not be loaded') } }));
  }

  async function loadCohort(id: string, user: string): Promise<void> {
    patch((state) => ({ open: state.open?.id === id ? { ...state.open, status: 'loading', error: null } : openCohortState(id) }));
    const [detail] = await Promise.all([api.cohort(id), loadResults(id, user)]);
    if (loadedFor !== user) return;
    patchOpen(id, () =>
      detail.ok
        ? { status: 'ready', cohort: detail.value.cohort, members: detail.value.members, assignments: detail.value.assignments, error: null }
        : { status: 'failed', error: problem(detail, 'This cohort could not be opened') },
    );
    // The member count on the list follows what was just read.
    if (detail.ok) {
      const fresh = detail.value.cohort;
      patch((state) => ({ cohorts: { ...state.cohorts, items: state.cohorts.items.map((item) => (item.id === id ? { ...item, ...fresh } : item)) } }));
    }
  }

  async function loadResults(id: string, user: string): Promise<void> {
    const result = await api.attempts({ cohort: id, limit: RESULTS_LIMIT });
    if (loadedFor !== user) return;
    patchOpen(id, (open) => ({
      results: result.ok ? { status: 'ready', items: result.value.attempts, error: null } : { status: 'failed', items: open.results.items, error: problem(result, 'The class results could not be loaded') },
    }));
  }

  // Signing in, out or as someone else: the lists are loaded again for whoever may see them, or forgotten.
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.account === previous.account) return;
    const user = userId();
    if (user === loadedFor) return;
    if (user === null) {
      loadedFor = null;
      if (state.instructor !== null) store.setState({ instructor: null });
      return;
    }
    if (state.screen === 'instructor') loadFor(user);
    else {
      loadedFor = null;
      if (state.instructor !== null) store.setState({ instructor: null });
    }
  });

  const instructor: RunningInstructor = {
    open() {
      leaveScenario?.();
      store.setState({ screen: 'instructor', scenarioId: null, play: null, debrief: null });
      const user = userId();
      if (user === null) return;
      if (user !== loadedFor || !current()) {
        loadFor(user);
        return;
      }
      // Back on the screen: the lists are read again, keeping what is shown until the answers arrive.
      void track(loadCohorts(user));
      void track(loadVersions(user));
      const open = current()?.open;
      if (open) void track(loadCohort(open.id, user));
    },

    async createCohort(name) {
      const user = userId();
      const state = current();
      if (user === null || !state || state.create.busy) return false;
      if (name.trim() === '') {
        patch(() => ({ create: { busy: false, error: 'Enter a name for the cohort.' } }));
        return false;
      }
      patch(() => ({ create: { busy: true, error: null } }));
      const result = await track(api.createCohort(name.trim()));
      if (loadedFor !== user) return false;
      if (!result.ok) {
        patch(() => ({ create: { busy: false, error: problem(result, 'The cohort could not be created') } }));
        return false;
      }
      const cohort = result.value;
      patch((now) => ({ create: idleForm, cohorts: { ...now.cohorts, items: [...now.cohorts.items.filter((item) => item.id !== cohort.id), cohort].sort((a, b) => a.name.localeCompare(b.name)) } }));
      await track(loadCohort(cohort.id, user));
      return true;
    },

    async openCohort(id) {
      const user = userId();
      if (user === null || !current()) return;
      await track(loadCohort(id, user));
    },

    async invite(text) {
      const user = userId();
      const open = current()?.open;
      if (user === null || !open || open.invites.busy) return false;
      const emails = emailsOf(text);
      if (emails.length === 0) {
        patchOpen(open.id, (now) => ({ invites: { ...now.invites, error: 'Enter at least one email address.' } }));
        return false;
      }
      patchOpen(open.id, (now) => ({ invites: { ...now.invites, busy: true, error: null } }));
      const result = await track(api.inviteToCohort(open.id, emails));
      if (loadedFor !== user) return false;
      if (!result.ok) {
        patchOpen(open.id, (now) => ({ invites: { ...now.invites, busy: false, error: problem(result, 'The invitations could not be sent') } }));
        return false;
      }
      patchOpen(open.id, () => ({ invites: { busy: false, error: null, sent: result.value } }));
      // Those who had an account are members now.
      if (result.value.some((outcome) => outcome.added)) await track(loadCohort(open.id, user));
      return true;
    },

    async publish(file, text, cohorts) {
      const user = userId();
      const state = current();
      if (user === null || !state || state.publish.busy) return;
      patchPublish({ busy: true, error: null, file, text, diagnostics: [], published: null });
      const result = await track(api.publishScenario(text, cohorts));
      if (loadedFor !== user) return;
      if (result.ok) {
        patchPublish({ busy: false, published: result.value });
        await track(loadVersions(user));
        return;
      }
      const diagnostics = result.kind === 'refused' && result.status === 422 ? diagnosticsOf(result.diagnostics) : [];
      patchPublish({ busy: false, error: problem(result, 'The file could not be published'), diagnostics });
    },

    async assign(scenarioSha256, due) {
      const user = userId();
      const open = current()?.open;
      if (user === null || !open || open.assign.busy) return false;
      const dueAt = dueAtIso(due);
      const refuse = (error: string) => {
        patchOpen(open.id, () => ({ assign: { busy: false, error } }));
        return false;
      };
      if (scenarioSha256 === '') return refuse('Choose a scenario version to assign.');
      if (dueAt === undefined) return refuse('The due date is not a date and time.');
      patchOpen(open.id, () => ({ assign: { busy: true, error: null } }));
      const result = await track(api.assign(open.id, scenarioSha256, dueAt));
      if (loadedFor !== user) return false;
      if (!result.ok) return refuse(problem(result, 'The scenario could not be assigned'));
      patchOpen(open.id, (now) => ({ assign: idleForm, assignments: [...now.assignments.filter((item) => item.id !== result.value.id), result.value] }));
      // The server's own list, in its order.
      await track(loadCohort(open.id, user));
      return true;
    },

    idle: work.idle,

    dispose() {
      unsubscribe();
    },
  };
  return instructor;
}

/** The server's words for a failure, after what could not be done. */
function problem(failure: ApiFailure, what: string): string {
  if (failure.kind === 'signed-out') return `${what}: you are not signed in any more. Sign in again.`;
  if (failure.kind === 'offline') return `${what}: ${failure.message} Try again in a moment.`;
  return `${what}: ${failure.message}`;
}

/** The diagnostics of a 422, as far as they can be read: each needs a code and a message. */
function diagnosticsOf(items: readonly unknown[]): PublishState['diagnostics'] {
  return items.flatMap((item) => {
    const record = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
    if (typeof record.code !== 'string' || typeof record.message !== 'string') return [];
    const whole = (value: unknown) => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 1);
    return [{ severity: record.severity === 'warning' ? ('warning' as const) : ('error' as const), code: record.code, message: record.message, line: whole(record.line), column: whole(record.column) }];
  });
}
