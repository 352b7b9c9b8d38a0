import { describe, expect, it } from 'vitest';
import { canTeach, dueAtIso, emailsOf } from '../../src/app/instructor-controller.ts';
import { finishedAttempt } from './account-fixtures.ts';
import { bootPage } from './account-boot.ts';
import { FakeResultsServer } from './fake-results-server.ts';

const T = 1_700_000_000_000;

function serverAs(role: 'instructor' | 'admin' | 'trainee' | 'hr'): FakeResultsServer {
  const server = new FakeResultsServer();
  server.session = server.addUser('dana@example.org', 'correct horse', { name: 'Dana Reyes', role });
  server.scenarioVersions = [{ id: 'acme-chemical', version: '1.2.0', sha256: 'c'.repeat(64), title: 'Acme Chemical' }];
  return server;
}

const requests = (server: FakeResultsServer) => server.requests.map((request) => `${request.method} ${request.url}`);

describe('the instructor controller’s helpers', () => {
  it('reads addresses one per line or separated by commas, each once', () => {
    expect(emailsOf(' sam@example.org\nkim@example.org, lee@example.org;\n\nsam@example.org ')).toEqual(['sam@example.org', 'kim@example.org', 'lee@example.org']);
    expect(emailsOf('  \n ')).toEqual([]);
  });

  it('turns a local due date-time into ISO, an empty one into null, and refuses what is not a date', () => {
    expect(dueAtIso('')).toBeNull();
    expect(dueAtIso('2026-12-24T17:30')).toBe(new Date(2026, 11, 24, 17, 30).toISOString());
    expect(dueAtIso('not a date')).toBeUndefined();
  });

  it('lets instructors and admins teach, and nobody else', () => {
    const user = { id: 'u', email: 'e', name: 'n' };
    expect(canTeach({ status: 'signed-in', user: { ...user, role: 'instructor' }, cohorts: [] })).toBe(true);
    expect(canTeach({ status: 'signed-in', user: { ...user, role: 'admin' }, cohorts: [] })).toBe(true);
    expect(canTeach({ status: 'signed-in', user: { ...user, role: 'trainee' }, cohorts: [] })).toBe(false);
    expect(canTeach({ status: 'signed-in', user: { ...user, role: 'hr' }, cohorts: [] })).toBe(false);
    expect(canTeach({ status: 'signed-out' })).toBe(false);
  });
});

describe('the instructor’s screen, through the app layer', () => {
  it('asks nothing for a trainee, and shows the screen with no lists', async () => {
    const server = serverAs('trainee');
    const page = await bootPage({ server });
    const before = server.requests.length;
    page.instructor.open();
    await page.settle();
    expect(page.store.getState().screen).toBe('instructor');
    expect(page.store.getState().instructor).toBeNull();
    expect(server.requests.slice(before)).toEqual([]);
  });

  it('loads the cohorts and every stored scenario version, creates a cohort and opens it', async () => {
    const server = serverAs('instructor');
    const page = await bootPage({ server });
    page.instructor.open();
    await page.settle();
    let state = page.store.getState().instructor!;
    expect(state.cohorts).toEqual({ status: 'ready', items: [], error: null });
    expect(state.versions.items.map((item) => item.title)).toEqual(['Acme Chemical']);
    expect(state.open).toBeNull();

    expect(await page.instructor.createCohort('   ')).toBe(false);
    expect(page.store.getState().instructor!.create.error).toBe('Enter a name for the cohort.');
    expect(server.count('POST', '/api/cohorts')).toBe(0);

    expect(await page.instructor.createCohort(' Night shift ')).toBe(true);
    await page.settle();
    state = page.store.getState().instructor!;
    expect(server.requests.find((request) => request.method === 'POST')?.body).toEqual({ name: 'Night shift' });
    expect(state.create).toEqual({ busy: false, error: null });
    expect(state.cohorts.items.map((cohort) => cohort.name)).toEqual(['Night shift']);
    expect(state.open).toMatchObject({ status: 'ready', cohort: { name: 'Night shift' }, members: [], assignments: [], results: { status: 'ready', items: [] } });
    const id = state.open!.id;
    expect(requests(server)).toContain(`GET /api/attempts?limit=200&cohort=${id}`);
  });

  it('invites addresses: a one-time link each, and someone with an account joins at once', async () => {
    const server = serverAs('instructor');
    server.addUser('kim@example.org', 'kim’s password', { name: 'Kim Park' });
    const page = await bootPage({ server });
    page.instructor.open();
    await page.settle();
    await page.instructor.createCohort('Night shift');
    await page.settle();

    expect(await page.instructor.invite(' \n')).toBe(false);
    expect(page.store.getState().instructor!.open!.invites.error).toBe('Enter at least one email address.');

    expect(await page.instructor.invite('sam@example.org, kim@example.org\nsam@example.org')).toBe(true);
    await page.settle();
    const open = page.store.getState().instructor!.open!;
    expect(server.requests.find((request) => request.method === 'POST' && request.url.endsWith('/invites'))?.body).toEqual({ emails: ['sam@example.org', 'kim@example.org'] });
    expect(open.invites).toEqual({ busy: false, error: null, sent: [{ email: 'sam@example.org', link: 'http://bridge.test/?invite=t1' }, { email: 'kim@example.org', added: true }] });
    expect(open.members.map((member) => member.name)).toEqual(['Kim Park']);
    expect(page.store.getState().instructor!.cohorts.items[0]?.memberCount).toBe(1);
  });

  it('shows the server’s detail when invitations are refused, and keeps the last ones sent', async () => {
    const server = serverAs('instructor');
    const page = await bootPage({ server });
    page.instructor.open();
    await page.settle();
    await page.instructor.createCohort('Night shift');
    await page.instructor.invite('not-an-address');
    await page.settle();
    expect(page.store.getState().instructor!.open!.invites).toEqual({ busy: false, error: 'The invitations could not be sent: emails: not-an-address is not an email address', sent: [] });
  });

  it('publishes a file: on 422 its diagnostics with line and column, on 201 what was stored, and the version list follows', async () => {
    const server = serverAs('instructor');
    const page = await bootPage({ server });
    page.instructor.open();
    await page.settle();
    await page.instructor.createCohort('Night shift');
    await page.settle();
    const cohort = page.store.getState().instructor!.open!.id;
    server.publish = () => ({
      status: 422,
      body: { type: 'about:blank', title: 'Not valid', status: 422, detail: 'The scenario file does not load; nothing was published.', diagnostics: [{ severity: 'error', code: 'E_UNKNOWN_TARGET', message: 'no phase "triag"', line: 3, column: 14 }] },
    });
    await page.instructor.publish('broken.json', '{\n  "id": "x",\n  "phases": "triag"\n}', [cohort]);
    let publish = page.store.getState().instructor!.publish;
    expect(server.requests.find((request) => request.method === 'POST' && request.url === '/api/scenarios')?.body).toEqual({ text: '{\n  "id": "x",\n  "phases": "triag"\n}', cohorts: [cohort] });
    expect(publish).toMatchObject({ busy: false, file: 'broken.json', error: 'The file could not be published: The scenario file does not load; nothing was published.', published: null });
    expect(publish.diagnostics).toEqual([{ severity: 'error', code: 'E_UNKNOWN_TARGET', message: 'no phase "triag"', line: 3, column: 14 }]);

    server.publish = (text) => {
      const scenario = { id: 'acme-night', version: '1.0.0', sha256: 'd'.repeat(64), title: JSON.parse(text).title as string };
      server.scenarioVersions.push(scenario);
      return { status: 201, body: { scenario, playbook: { id: 'itil-major-incident', version: '1', sha256: 'e'.repeat(64), title: 'ITIL' }, warnings: [{ severity: 'warning', code: 'W_UNREACHABLE', message: 'phase "spare" is never reached', line: 9, column: 5 }] } };
    };
    await page.instructor.publish('night.json', '{"title": "Acme at night"}', []);
    await page.settle();
    publish = page.store.getState().instructor!.publish;
    expect(publish).toMatchObject({ busy: false, error: null, diagnostics: [], published: { scenario: { title: 'Acme at night', version: '1.0.0' }, warnings: [{ code: 'W_UNREACHABLE', line: 9 }] } });
    expect(page.store.getState().instructor!.versions.items.map((item) => item.title)).toEqual(['Acme at night', 'Acme Chemical']);
  });

  it('assigns a version with a due date, and the cohort’s assignments are read again', async () => {
    const server = serverAs('instructor');
    const page = await bootPage({ server });
    page.instructor.open();
    await page.settle();
    await page.instructor.createCohort('Night shift');
    await page.settle();
    const sha = 'c'.repeat(64);
    expect(await page.instructor.assign('', '')).toBe(false);
    expect(page.store.getState().instructor!.open!.assign.error).toBe('Choose a scenario version to assign.');
    expect(await page.instructor.assign(sha, 'whenever')).toBe(false);
    expect(page.store.getState().instructor!.open!.assign.error).toBe('The due date is not a date and time.');

    const before = server.count('GET', '/api/cohorts/');
    expect(await page.instructor.assign(sha, '2026-12-24T17:30')).toBe(true);
    await page.settle();
    const open = page.store.getState().instructor!.open!;
    expect(server.requests.find((request) => request.method === 'POST' && request.url.endsWith('/assignments'))?.body).toEqual({ scenarioSha256: sha, dueAt: new Date(2026, 11, 24, 17, 30).toISOString() });
    expect(open.assign).toEqual({ busy: false, error: null });
    expect(open.assignments.map((item) => [item.scenario.title, item.dueAt])).toEqual([['Acme Chemical', new Date(2026, 11, 24, 17, 30).toISOString()]]);
    expect(server.count('GET', '/api/cohorts/')).toBe(before + 1);

    expect(await page.instructor.assign('f'.repeat(64), '')).toBe(false);
    expect(page.store.getState().instructor!.open!.assign.error).toBe('The scenario could not be assigned: scenarioSha256: no scenario version with that hash is stored; publish the file first.');
  });

  it('lists the open cohort’s results, newest first, and forgets everything on sign-out', async () => {
    const server = serverAs('admin');
    const sam = server.addUser('sam@example.org', 'sam’s password', { name: 'Sam Lee' });
    server.cohorts.set('c-1', { id: 'c-1', name: 'Night shift', instructorId: 'u-9', members: ['sam@example.org'], assignments: [] });
    for (const [n, at] of [[1, T - 60_000], [2, T]] as const) {
      const record = finishedAttempt(n, at);
      server.attempts.set(record.attemptId, { ...record, trainee: { id: sam.id, name: 'Sam Lee' } });
    }
    const stranger = finishedAttempt(3, T);
    server.attempts.set(stranger.attemptId, { ...stranger, trainee: { id: 'u-77', name: 'Someone else' } });
    const page = await bootPage({ server });
    page.instructor.open();
    await page.settle();
    // The only cohort opens at once.
    const open = page.store.getState().instructor!.open!;
    expect(open.cohort?.name).toBe('Night shift');
    expect(open.results.items.map((record) => [record.trainee?.name, Date.parse(record.finishedAt ?? '')])).toEqual([
      ['Sam Lee', T],
      ['Sam Lee', T - 60_000],
    ]);

    await page.account.signOut();
    await page.settle();
    expect(page.store.getState().instructor).toBeNull();
    expect(page.store.getState().screen).toBe('instructor');
  });

  it('says what the server said when it refuses the cohorts', async () => {
    const server = serverAs('instructor');
    const page = await bootPage({ server });
    server.failWith = { status: 503, detail: 'The database is not answering; try again shortly. Nothing was changed.' };
    page.instructor.open();
    await page.settle();
    expect(page.store.getState().instructor!.cohorts).toEqual({ status: 'failed', items: [], error: 'Your cohorts could not be loaded: The database is not answering; try again shortly. Nothing was changed.' });
  });
});
