import { describe, expect, it } from 'vitest';
import { historyView } from '../../src/app/my-attempts.ts';
import { loadServerVersion } from '../../src/app/server-scenarios.ts';
import { localAttempt } from '../../src/app/local-attempt.ts';
import type { Action } from '../../src/core/actions/action.ts';
import { grade } from '../../src/core/scoring/grade.ts';
import { MemoryStorage, readRepoText } from '../helpers.ts';
import { acmeCatalog, draftAttempt, finishedAttempt, uuid } from './account-fixtures.ts';
import { bootPage, publishedCopy, type Booted } from './account-boot.ts';
import { FakeResultsServer } from './fake-results-server.ts';

const T = 1_700_000_000_000;

function signedInServer(): FakeResultsServer {
  const server = new FakeResultsServer();
  server.session = server.addUser('dana@example.org', 'correct horse', { name: 'Dana Reyes' });
  return server;
}

/** Plays Acme for a few seconds with one action, then ends it. */
async function playAndFinish(page: Booted): Promise<string> {
  await page.controller.openScenario('acme-chemical');
  page.controller.start('exam');
  page.controller.act({ type: 'announce-role' });
  page.frames.run(2000);
  await page.controller.finish();
  await page.settle();
  const id = page.store.getState().debrief?.attempt?.attemptId;
  if (!id) throw new Error('no attempt');
  return id;
}

describe('who is signed in', () => {
  it('shows nothing and asks nothing more on a static host, and play works as it always did', async () => {
    const server = new FakeResultsServer();
    server.staticHost = true;
    const page = await bootPage({ server });
    expect(page.store.getState().account).toEqual({ status: 'no-server' });
    expect(page.scheduler.waiting).toEqual([]);
    const id = await playAndFinish(page);
    expect(page.store.getState().history.map((entry) => entry.id)).toEqual([id]);
    expect(page.store.getState().sync).toEqual({});
    expect(server.requests.map((request) => `${request.method} ${request.url}`)).toEqual(['GET /api/session']);
  });

  it('learns that nobody is signed in from GET /api/session alone, so a signed-out page load meets no 401', async () => {
    const server = new FakeResultsServer();
    const page = await bootPage({ server });
    expect(page.store.getState().account).toEqual({ status: 'signed-out' });
    expect(server.count('GET', '/api/me')).toBe(0);
    expect(server.count('GET', '/api/session')).toBe(1);
  });

  it('asks /api/me for the cohorts only once the session names a user', async () => {
    const page = await bootPage({ server: signedInServer() });
    expect(page.store.getState().account).toMatchObject({ status: 'signed-in', user: { name: 'Dana Reyes' }, cohorts: [{ name: 'Spring cohort' }] });
    expect(page.server.requests.slice(0, 2).map((request) => `${request.method} ${request.url}`)).toEqual(['GET /api/session', 'GET /api/me']);
  });

  it('is signed out on 401, and a finished attempt stays on this device only, as before', async () => {
    const server = new FakeResultsServer();
    const page = await bootPage({ server });
    expect(page.store.getState().account).toEqual({ status: 'signed-out' });
    await playAndFinish(page);
    expect(server.count('POST', '/api/attempts')).toBe(0);
    expect(server.count('PUT', '/api/drafts')).toBe(0);
    expect(page.store.getState().sync).toEqual({});
    expect([...page.storage.items.keys()].some((key) => key.includes('outbox'))).toBe(false);
  });

  it('plays offline when the server does not answer, and checks again later', async () => {
    const server = signedInServer();
    server.down = true;
    const page = await bootPage({ server });
    expect(page.store.getState().account).toEqual({ status: 'unreachable', user: null });
    expect(page.scheduler.waiting.length).toBeGreaterThan(0);
    server.down = false;
    page.scheduler.runAll();
    await page.settle();
    expect(page.store.getState().account).toMatchObject({ status: 'signed-in', user: { name: 'Dana Reyes' } });
  });

  it('signs in with the server’s word for what went wrong, then loads the account', async () => {
    const server = new FakeResultsServer();
    server.addUser('dana@example.org', 'correct horse', { name: 'Dana Reyes' });
    const page = await bootPage({ server });
    await page.account.signIn('dana@example.org', 'wrong');
    expect(page.store.getState().signIn).toEqual({ busy: false, error: 'The email or password is not right.' });
    expect(page.store.getState().account.status).toBe('signed-out');
    await page.account.signIn(' dana@example.org ', 'correct horse');
    await page.settle();
    expect(page.store.getState().account).toMatchObject({ status: 'signed-in', user: { email: 'dana@example.org' }, cohorts: [{ name: 'Spring cohort' }] });
    expect(page.store.getState().signIn).toEqual({ busy: false, error: null });
    expect(page.store.getState().accountAttempts).toEqual({ status: 'ready', items: [], next: null, error: null });
    expect(page.store.getState().assignments).toEqual({ status: 'ready', items: [], error: null });
  });

  it('says how long to wait after too many tries', async () => {
    const server = new FakeResultsServer();
    const page = await bootPage({ server });
    server.failWith = { status: 429, detail: 'Too many sign-in attempts.', headers: { 'retry-after': '120' } };
    await page.account.signIn('dana@example.org', 'x');
    expect(page.store.getState().signIn.error).toBe('Too many sign-in attempts. Try again in 2 minutes.');
  });

  it('signs out and clears what belongs to the account', async () => {
    const server = signedInServer();
    const page = await bootPage({ server });
    await page.account.signOut();
    expect(page.store.getState()).toMatchObject({ account: { status: 'signed-out' }, accountAttempts: null, assignments: null, drafts: [], published: [] });
    expect(page.storage.getItem('bridge-drill:account:v1')).toBeNull();
  });
});

describe('finished attempts and the outbox', () => {
  it('saves a finished attempt to the account: waiting at once, then saved, and listed under My attempts', async () => {
    const server = signedInServer();
    const page = await bootPage({ server });
    const id = await playAndFinish(page);
    expect(page.store.getState().sync[id]).toEqual({ state: 'saved' });
    expect([...server.attempts.keys()]).toEqual([id]);
    expect(server.attempts.get(id)?.trainee).toEqual({ id: 'u-1', name: 'Dana Reyes' });
    expect([...page.storage.items.keys()].filter((key) => key.includes('outbox'))).toEqual([]);
    expect(historyView(page.store.getState()).map((entry) => [entry.id, entry.where])).toEqual([[id, 'account']]);
  });

  it('keeps the attempt when the server is down at the finish, and sends it exactly once when it is back', async () => {
    const server = signedInServer();
    const page = await bootPage({ server });
    await page.controller.openScenario('acme-chemical');
    page.controller.start('exam');
    page.controller.act({ type: 'announce-role' });
    server.down = true;
    await page.controller.finish();
    await page.settle();
    const id = page.store.getState().debrief!.attempt!.attemptId;
    expect(page.store.getState().sync[id]).toEqual({ state: 'waiting' });
    expect(page.storage.getItem(`bridge-drill:outbox:v1:${id}`)).toContain(id);

    // A reload while it waits: the new page finds it in the outbox and shows it waiting too.
    const reloaded = await bootPage({ server, storage: page.storage });
    expect(reloaded.store.getState().sync[id]).toEqual({ state: 'waiting' });

    server.down = false;
    page.scheduler.runAll();
    reloaded.account.online();
    await Promise.all([page.settle(), reloaded.settle()]);
    expect(page.store.getState().sync[id]).toEqual({ state: 'saved' });
    expect([...server.attempts.keys()]).toEqual([id]);
    expect(page.storage.getItem(`bridge-drill:outbox:v1:${id}`)).toBeNull();
    // The other tab hears of it through the storage event.
    reloaded.account.storageChanged(`bridge-drill:outbox:v1:${id}`);
    await reloaded.settle();
    expect(reloaded.store.getState().sync[id]).toEqual({ state: 'saved' });
  });

  it('queues an attempt finished while the server cannot be reached for the account signed in here last', async () => {
    const server = signedInServer();
    const storage = new MemoryStorage();
    await bootPage({ server, storage });
    server.down = true;
    const offline = await bootPage({ server, storage });
    expect(offline.store.getState().account).toMatchObject({ status: 'unreachable', user: { id: 'u-1' } });
    const id = await playAndFinish(offline);
    expect(offline.store.getState().sync[id]).toEqual({ state: 'waiting' });
    server.down = false;
    offline.account.online();
    await offline.settle();
    expect(offline.store.getState().sync[id]).toEqual({ state: 'saved' });
    expect(server.attempts.has(id)).toBe(true);
  });

  it('says plainly when the server cannot take an attempt, keeps it, and does not send it again', async () => {
    const server = signedInServer();
    server.refuse = () => ({ status: 422, detail: 'This server does not have scenario acme-chemical 1.1.0.' });
    const page = await bootPage({ server });
    const id = await playAndFinish(page);
    expect(page.store.getState().sync[id]).toEqual({ state: 'refused', detail: 'This server does not have scenario acme-chemical 1.1.0.' });
    page.scheduler.runAll();
    await page.settle();
    expect(server.count('POST', '/api/attempts')).toBe(1);
    const reloaded = await bootPage({ server, storage: page.storage });
    expect(reloaded.store.getState().sync[id]).toMatchObject({ state: 'refused' });
    expect(server.count('POST', '/api/attempts')).toBe(1);
    expect(historyView(reloaded.store.getState()).find((entry) => entry.id === id)).toMatchObject({ where: 'device', sync: 'refused' });
  });
});

describe('My attempts', () => {
  it('lists the account’s attempts page by page, merged with this device’s own, marked as such', async () => {
    const server = signedInServer();
    for (const n of [1, 2, 3]) server.attempts.set(uuid(n), { ...finishedAttempt(n, T - n * 3_600_000), trainee: { id: 'u-1', name: 'Dana Reyes' } });
    const storage = new MemoryStorage();
    storage.setItem('bridge-drill:history:v2', JSON.stringify([finishedAttempt(10, T - 90 * 60_000), finishedAttempt(11, T - 5 * 3_600_000), finishedAttempt(1, T - 3_600_000)]));
    const page = await bootPage({ server, storage });
    const shown = () => historyView(page.store.getState()).map((entry) => `${entry.id.slice(-2)} ${entry.where}`);
    // Page one has attempts 1 and 2; the device-only attempt 11 is older than both, so it waits for "Show older".
    expect(shown()).toEqual(['01 account', '0a device', '02 account']);
    expect(page.store.getState().accountAttempts?.next).not.toBeNull();
    await page.account.showOlderAttempts();
    expect(shown()).toEqual(['01 account', '0a device', '02 account', '03 account', '0b device']);
    expect(page.store.getState().accountAttempts?.next).toBeNull();
  });

  it('opens the debrief of an attempt played on versions this browser lacks, fetched from the account', async () => {
    const server = signedInServer();
    const object = JSON.parse(readRepoText('scenarios/acme-chemical.json')) as Record<string, unknown>;
    object.summary = 'An older wording of the summary.';
    const text = JSON.stringify(object, null, 2);
    const playbookText = readRepoText('scenarios/playbooks/itil-major-incident.json');
    const acme = acmeCatalog.find('acme-chemical')!;
    const older = loadServerVersion({ id: 'acme-chemical', sha256: '', text }, { id: 'itil-major-incident', sha256: acme.sha256.playbook, text: playbookText });
    expect(older).toBeUndefined(); // the hash must match the text
    const sha = (await import('../../src/core/hash/content-hash.ts')).contentSha256OfJsonText(text);
    const entry = loadServerVersion({ id: 'acme-chemical', sha256: sha, text }, { id: 'itil-major-incident', sha256: acme.sha256.playbook, text: playbookText })!;
    const actions = [{ type: 'announce-role', at: '02:47:00' } as Action];
    const log = { scenario: 'acme-chemical', playbook: 'itil-major-incident', actions };
    const record = localAttempt(entry, 'exam', actions, uuid(40), T - 60_000, T, grade(entry.scenario, entry.playbook, log));
    server.attempts.set(record.attemptId, record);
    server.versions.set(`scenario:${sha}`, { kind: 'scenario', id: 'acme-chemical', version: String(object.version), sha256: sha, text });
    server.versions.set(`playbook:${acme.sha256.playbook}`, { kind: 'playbook', id: 'itil-major-incident', version: '1', sha256: acme.sha256.playbook, text: playbookText });
    const page = await bootPage({ server });
    await page.controller.openHistory(record.attemptId);
    expect(page.store.getState().screen).toBe('debrief');
    expect(page.store.getState().debrief?.scenario.summary).toBe('An older wording of the summary.');
    expect(page.store.getState().notice).toBeNull();
    expect(server.count('GET', `/api/versions/scenario/${sha}`)).toBe(1);
  });
});

describe('sessions in progress in the account', () => {
  it('keeps the session in progress in the account while playing, and deletes it at the finish', async () => {
    const server = signedInServer();
    const page = await bootPage({ server });
    await page.controller.openScenario('acme-chemical');
    page.controller.start('coach');
    page.controller.act({ type: 'announce-role' });
    page.scheduler.advance(4000);
    await page.settle();
    const id = page.store.getState().play ? [...server.drafts.keys()][0] : undefined;
    expect(id).toBeDefined();
    expect(server.drafts.get(id!)?.log.actions.map((action) => action.type)).toEqual(['announce-role']);
    page.controller.act({ type: 'roll-call' });
    page.account.pageHidden();
    await page.settle();
    expect(server.drafts.get(id!)?.log.actions).toHaveLength(2);
    expect(server.requests.filter((request) => request.method === 'PUT').at(-1)?.keepalive).toBe(true);
    await page.controller.finish();
    await page.settle();
    expect(server.drafts.size).toBe(0);
    expect(server.attempts.has(id!)).toBe(true);
  });

  it('deletes the draft when the exercise is abandoned', async () => {
    const server = signedInServer();
    const page = await bootPage({ server });
    await page.controller.openScenario('acme-chemical');
    page.controller.start('coach');
    page.controller.act({ type: 'announce-role' });
    page.scheduler.advance(4000);
    await page.settle();
    expect(server.drafts.size).toBe(1);
    await page.controller.abandon();
    await page.settle();
    expect(server.drafts.size).toBe(0);
  });

  it('offers a session from another device and carries it on here, paused at its last action, under the same attempt', async () => {
    const server = signedInServer();
    const actions = [{ type: 'announce-role', at: '02:46:30' }, { type: 'roll-call', at: '02:47:10' }] as Action[];
    const draft = { ...draftAttempt(50, T - 600_000, actions), trainee: { id: 'u-1', name: 'Dana Reyes' } };
    server.drafts.set(draft.attemptId, draft);
    // A draft on a version this browser does not have is not offered.
    server.drafts.set(uuid(51), { ...draftAttempt(51, T, []), scenario: { ...draft.scenario, sha256: 'b'.repeat(64) } });
    const page = await bootPage({ server });
    expect(page.store.getState().drafts.map((item) => item.attemptId).sort()).toEqual([draft.attemptId, uuid(51)]);
    const { carryOnOffers } = await import('../../src/app/carry-on.ts');
    expect(carryOnOffers(page.store.getState().drafts, acmeCatalog.scenarios).map((offer) => [offer.attemptId, offer.actions, offer.reachedAt])).toEqual([[draft.attemptId, 2, '02:47:10']]);

    expect(await page.controller.carryOn(draft.attemptId)).toBe(true);
    await page.controller.openScenario('acme-chemical');
    const play = page.store.getState().play!;
    expect(play.paused).toBe(true);
    expect(play.resumed).toEqual({ at: 70_000, actions: 2 });
    expect(play.actions.map((action) => action.type)).toEqual(['announce-role', 'roll-call']);
    page.controller.resume();
    page.controller.act({ type: 'set-priority', level: 'P1' } as never);
    page.account.pageHidden();
    await page.settle();
    expect(server.drafts.get(draft.attemptId)?.log.actions.length).toBeGreaterThanOrEqual(2);
    await page.controller.finish();
    await page.settle();
    expect(server.attempts.has(draft.attemptId)).toBe(true);
    expect(server.drafts.has(draft.attemptId)).toBe(false);
  });

  it('does not offer this device’s own session as one from another device', async () => {
    const server = signedInServer();
    const first = await bootPage({ server });
    await first.controller.openScenario('acme-chemical');
    first.controller.start('coach');
    first.controller.act({ type: 'announce-role' });
    first.account.pageHidden();
    await first.settle();
    expect(server.drafts.size).toBe(1);
    const reloaded = await bootPage({ server, storage: first.storage });
    expect(reloaded.store.getState().drafts).toEqual([]);
  });

  it('puts this device’s own session of the scenario into the account before carrying on another, so neither is lost', async () => {
    const server = signedInServer();
    const page = await bootPage({ server });
    await page.controller.openScenario('acme-chemical');
    page.controller.start('coach');
    page.controller.act({ type: 'announce-role' });
    await page.controller.openScenario(null);
    await page.settle();
    const mine = (JSON.parse(page.storage.getItem('bridge-drill:session:v2:acme-chemical')!) as { attempt: { attemptId: string } }).attempt.attemptId;
    const other = { ...draftAttempt(60, T, [{ type: 'roll-call', at: '02:47:10' } as Action]), trainee: { id: 'u-1' } };
    page.store.setState({ drafts: [other] });
    server.down = true;
    expect(await page.controller.carryOn(other.attemptId)).toBe(false);
    expect(page.store.getState().notice).toMatch(/another session of “Acme Chemical/);
    server.down = false;
    expect(await page.controller.carryOn(other.attemptId)).toBe(true);
    expect(server.drafts.get(mine)?.log.actions.map((action) => action.type)).toEqual(['announce-role']);
    expect(page.storage.getItem('bridge-drill:session:v2:acme-chemical')).toContain(other.attemptId);
  });
});

describe('what the account adds to the picker', () => {
  it('adds published scenarios to the catalog, playable from a deep link, and loads the assignments', async () => {
    const server = signedInServer();
    const { scenario } = publishedCopy();
    server.scenarios = [scenario, { ...publishedCopy('acme-chemical', 'A clash').scenario }];
    server.assignments = [{ id: 'a1', cohortId: 'c-1', cohortName: 'Spring cohort', scenario: { id: scenario.id, version: scenario.version, sha256: scenario.sha256, title: scenario.title }, dueAt: '2023-11-01T12:00:00Z', createdAt: '2023-10-01T00:00:00Z', done: false }];
    const page = await bootPage({ server });
    expect(page.store.getState().published.map((entry) => entry.scenario.id)).toEqual(['acme-night-shift']);
    expect(page.store.getState().assignments?.items.map((item) => item.scenario.id)).toEqual(['acme-night-shift']);
    await page.controller.openScenario('acme-night-shift');
    expect(page.store.getState().screen).toBe('briefing');
    page.controller.start('exam');
    expect(page.store.getState().play?.compiled.scenario.title).toBe('Acme at night');
  });
});

describe('first-visit pages', () => {
  it('sets up the first administrator from a setup link, once', async () => {
    const server = new FakeResultsServer();
    server.setupTokens.add('tok-1');
    const page = await bootPage({ server });
    await page.account.openWelcome('setup', 'tok-1');
    expect(page.store.getState()).toMatchObject({ screen: 'welcome', welcome: { kind: 'setup', phase: 'ready' } });
    await page.account.completeWelcome({ email: 'admin@example.org', name: 'Ada Admin', password: 'short' });
    expect(page.store.getState().welcome).toMatchObject({ phase: 'ready', error: 'The password is too short.', fieldErrors: { password: 'Use at least 12 characters.' } });
    await page.account.completeWelcome({ email: 'admin@example.org', name: 'Ada Admin', password: 'a long enough password' });
    await page.settle();
    expect(page.store.getState().welcome?.phase).toBe('done');
    expect(page.store.getState().account).toMatchObject({ status: 'signed-in', user: { role: 'admin', name: 'Ada Admin' } });
    await page.account.openWelcome('setup', 'tok-1');
    expect(page.store.getState().welcome).toMatchObject({ phase: 'invalid', error: expect.stringMatching(/not valid/) });
  });

  it('shows an invitation’s cohort and email, then creates the account with a name and password', async () => {
    const server = new FakeResultsServer();
    server.invites.set('inv-1', { kind: 'invite', email: 'sam@example.org', cohort: { id: 'c-1', name: 'Spring cohort' } });
    const page = await bootPage({ server });
    await page.account.openWelcome('invite', 'inv-1');
    expect(page.store.getState().welcome).toMatchObject({ kind: 'invite', phase: 'ready', email: 'sam@example.org', cohort: { name: 'Spring cohort' } });
    await page.account.completeWelcome({ name: 'Sam Lee', password: 'a long enough password' });
    await page.settle();
    expect(server.requests.find((request) => request.method === 'POST')?.body).toEqual({ name: 'Sam Lee', password: 'a long enough password' });
    expect(page.store.getState().account).toMatchObject({ status: 'signed-in', user: { name: 'Sam Lee' } });
  });

  it('reads a reset link as "set a new password", sending only the password', async () => {
    const server = new FakeResultsServer();
    server.addUser('sam@example.org', 'old password', { name: 'Sam Lee' });
    server.invites.set('rst-1', { kind: 'reset', email: 'sam@example.org', cohort: null });
    const page = await bootPage({ server });
    await page.account.openWelcome('invite', 'rst-1');
    expect(page.store.getState().welcome).toMatchObject({ kind: 'reset', phase: 'ready', email: 'sam@example.org' });
    await page.account.completeWelcome({ password: 'a brand new password' });
    expect(server.requests.find((request) => request.method === 'POST')?.body).toEqual({ password: 'a brand new password' });
    expect(page.store.getState().welcome?.phase).toBe('done');
  });

  it('says when a link is not valid, or cannot be checked', async () => {
    const server = new FakeResultsServer();
    const page = await bootPage({ server });
    await page.account.openWelcome('invite', 'used');
    expect(page.store.getState().welcome).toMatchObject({ phase: 'invalid', error: expect.stringMatching(/not valid any more/) });
    server.down = true;
    await page.account.openWelcome('invite', 'later');
    expect(page.store.getState().welcome).toMatchObject({ phase: 'unreachable', error: expect.stringMatching(/could not be reached/) });
  });
});
