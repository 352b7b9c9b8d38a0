// @vitest-environment jsdom
import { fireEvent, getByRole, queryByRole, within } from '@testing-library/dom';
import { afterEach, describe, expect, it } from 'vitest';
import { mountApp, type App } from '../../src/ui/app.ts';
import { bootPage, type Booted } from '../app/account-boot.ts';
import { acmeCatalog, finishedAttempt } from '../app/account-fixtures.ts';
import { FakeResultsServer } from '../app/fake-results-server.ts';

const T = 1_700_000_000_000;
let mounted: App | null = null;

afterEach(() => {
  mounted?.unmount();
  mounted = null;
  document.body.replaceChildren();
  window.history.replaceState(null, '', '/');
});

function serverAs(role: 'instructor' | 'trainee' | 'hr'): FakeResultsServer {
  const server = new FakeResultsServer();
  server.session = server.addUser('dana@example.org', 'correct horse', { name: 'Dana Reyes', role });
  server.scenarioVersions = [{ id: 'acme-chemical', version: '1.2.0', sha256: 'c'.repeat(64), title: 'Acme Chemical' }];
  return server;
}

async function mount(server: FakeResultsServer, address = '/'): Promise<Booted & { root: HTMLElement }> {
  window.history.replaceState(null, '', address);
  const root = document.createElement('main');
  document.body.append(root);
  const page = await bootPage({ server });
  mounted = mountApp(root, { store: page.store, controller: page.controller, catalog: acmeCatalog, download: () => {}, print: () => {}, account: page.account, instructor: page.instructor, now: () => T });
  await page.settle();
  return { ...page, root };
}

const header = (root: HTMLElement) => root.querySelector<HTMLElement>('.topbar')!;
const screen = (root: HTMLElement) => root.querySelector<HTMLElement>('.page')!;

/** Chooses `text` as the file `name` in a file input, as the browser's file picker does. */
function chooseFile(input: HTMLInputElement, name: string, text: string): void {
  const file = new File([text], name, { type: 'application/json' });
  // jsdom's Blob has no text(); the browser's does.
  if (typeof Blob.prototype.text !== 'function') Object.defineProperty(file, 'slice', { value: () => new Response(text) });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

async function createCohort(root: HTMLElement, settle: () => Promise<void>, name: string): Promise<void> {
  const form = getByRole(screen(root), 'form', { name: 'New cohort' });
  (within(form).getByLabelText('Cohort name') as HTMLInputElement).value = name;
  fireEvent.click(within(form).getByRole('button', { name: 'Create cohort' }));
  await settle();
}

describe('the Instructor entry', () => {
  it('is in the header for an instructor and opens the screen at /?view=instructor', async () => {
    const { root, settle } = await mount(serverAs('instructor'));
    const link = getByRole(header(root), 'link', { name: 'Instructor' });
    expect(link.getAttribute('href')).toBe('/?view=instructor');
    fireEvent.click(link);
    await settle();
    expect(window.location.search).toBe('?view=instructor');
    expect(getByRole(screen(root), 'heading', { level: 1, name: 'Cohorts and assignments' })).toBe(document.activeElement);
    expect(document.title).toBe('Instructor · Bridge Drill');
  });

  it('is never shown to a trainee or HR, and the address alone shows them only a note', async () => {
    for (const role of ['trainee', 'hr'] as const) {
      const { root } = await mount(serverAs(role), '/?view=instructor');
      expect(queryByRole(header(root), 'link', { name: 'Instructor' })).toBeNull();
      expect(screen(root).textContent).toContain('This screen is for instructors and administrators.');
      expect(queryByRole(screen(root), 'form')).toBeNull();
      mounted?.unmount();
      mounted = null;
      document.body.replaceChildren();
    }
  });
});

describe('the instructor’s screen', () => {
  it('creates a cohort from its form, lists it as the open one, and shows the server’s words for a refusal', async () => {
    const { root, settle } = await mount(serverAs('instructor'), '/?view=instructor');
    expect(within(screen(root)).getByText('No cohorts yet. Create the first one below.')).toBeTruthy();
    await createCohort(root, settle, '');
    expect(getByRole(screen(root), 'form', { name: 'New cohort' }).querySelector('[role="alert"]')?.textContent).toBe('Enter a name for the cohort.');
    await createCohort(root, settle, 'Night shift');
    const list = getByRole(screen(root), 'list', { name: 'Cohorts' });
    const choice = within(list).getByRole('button', { name: /Night shift/ });
    expect(choice.getAttribute('aria-current')).toBe('true');
    expect(getByRole(screen(root), 'heading', { level: 2, name: 'Night shift' })).toBeTruthy();
    expect((within(getByRole(screen(root), 'form', { name: 'New cohort' })).getByLabelText('Cohort name') as HTMLInputElement).value).toBe('');
  });

  it('invites trainees and lists each address with its one-time link and a Copy button, or that it was added', async () => {
    const server = serverAs('instructor');
    server.addUser('kim@example.org', 'kim’s password', { name: 'Kim Park' });
    const { root, settle } = await mount(server, '/?view=instructor');
    await createCohort(root, settle, 'Night shift');
    const form = getByRole(screen(root), 'form', { name: 'Invite trainees' });
    const box = within(form).getByLabelText('Email addresses') as HTMLTextAreaElement;
    box.value = 'sam@example.org\nkim@example.org, dana@example.org';
    fireEvent.submit(form);
    await settle();
    const sent = getByRole(screen(root), 'list', { name: 'Invitations sent' });
    const link = within(sent).getByRole('textbox', { name: 'Invitation link for sam@example.org' }) as HTMLInputElement;
    expect(link.value).toBe('http://bridge.test/?invite=t1');
    expect(link.readOnly).toBe(true);
    expect(within(sent).getByText('added (already had an account)')).toBeTruthy();
    // A staff account never joins a cohort: the server says so, and so does the list.
    expect(within(sent).getByText('not added: This address belongs to a staff account; only trainee accounts join a cohort.')).toBeTruthy();
    expect(box.value).toBe('');
    expect(within(getByRole(screen(root), 'list', { name: 'Members (1)' })).getByText('Kim Park')).toBeTruthy();

    // No clipboard here (jsdom): the link is selected and the page says how to copy it.
    fireEvent.click(within(sent).getByRole('button', { name: 'Copy the link for sam@example.org' }));
    expect(document.activeElement).toBe(link);
    expect(within(screen(root)).getByText(/The link is selected/)).toBeTruthy();
  });

  it('publishes a file: a 422 lists its problems as file:line:col with the line they point at', async () => {
    const server = serverAs('instructor');
    server.publish = () => ({
      status: 422,
      body: { type: 'about:blank', title: 'Not valid', status: 422, detail: 'The scenario file does not load; nothing was published.', diagnostics: [{ severity: 'error', code: 'E_UNKNOWN_TARGET', message: 'no phase "triag"', line: 3, column: 13 }] },
    });
    const { root, settle } = await mount(server, '/?view=instructor');
    await createCohort(root, settle, 'Night shift');
    const panel = getByRole(screen(root), 'region', { name: 'Publish a scenario file' });
    const publish = within(panel).getByRole('button', { name: 'Publish' });
    fireEvent.click(publish);
    expect(within(panel).getByRole('alert').textContent).toBe('Choose a scenario file first.');

    chooseFile(within(panel).getByLabelText('Scenario file') as HTMLInputElement, 'broken.json', '{\n  "id": "x",\n  "next": "triag"\n}');
    fireEvent.click(within(panel).getByLabelText('Night shift'));
    // The file is read as the browser reads it, asynchronously; Publish waits for it.
    for (let tries = 0; tries < 50 && server.count('POST', '/api/scenarios') === 0; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      fireEvent.click(publish);
    }
    await settle();
    expect(server.requests.find((request) => request.method === 'POST' && request.url === '/api/scenarios')?.body).toMatchObject({ cohorts: ['c-10'] });
    const problems = within(panel).getByRole('list', { name: 'Problems in the file' });
    expect(within(problems).getByText('broken.json:3:13: error E_UNKNOWN_TARGET: no phase "triag"')).toBeTruthy();
    expect(problems.querySelector('pre.code-frame')?.textContent).toContain('"next": "triag"');
    expect(within(panel).getAllByRole('alert').map((alert) => alert.textContent)).toContain('The file could not be published: The scenario file does not load; nothing was published.');
  });

  it('assigns a scenario version with a due date, and the cohort’s assignments list shows it', async () => {
    const { root, settle, server } = await mount(serverAs('instructor'), '/?view=instructor');
    await createCohort(root, settle, 'Night shift');
    const form = getByRole(screen(root), 'form', { name: 'Assign a scenario' });
    const version = within(form).getByLabelText('Scenario version') as HTMLSelectElement;
    expect([...version.options].map((option) => option.textContent)).toEqual(['Choose a scenario…', 'Acme Chemical (acme-chemical 1.2.0)']);
    expect(within(screen(root)).getByText('Nothing assigned yet.')).toBeTruthy();
    version.value = 'c'.repeat(64);
    (within(form).getByLabelText(/Due/) as HTMLInputElement).value = '2026-12-24T17:30';
    fireEvent.submit(form);
    await settle();
    expect(server.count('POST', '/api/cohorts/c-10/assignments')).toBe(1);
    const assignments = getByRole(screen(root), 'list', { name: 'Assignments' });
    expect(within(assignments).getByText('Acme Chemical (acme-chemical 1.2.0)')).toBeTruthy();
    expect(assignments.querySelector('time')?.getAttribute('datetime')).toBe(new Date(2026, 11, 24, 17, 30).toISOString());
  });

  it('shows the class results as a table whose rows open the debrief', async () => {
    const server = serverAs('instructor');
    const sam = server.addUser('sam@example.org', 'sam’s password', { name: 'Sam Lee' });
    server.cohorts.set('c-1', { id: 'c-1', name: 'Night shift', instructorId: server.session!.id, members: ['sam@example.org'], assignments: [] });
    const record = finishedAttempt(1, T);
    server.attempts.set(record.attemptId, { ...record, trainee: { id: sam.id, name: 'Sam Lee' } });
    const { root, settle, store } = await mount(server, '/?view=instructor');
    const table = getByRole(screen(root), 'table', { name: 'Class results' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(within(row).getByRole('rowheader').textContent).toBe('Sam Lee');
    expect(row.textContent).toContain('Acme Chemical');
    expect(row.textContent).toMatch(/\d+%/);
    expect(row.textContent).toMatch(/Passed|Failed/);
    const download = within(screen(root)).getByRole('link', { name: 'Download all as CSV' });
    expect(download.getAttribute('href')).toBe('/api/exports/attempts.csv?cohort=c-1');
    expect(download.hasAttribute('download')).toBe(true);
    expect(within(screen(root)).getByRole('link', { name: 'Download all as a workbook' }).getAttribute('href')).toBe('/api/exports/attempts.xlsx?cohort=c-1');
    fireEvent.click(within(row).getByRole('button', { name: /^Open the debrief: Sam Lee, Acme Chemical/ }));
    await settle();
    expect(store.getState().screen).toBe('debrief');
    expect(store.getState().debrief?.attempt?.attemptId).toBe(record.attemptId);
  });
});
