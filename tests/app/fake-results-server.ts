import type { FetchPort } from '../../src/app/ports.ts';
import type { AttemptRecord } from '../../src/core/attempt.ts';

/**
 * A test double for the network only: a `fetch` that answers the results API from memory, the way the spec says
 * the server does (problem+json errors, idempotent attempts, drafts, paged lists). It decides nothing the app
 * under test should decide; tests set what it answers.
 */

export interface FakeUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: 'admin' | 'hr' | 'instructor' | 'trainee';
  readonly createdAt: string;
}

export interface FakeRequest {
  readonly method: string;
  readonly url: string;
  readonly body: unknown;
  readonly keepalive: boolean;
}

export type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

export class FakeResultsServer {
  readonly users = new Map<string, { user: FakeUser; password: string }>();
  /** The signed-in user, as the session cookie would say. */
  session: FakeUser | null = null;
  readonly attempts = new Map<string, AttemptRecord>();
  readonly drafts = new Map<string, AttemptRecord>();
  assignments: unknown[] = [];
  scenarios: unknown[] = [];
  readonly versions = new Map<string, { kind: string; id: string; version: string; sha256: string; text: string }>();
  readonly setupTokens = new Set<string>();
  readonly invites = new Map<string, { kind: 'invite' | 'reset'; email: string; cohort: { id: string; name: string } | null }>();
  readonly requests: FakeRequest[] = [];
  /** Cohorts, with their members' emails and their assignments, as the instructor's screen reads them. */
  readonly cohorts = new Map<string, { id: string; name: string; instructorId: string; members: string[]; assignments: unknown[] }>();
  /** Every stored scenario version (GET /api/scenario-versions). */
  scenarioVersions: { id: string; version: string; sha256: string; title: string }[] = [];
  /** What POST /api/scenarios answers, given the file's text: the test decides whether it loads. */
  publish: (text: string, cohorts: readonly string[]) => Answer = (text) => {
    const parsed = JSON.parse(text) as { id: string; version: string; title: string };
    const scenario = { id: parsed.id, version: String(parsed.version), sha256: `${this.scenarioVersions.length + 1}`.padStart(64, 'a'), title: parsed.title };
    this.scenarioVersions.push(scenario);
    return { status: 201, body: { scenario, playbook: { id: 'itil-major-incident', version: '1', sha256: 'b'.repeat(64), title: 'ITIL' }, warnings: [] } };
  };
  /** Every request fails as a network error. */
  down = false;
  /** Answers every request with this status and a problem body, when set. */
  failWith: { status: number; detail: string; headers?: Record<string, string> } | null = null;
  /** What POST /api/attempts answers for an attempt, when it should not be stored. */
  refuse: ((attempt: AttemptRecord) => { status: number; detail: string } | null) | null = null;
  /** Hands the page a static host's answer instead: the app's HTML with 200. */
  staticHost = false;
  /** Answers wait for this, when set, so a test can hold requests in flight. */
  gate: Promise<void> | null = null;

  addUser(email: string, password: string, patch: Partial<FakeUser> = {}): FakeUser {
    const user: FakeUser = { id: `u-${this.users.size + 1}`, email, name: email.split('@')[0] ?? email, role: 'trainee', createdAt: '2026-01-01T00:00:00Z', ...patch };
    this.users.set(email, { user, password });
    return user;
  }

  signIn(email: string): void {
    this.session = this.users.get(email)?.user ?? null;
  }

  /** How many requests of a method went to paths starting with `path`. */
  count(method: string, path: string): number {
    return this.requests.filter((request) => request.method === method && request.url.startsWith(path)).length;
  }

  readonly fetch: FetchPort = async (url, init) => {
    const method = init.method ?? 'GET';
    const body: unknown = typeof init.body === 'string' ? JSON.parse(init.body) : null;
    this.requests.push({ method, url, body, keepalive: init.keepalive === true });
    if (this.gate) await this.gate;
    if (this.down) throw new TypeError('Failed to fetch');
    if (this.staticHost) return new Response('<!doctype html><title>Bridge Drill</title>', { status: 200, headers: { 'content-type': 'text/html' } });
    if (this.failWith) return problem(this.failWith.status, this.failWith.detail, this.failWith.headers);
    const answer = this.route(method, new URL(url, 'http://bridge.test'), body);
    if (answer.status === 204) return new Response(null, { status: 204 });
    const isProblem = answer.status >= 400;
    return new Response(JSON.stringify(answer.body ?? {}), { status: answer.status, headers: { 'content-type': isProblem ? 'application/problem+json' : 'application/json', ...answer.headers } });
  };

  private cohortOf(cohort: { id: string; name: string; instructorId: string; members: string[] }) {
    return { id: cohort.id, name: cohort.name, instructorId: cohort.instructorId, createdAt: '2026-01-01T00:00:00.000Z', memberCount: cohort.members.length };
  }

  /** 401 for nobody, 403 for a trainee or HR, as the server answers what only instructors and admins may do. */
  private instructor(work: (user: FakeUser) => Answer): Answer {
    if (!this.session) return { status: 401, body: problemBody(401, 'Sign in first.') };
    if (this.session.role !== 'instructor' && this.session.role !== 'admin') return { status: 403, body: problemBody(403, 'Only instructors and admins can do this.') };
    return work(this.session);
  }

  private route(method: string, url: URL, body: unknown): Answer {
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== 'api') return { status: 404, body: problemBody(404, 'Not found') };
    const [, resource, id, extra] = parts;
    const me = this.session;
    const signedIn = (work: (user: FakeUser) => Answer): Answer => (me ? work(me) : { status: 401, body: problemBody(401, 'Sign in first.') });
    const fields = (body ?? {}) as Record<string, string>;
    switch (`${method} ${resource}${id === undefined ? '' : '/:id'}${extra === undefined ? '' : `/${extra}`}`) {
      case 'GET session':
        return { status: 200, body: { user: me } };
      case 'GET me':
        return signedIn((user) => ({ status: 200, body: { user, cohorts: [{ id: 'c-1', name: 'Spring cohort' }] } }));
      case 'POST session': {
        const found = this.users.get(fields.email ?? '');
        if (!found || found.password !== fields.password) return { status: 401, body: problemBody(401, 'The email or password is not right.') };
        this.session = found.user;
        return { status: 200, body: { user: found.user } };
      }
      case 'DELETE session':
        this.session = null;
        return { status: 204 };
      case 'GET setup/:id':
        return this.setupTokens.has(id!) ? { status: 200, body: { kind: 'setup' } } : { status: 404, body: problemBody(404, 'No such setup link.') };
      case 'POST setup/:id': {
        if (!this.setupTokens.has(id!)) return { status: 404, body: problemBody(404, 'No such setup link.') };
        if ((fields.password ?? '').length < 12) return { status: 400, body: { ...problemBody(400, 'The password is too short.'), errors: [{ field: 'password', message: 'Use at least 12 characters.' }] } };
        this.setupTokens.delete(id!);
        const user = this.addUser(fields.email!, fields.password!, { name: fields.name!, role: 'admin' });
        this.session = user;
        return { status: 201, body: { user } };
      }
      case 'GET invites/:id': {
        const invite = this.invites.get(id!);
        return invite ? { status: 200, body: invite } : { status: 404, body: problemBody(404, 'This link is unknown, used or expired.') };
      }
      case 'POST invites/:id': {
        const invite = this.invites.get(id!);
        if (!invite) return { status: 404, body: problemBody(404, 'This link is unknown, used or expired.') };
        this.invites.delete(id!);
        const existing = this.users.get(invite.email);
        const user = existing ? existing.user : this.addUser(invite.email, fields.password!, { name: fields.name! });
        this.users.set(invite.email, { user, password: fields.password! });
        this.session = user;
        return { status: 201, body: { user } };
      }
      case 'POST attempts':
        return signedIn((user) => {
          const attempt = body as AttemptRecord;
          const refused = this.refuse?.(attempt);
          if (refused) return { status: refused.status, body: { ...problemBody(refused.status, refused.detail), diagnostics: [] } };
          const existing = this.attempts.get(attempt.attemptId);
          if (existing) return { status: 200, body: existing };
          const stored = { ...attempt, trainee: { id: user.id, name: user.name } };
          this.attempts.set(attempt.attemptId, stored);
          this.drafts.delete(attempt.attemptId);
          return { status: 201, body: stored };
        });
      case 'GET attempts':
        return signedIn(() => {
          const limit = Number(url.searchParams.get('limit') ?? 50);
          const after = url.searchParams.get('after');
          const cohort = url.searchParams.get('cohort');
          const memberIds = cohort === null ? null : new Set((this.cohorts.get(cohort)?.members ?? []).map((email) => this.users.get(email)?.user.id));
          const all = [...this.attempts.values()].filter((record) => memberIds === null || memberIds.has(record.trainee?.id)).sort((a, b) => Date.parse(b.finishedAt ?? '') - Date.parse(a.finishedAt ?? ''));
          const start = after === null ? 0 : all.findIndex((record) => record.attemptId === after) + 1;
          const page = all.slice(start, start + limit);
          return { status: 200, body: { attempts: page, next: start + limit < all.length ? (page.at(-1)?.attemptId ?? null) : null } };
        });
      case 'GET attempts/:id':
        return signedIn(() => {
          const found = this.attempts.get(id!);
          return found ? { status: 200, body: found } : { status: 404, body: problemBody(404, 'No such attempt.') };
        });
      case 'PUT drafts/:id':
        return signedIn(() => {
          const draft = body as AttemptRecord;
          const existing = this.drafts.get(id!);
          if (existing && existing.log.actions.length > draft.log.actions.length) return { status: 200, body: { kept: 'newer-exists', attempt: existing } };
          this.drafts.set(id!, draft);
          return { status: 200, body: { kept: 'stored', attempt: draft } };
        });
      case 'GET drafts':
        return signedIn(() => ({ status: 200, body: { drafts: [...this.drafts.values()] } }));
      case 'DELETE drafts/:id':
        return signedIn(() => {
          this.drafts.delete(id!);
          return { status: 204 };
        });
      case 'GET assignments':
        return signedIn(() => ({ status: 200, body: { assignments: this.assignments } }));
      case 'GET scenarios':
        return signedIn(() => ({ status: 200, body: { scenarios: this.scenarios } }));
      case 'GET versions/:id/' + extra: {
        return signedIn(() => {
          const found = this.versions.get(`${id}:${extra}`);
          return found ? { status: 200, body: found } : { status: 404, body: problemBody(404, 'No such version.') };
        });
      }
      case 'GET cohorts':
        return signedIn((user) => ({ status: 200, body: { cohorts: [...this.cohorts.values()].filter((cohort) => user.role !== 'instructor' || cohort.instructorId === user.id).map((cohort) => this.cohortOf(cohort)) } }));
      case 'POST cohorts':
        return this.instructor((user) => {
          if (!fields.name?.trim()) return { status: 400, body: { ...problemBody(400, 'name: a name is needed'), errors: [{ field: 'name', message: 'a name is needed' }] } };
          const cohort = { id: `c-${this.cohorts.size + 10}`, name: fields.name.trim(), instructorId: user.id, members: [], assignments: [] };
          this.cohorts.set(cohort.id, cohort);
          return { status: 201, body: { cohort: this.cohortOf(cohort) } };
        });
      case 'GET cohorts/:id':
        return this.instructor(() => {
          const cohort = this.cohorts.get(id!);
          if (!cohort) return { status: 404, body: problemBody(404, 'No such cohort.') };
          const members = cohort.members.map((email) => this.users.get(email)?.user).filter((user) => user !== undefined);
          return { status: 200, body: { cohort: this.cohortOf(cohort), members, assignments: cohort.assignments } };
        });
      case 'POST cohorts/:id/invites':
        return this.instructor(() => {
          const cohort = this.cohorts.get(id!);
          if (!cohort) return { status: 404, body: problemBody(404, 'No such cohort.') };
          const emails = (body as { emails?: string[] }).emails ?? [];
          const bad = emails.find((email) => !/^[^@\s]+@[^@\s]+$/.test(email));
          if (bad !== undefined || emails.length === 0) return { status: 400, body: { ...problemBody(400, `emails: ${bad ?? 'at least one email'} is not an email address`), errors: [{ field: 'emails', message: 'not an email address' }] } };
          const invites = emails.map((email) => {
            const existing = this.users.get(email)?.user;
            if (existing && existing.role !== 'trainee') return { email, refused: 'This address belongs to a staff account; only trainee accounts join a cohort.' };
            if (existing) {
              if (!cohort.members.includes(email)) cohort.members.push(email);
              return { email, added: true };
            }
            const token = `t${this.invites.size + 1}`;
            this.invites.set(token, { kind: 'invite', email, cohort: { id: cohort.id, name: cohort.name } });
            return { email, link: `http://bridge.test/?invite=${token}` };
          });
          return { status: 201, body: { invites } };
        });
      case 'POST cohorts/:id/assignments':
        return this.instructor(() => {
          const cohort = this.cohorts.get(id!);
          if (!cohort) return { status: 404, body: problemBody(404, 'No such cohort.') };
          const input = body as { scenarioSha256: string; dueAt: string | null };
          const version = this.scenarioVersions.find((item) => item.sha256 === input.scenarioSha256);
          if (!version) return { status: 422, body: problemBody(422, 'scenarioSha256: no scenario version with that hash is stored; publish the file first.') };
          const assignment = { id: `a-${cohort.assignments.length + 1}`, cohortId: cohort.id, cohortName: cohort.name, scenario: version, dueAt: input.dueAt, createdAt: '2026-01-01T00:00:00.000Z' };
          cohort.assignments.push(assignment);
          return { status: 201, body: { assignment } };
        });
      case 'POST scenarios':
        return this.instructor(() => {
          const input = body as { text: string; cohorts?: string[] };
          return this.publish(input.text, input.cohorts ?? []);
        });
      case 'GET scenario-versions':
        return this.instructor(() => ({ status: 200, body: { scenarios: this.scenarioVersions } }));
      default:
        return { status: 404, body: problemBody(404, `No route for ${method} ${url.pathname}`) };
    }
  }
}

function problemBody(status: number, detail: string): Record<string, unknown> {
  return { type: 'about:blank', title: status === 401 ? 'Unauthorized' : 'Problem', status, detail };
}

function problem(status: number, detail: string, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problemBody(status, detail)), { status, headers: { 'content-type': 'application/problem+json', ...headers } });
}

/** A scheduler the test runs by hand: timers wait until `run` is called. */
export class ManualScheduler {
  private timers: { at: number; run: () => void; id: number }[] = [];
  private now = 0;
  private nextId = 0;
  readonly schedule = (ms: number, run: () => void): (() => void) => {
    const id = this.nextId++;
    this.timers.push({ at: this.now + ms, run, id });
    return () => {
      this.timers = this.timers.filter((timer) => timer.id !== id);
    };
  };
  /** The delays waiting, soonest first, from now. */
  get waiting(): number[] {
    return this.timers.map((timer) => timer.at - this.now).sort((a, b) => a - b);
  }
  /** Lets `ms` pass, running every timer that falls due, in order. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = this.timers.filter((timer) => timer.at <= until).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.now = due.at;
      due.run();
    }
    this.now = until;
  }
  /** Runs every timer now, however far off. */
  runAll(): void {
    this.advance(Math.max(0, ...this.waiting) + 1);
  }
}
