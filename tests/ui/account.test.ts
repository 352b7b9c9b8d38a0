// @vitest-environment jsdom
import { fireEvent, getByRole, queryByRole, queryByText, waitFor, within } from '@testing-library/dom';
import { afterEach, describe, expect, it } from 'vitest';
import type { Action } from '../../src/core/actions/action.ts';
import { mountApp, type App } from '../../src/ui/app.ts';
import { MemoryStorage } from '../helpers.ts';
import { bootPage, publishedCopy, type Booted } from '../app/account-boot.ts';
import { acmeCatalog, draftAttempt, finishedAttempt, uuid } from '../app/account-fixtures.ts';
import { FakeResultsServer } from '../app/fake-results-server.ts';

const T = 1_700_000_000_000;
let mounted: App | null = null;

afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.replaceChildren();
  window.history.replaceState(null, '', '/');
});

function signedInServer(): FakeResultsServer {
  const server = new FakeResultsServer();
  server.session = server.addUser('dana@example.org', 'correct horse', { name: 'Dana Reyes' });
  return server;
}

/** The page as main.ts mounts it, at `address`, on a booted store, controller and account. */
async function mount(options: Parameters<typeof bootPage>[0] = {}, address = '/'): Promise<Booted & { root: HTMLElement }> {
  window.history.replaceState(null, '', address);
  const root = document.createElement('main');
  document.body.append(root);
  const page = await bootPage(options);
  mounted = mountApp(root, { store: page.store, controller: page.controller, catalog: acmeCatalog, download: () => {}, print: () => {}, account: page.account, now: () => T });
  await page.settle();
  return { ...page, root };
}

const header = (root: HTMLElement) => root.querySelector<HTMLElement>('.topbar')!;

describe('signing in', () => {
  it('opens a labelled form from the header, shows the server’s words for a refusal, and then who is signed in', async () => {
    const server = new FakeResultsServer();
    server.addUser('dana@example.org', 'correct horse', { name: 'Dana Reyes' });
    const { root, settle } = await mount({ server });
    const toggle = getByRole(header(root), 'button', { name: 'Sign in' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const form = getByRole(header(root), 'region', { name: 'Sign in to your account' });
    const email = within(form).getByLabelText('Email') as HTMLInputElement;
    const password = within(form).getByLabelText('Password') as HTMLInputElement;
    expect(document.activeElement).toBe(email);
    expect(email.autocomplete).toBe('username');
    expect(password.autocomplete).toBe('current-password');

    fireEvent.click(within(form).getByRole('button', { name: 'Sign in' }));
    expect(within(form).getByRole('alert').textContent).toBe('Enter your email address.');
    email.value = 'dana@example.org';
    password.value = 'wrong';
    fireEvent.submit(email.form!);
    await settle();
    expect(within(form).getByRole('alert').textContent).toBe('The email or password is not right.');
    expect(email.value).toBe('dana@example.org');

    password.value = 'correct horse';
    fireEvent.submit(email.form!);
    await settle();
    expect(getByRole(header(root), 'status').textContent).toBe('Signed in as Dana Reyes');
    expect(queryByRole(header(root), 'button', { name: 'Sign in' })).toBeNull();
    expect(getByRole(header(root), 'button', { name: 'Sign out' })).toBeTruthy();
  });

  it('closes the form with Escape and gives focus back to its button', async () => {
    const { root } = await mount({ server: new FakeResultsServer() });
    const toggle = getByRole(header(root), 'button', { name: 'Sign in' });
    fireEvent.click(toggle);
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);
  });

  it('says "Playing offline" when the server cannot be reached, and nothing at all with no server', async () => {
    const down = new FakeResultsServer();
    down.down = true;
    const offline = await mount({ server: down });
    expect(getByRole(header(offline.root), 'status').textContent).toMatch(/^Playing offline/);
    expect(getByRole(header(offline.root), 'button', { name: 'Try again' })).toBeTruthy();
    expect(getByRole(offline.root, 'heading', { level: 1, name: 'Choose a scenario' })).toBeTruthy();
    mounted?.unmount();
    document.body.replaceChildren();

    const none = new FakeResultsServer();
    none.staticHost = true;
    const { root } = await mount({ server: none });
    expect(header(root).querySelector('.account-bar')?.textContent).toBe('');
    expect(queryByRole(header(root), 'button')).toBeNull();
  });
});

describe('first-visit pages', () => {
  it('reads an invitation from the address, takes the token out of it, and creates the account', async () => {
    const server = new FakeResultsServer();
    server.invites.set('inv-1', { kind: 'invite', email: 'sam@example.org', cohort: { id: 'c-1', name: 'Spring cohort' } });
    const { root, settle } = await mount({ server }, '/?invite=inv-1');
    expect(window.location.search).toBe('');
    expect(getByRole(root, 'heading', { level: 1, name: 'Join Spring cohort' })).toBeTruthy();
    expect(root.textContent).toContain('You were invited as sam@example.org to the cohort “Spring cohort”');
    expect(document.title).toBe('Invitation · Bridge Drill');
    const name = getByRole(root, 'textbox', { name: 'Your name' }) as HTMLInputElement;
    const password = root.querySelector<HTMLInputElement>('#welcome-password')!;
    const repeat = root.querySelector<HTMLInputElement>('#welcome-repeat')!;
    expect(password.autocomplete).toBe('new-password');
    name.value = 'Sam Lee';
    password.value = 'a long enough password';
    repeat.value = 'a long enough passwort';
    fireEvent.click(getByRole(root, 'button', { name: 'Create my account' }));
    expect(root.querySelector('#welcome-repeat-error')?.textContent).toBe('The two passwords are not the same.');
    expect(repeat.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(repeat);
    expect(server.count('POST', '/api/invites')).toBe(0);
    repeat.value = 'a long enough password';
    fireEvent.click(getByRole(root, 'button', { name: 'Create my account' }));
    await settle();
    expect(getByRole(root, 'heading', { level: 1, name: 'You are signed in' })).toBeTruthy();
    expect(getByRole(header(root), 'status').textContent).toBe('Signed in as Sam Lee');
    fireEvent.click(getByRole(root, 'link', { name: 'Choose a scenario' }));
    await settle();
    expect(getByRole(root, 'heading', { level: 1, name: 'Choose a scenario' })).toBeTruthy();
  });

  it('asks the first administrator for email, name and password, and shows the server’s field errors', async () => {
    const server = new FakeResultsServer();
    server.setupTokens.add('tok-1');
    const { root, settle } = await mount({ server }, '/?setup=tok-1');
    expect(window.location.search).toBe('');
    expect(getByRole(root, 'heading', { level: 1, name: 'Set up Bridge Drill' })).toBeTruthy();
    (getByRole(root, 'textbox', { name: 'Email' }) as HTMLInputElement).value = 'admin@example.org';
    (getByRole(root, 'textbox', { name: 'Your name' }) as HTMLInputElement).value = 'Ada Admin';
    root.querySelector<HTMLInputElement>('#welcome-password')!.value = 'short';
    root.querySelector<HTMLInputElement>('#welcome-repeat')!.value = 'short';
    fireEvent.click(getByRole(root, 'button', { name: 'Create the administrator account' }));
    await settle();
    expect(getByRole(root, 'alert').textContent).toBe('The password is too short.');
    expect(root.querySelector('#welcome-password-error')?.textContent).toBe('Use at least 12 characters.');
    expect((getByRole(root, 'textbox', { name: 'Email' }) as HTMLInputElement).value).toBe('admin@example.org');
  });

  it('offers "set a new password" for a reset link, and says plainly when a link is no longer valid', async () => {
    const server = new FakeResultsServer();
    server.invites.set('rst-1', { kind: 'reset', email: 'sam@example.org', cohort: null });
    const reset = await mount({ server }, '/?invite=rst-1');
    expect(getByRole(reset.root, 'heading', { level: 1, name: 'Set a new password' })).toBeTruthy();
    expect(queryByRole(reset.root, 'textbox', { name: 'Your name' })).toBeNull();
    mounted?.unmount();
    document.body.replaceChildren();

    const { root } = await mount({ server }, '/?invite=used-up');
    expect(getByRole(root, 'heading', { level: 1, name: 'This link cannot be used' })).toBeTruthy();
    expect(getByRole(root, 'alert').textContent).toMatch(/not valid any more/);
    expect(getByRole(root, 'link', { name: 'Play without an account' })).toBeTruthy();
  });
});

describe('the debrief’s sync status', () => {
  it('says "Waiting to sync" while the server is down, and turns to "Saved to your account" when it is back', async () => {
    const server = signedInServer();
    const { root, controller, scheduler, settle } = await mount({ server }, '/?scenario=acme-chemical');
    await settle();
    controller.start('exam');
    controller.act({ type: 'announce-role' });
    server.down = true;
    await controller.finish();
    await settle();
    const status = root.querySelector<HTMLElement>('.sync-status')!;
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toContain('Waiting to sync — kept on this device');
    server.down = false;
    scheduler.runAll();
    await settle();
    expect(root.querySelector('.sync-status')).toBe(status);
    expect(status.textContent).toContain('Saved to your account');
  });

  it('says plainly when the server cannot take the attempt', async () => {
    const server = signedInServer();
    server.refuse = () => ({ status: 422, detail: 'This server does not have scenario acme-chemical 1.1.0.' });
    const { root, controller, settle } = await mount({ server }, '/?scenario=acme-chemical');
    controller.start('exam');
    await controller.finish();
    await settle();
    expect(root.querySelector('.sync-status')?.textContent).toContain('Not saved to your account: the server cannot take this attempt (This server does not have scenario acme-chemical 1.1.0). It stays on this device');
  });

  it('shows no sync line for someone not signed in', async () => {
    const { root, controller, settle } = await mount({ server: new FakeResultsServer() }, '/?scenario=acme-chemical');
    controller.start('exam');
    await controller.finish();
    await settle();
    expect(root.querySelector<HTMLElement>('.sync-status')?.hidden ?? true).toBe(true);
  });
});

describe('My attempts', () => {
  it('lists the account’s attempts and this device’s own, marked, with "Show older" that keeps the keyboard where it was', async () => {
    const server = signedInServer();
    for (const n of [1, 2, 3]) server.attempts.set(uuid(n), { ...finishedAttempt(n, T - n * 3_600_000), trainee: { id: 'u-1', name: 'Dana Reyes' } });
    const storage = new MemoryStorage();
    storage.setItem('bridge-drill:history:v2', JSON.stringify([finishedAttempt(10, T - 90 * 60_000)]));
    const { root, settle, store } = await mount({ server, storage });
    const list = getByRole(root, 'list', { name: 'My attempts' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(3);
    const deviceOnly = within(list).getAllByRole('listitem')[1]!;
    expect(within(deviceOnly).getByText('On this device only')).toBeTruthy();
    const older = getByRole(root, 'button', { name: 'Show older' });
    older.focus();
    fireEvent.click(older);
    await settle();
    expect(within(getByRole(root, 'list', { name: 'My attempts' })).getAllByRole('listitem')).toHaveLength(4);
    expect(queryByRole(root, 'button', { name: 'Show older' })).toBeNull();
    expect(document.activeElement?.textContent).toBe('My attempts');
    fireEvent.click(getByRole(root, 'button', { name: /^Open debrief: .*on this device only$/ }));
    await settle();
    expect(store.getState().screen).toBe('debrief');
  });
});

describe('the picker for a signed-in trainee', () => {
  it('lists what is assigned, with cohort, due dates, overdue and done, and opens the scenario', async () => {
    const server = signedInServer();
    const { scenario } = publishedCopy();
    server.scenarios = [scenario];
    const acme = acmeCatalog.find('acme-chemical')!;
    server.assignments = [
      { id: 'a1', cohortId: 'c-1', cohortName: 'Spring cohort', scenario: { id: scenario.id, version: scenario.version, sha256: scenario.sha256, title: scenario.title }, dueAt: new Date(T - 86_400_000).toISOString(), done: false },
      { id: 'a2', cohortId: 'c-1', cohortName: 'Spring cohort', scenario: { id: 'acme-chemical', version: acme.scenario.version, sha256: acme.sha256.scenario, title: acme.scenario.title }, dueAt: new Date(T + 86_400_000).toISOString(), done: true },
      { id: 'a3', cohortId: 'c-2', cohortName: 'Night shift', scenario: { id: 'gone', version: '1.0.0', sha256: 'c'.repeat(64), title: 'A scenario nobody published' }, dueAt: null, done: false },
    ];
    const { root, settle, store } = await mount({ server });
    const panel = getByRole(root, 'region', { name: 'Assigned to you' });
    const items = within(panel).getAllByRole('listitem');
    expect(items.map((item) => within(item).getByRole('heading').textContent)).toEqual(['Acme at night', 'A scenario nobody published', acme.scenario.title]);
    expect(within(items[0]!).getByText('Overdue')).toBeTruthy();
    expect(items[0]!.textContent).toContain('Cohort: Spring cohort');
    expect(items[0]!.textContent).toMatch(/Was due /);
    expect(within(items[2]!).getByText('Done')).toBeTruthy();
    expect(items[1]!.textContent).toContain('No due date');
    expect(items[1]!.textContent).toContain('not available in this browser');
    expect(queryByRole(items[1]!, 'link')).toBeNull();
    const card = getByRole(root, 'article', { name: 'Acme at night' });
    expect(within(card).getByText('Published by your instructor')).toBeTruthy();
    fireEvent.click(within(items[0]!).getByRole('link', { name: 'Open scenario: Acme at night' }));
    await settle();
    expect(store.getState().screen).toBe('briefing');
    expect(getByRole(root, 'heading', { level: 1, name: 'Acme at night' })).toBeTruthy();
  });

  it('offers to carry on a session from another device, and carrying on lands on the bridge where it was', async () => {
    const server = signedInServer();
    const draft = draftAttempt(70, T - 300_000, [{ type: 'announce-role', at: '02:46:30' } as Action]);
    server.drafts.set(draft.attemptId, draft);
    const { root, settle, store } = await mount({ server });
    expect(queryByRole(root, 'region', { name: 'Assigned to you' })).toBeNull();
    const panel = getByRole(root, 'region', { name: 'Carry on from another device' });
    expect(panel.textContent).toContain('1 action, the last at 02:46:30');
    fireEvent.click(within(panel).getByRole('button', { name: /^Carry on: Acme Chemical/ }));
    await waitFor(() => expect(store.getState().screen).toBe('play'));
    await settle();
    expect(store.getState().play?.resumed).toEqual({ at: 30_000, actions: 1 });
    expect(queryByText(root, 'Carry on from another device')).toBeNull();
  });
});
