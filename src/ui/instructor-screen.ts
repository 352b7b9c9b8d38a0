import { gatedScreen, type GatedScreen } from './gated-screen.ts';
import type { Assignment, CohortSummary, ScenarioVersion } from '../app/account-types.ts';
import { historyEntryOf } from '../app/history-entry.ts';
import { canTeach, type InstructorIntents } from '../app/instructor-controller.ts';
import type { AppState, AppStore, InstructorState, OpenCohort, PublishState } from '../app/store.ts';
import type { AttemptRecord } from '../core/attempt.ts';
import { codeFrame } from '../core/code-frame.ts';
import { formatDiagnostic } from '../core/diagnostics.ts';
import { finishedAtIso, finishedAtText } from './debrief/format.ts';
import { h, replaceChildren } from './dom.ts';
import { liveSection, type LiveSection } from './live.ts';
import { readScenarioFile, unreadableMessage } from './open-file.ts';
import './account.css';
import './instructor.css';

export interface InstructorHandlers {
  /** Opens a class result in the debrief. */
  openAttempt(record: AttemptRecord): void;
}

/** As many problems as anyone reads before fixing the first, as in the authoring view. */
const MAX_SHOWN = 50;

/**
 * The instructor's screen: cohorts, invitation links, publishing a scenario file, assignments and the open cohort's
 * results. It renders the store and sends intents; its forms are built once (per open cohort), so what is typed
 * survives the server's answers, and only the lists are drawn again.
 */
export function renderInstructorScreen(store: AppStore, intents: InstructorIntents, handlers: InstructorHandlers, win: Window = window): GatedScreen {
  const element = h('section', { class: 'instructor', attrs: { 'aria-labelledby': 'instructor-title' } });
  return gatedScreen(element, store, { allowed: canTeach, ready: (state) => state.instructor !== null, body: () => mainScreen(store, intents, handlers, win), gate });
}

function heading(title: string, intro: string | null): HTMLElement {
  return h('header', { class: 'hero instructor-head' }, h('p', { class: 'eyebrow' }, 'Instructor'), h('h1', { attrs: { id: 'instructor-title', tabindex: '-1' } }, title), intro ? h('p', { class: 'lede' }, intro) : null);
}

/** What shows instead of the screen for someone who may not use it, or before the account is known. */
function gate(state: AppState): HTMLElement {
  const account = state.account;
  if (account.status === 'unknown' || (canTeach(account) && !state.instructor)) return h('div', { attrs: { 'aria-busy': 'true' } }, heading('Instructor', 'Checking your account…'));
  if (account.status === 'signed-out') return heading('Instructor', 'Sign in with an instructor or administrator account (Sign in, at the top of the page) to manage cohorts, invitations and assignments.');
  if (account.status === 'signed-in') return heading('Instructor', 'This screen is for instructors and administrators. Your account can play the scenarios and see its own attempts.');
  return heading('Instructor', 'The results server cannot be reached, so cohorts and assignments cannot be shown. Try again in a moment.');
}

function mainScreen(store: AppStore, intents: InstructorIntents, handlers: InstructorHandlers, win: Window): { children: HTMLElement[]; dispose(): void } {
  const lives: LiveSection[] = [];
  const live = (element: HTMLElement, select: (state: InstructorState) => readonly unknown[], render: (state: InstructorState) => ReturnType<Parameters<typeof liveSection>[3]>): HTMLElement => {
    const section = liveSection(
      store,
      element,
      (state) => (state.instructor ? select(state.instructor) : [null]),
      (state) => (state.instructor ? render(state.instructor) : null),
    );
    lives.push(section);
    return section.element;
  };

  // Cohorts: the list and a form for a new one.
  const cohortList = live(
    h('div', { class: 'cohort-list-slot' }),
    (state) => [state.cohorts, state.open?.id],
    (state) => cohortChoices(state, intents),
  );
  const nameInput = h('input', { attrs: { id: 'new-cohort-name', name: 'name', type: 'text', autocomplete: 'off', maxlength: '200' } });
  const createButton = h('button', { class: 'button primary', attrs: { type: 'submit' } }, 'Create cohort');
  const createError = h('p', { class: 'form-error', attrs: { id: 'new-cohort-error', role: 'alert' } });
  const createForm = h(
    'form',
    { class: 'instructor-form', attrs: { novalidate: '', 'aria-labelledby': 'new-cohort-heading' } },
    h('h3', { attrs: { id: 'new-cohort-heading' } }, 'New cohort'),
    h('div', { class: 'field' }, h('label', { attrs: { for: 'new-cohort-name' } }, 'Cohort name'), nameInput),
    createError,
    h('div', { class: 'form-actions' }, createButton),
  );
  createForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void intents.createCohort(nameInput.value).then((created) => {
      if (created) nameInput.value = '';
    });
  });
  lives.push(
    follow(store, (state) => state.create, (create) => {
      createButton.disabled = create.busy;
      createButton.textContent = create.busy ? 'Creating…' : 'Create cohort';
      createError.textContent = create.error ?? '';
      describedBy(nameInput, create.error ? 'new-cohort-error' : null);
    }),
  );
  const cohortsPanel = h(
    'section',
    { class: 'panel instructor-cohorts', attrs: { 'aria-labelledby': 'cohorts-heading' } },
    h('h2', { attrs: { id: 'cohorts-heading' } }, 'Cohorts'),
    cohortList,
    createForm,
  );

  const publish = publishPanel(store, intents, lives);

  // The open cohort, built again for each cohort opened, so its forms start empty.
  const cohortArea = h('div', { class: 'instructor-main' });
  let shownCohort: string | null | undefined;
  let cohortLives: LiveSection[] = [];
  const cohortFollower = follow(store, (state) => state.open?.id ?? null, (id) => {
    if (id === shownCohort) return;
    shownCohort = id;
    for (const section of cohortLives) section.dispose();
    cohortLives = [];
    replaceChildren(cohortArea, id === null ? h('section', { class: 'panel instructor-empty' }, h('h2', {}, 'No cohort open'), h('p', { class: 'panel-hint' }, 'Create a cohort, or choose one from the list, to invite trainees, assign scenarios and see their results.')) : cohortPanel(store, intents, handlers, win, cohortLives));
  });
  lives.push(cohortFollower);

  return {
    children: [
      heading('Cohorts and assignments', 'Invite trainees to a cohort, publish checked scenario files to it, assign them with due dates, and follow the class’s results.'),
      h('div', { class: 'instructor-layout' }, h('div', { class: 'instructor-side' }, cohortsPanel, publish), cohortArea),
    ],
    dispose() {
      for (const section of [...lives, ...cohortLives]) section.dispose();
    },
  };
}

/** Calls `show` with a slice of the instructor state now and whenever that slice changes. */
function follow<T>(store: AppStore, pick: (state: InstructorState) => T, show: (value: T) => void): LiveSection {
  let last: { value: T } | null = null;
  const update = (state: AppState) => {
    if (!state.instructor) return;
    const value = pick(state.instructor);
    if (last && last.value === value) return;
    last = { value };
    show(value);
  };
  update(store.getState());
  return { element: h('span'), dispose: store.subscribe((state) => update(state)) };
}

function describedBy(input: HTMLElement, id: string | null): void {
  if (id) {
    input.setAttribute('aria-describedby', id);
    input.setAttribute('aria-invalid', 'true');
  } else {
    input.removeAttribute('aria-describedby');
    input.removeAttribute('aria-invalid');
  }
}

function cohortChoices(state: InstructorState, intents: InstructorIntents): HTMLElement {
  const list = state.cohorts;
  if (list.status === 'loading' && list.items.length === 0) return h('p', { class: 'list-loading', attrs: { role: 'status' } }, 'Loading your cohorts…');
  return h(
    'div',
    {},
    list.status === 'failed' ? h('p', { class: 'list-problem', attrs: { role: 'status' } }, list.error ?? '') : null,
    list.items.length === 0 && list.status === 'ready' ? h('p', { class: 'panel-hint' }, 'No cohorts yet. Create the first one below.') : null,
    list.items.length > 0
      ? h(
          'ul',
          { class: 'cohort-list', attrs: { 'aria-labelledby': 'cohorts-heading' } },
          ...list.items.map((cohort) => {
            const open = state.open?.id === cohort.id;
            const button = h(
              'button',
              { class: `cohort-choice${open ? ' is-open' : ''}`, attrs: { type: 'button', 'data-focus': `cohort:${cohort.id}`, ...(open ? { 'aria-current': 'true' } : {}) } },
              h('span', { class: 'cohort-name' }, cohort.name),
              h('span', { class: 'cohort-count' }, membersText(cohort)),
            );
            button.addEventListener('click', () => void intents.openCohort(cohort.id));
            return h('li', {}, button);
          }),
        )
      : null,
  );
}

function membersText(cohort: CohortSummary): string {
  if (cohort.memberCount === undefined) return '';
  return cohort.memberCount === 1 ? '1 member' : `${cohort.memberCount} members`;
}

function cohortPanel(store: AppStore, intents: InstructorIntents, handlers: InstructorHandlers, win: Window, lives: LiveSection[]): HTMLElement {
  const live = (element: HTMLElement, select: (open: OpenCohort, state: InstructorState) => readonly unknown[], render: (open: OpenCohort, state: InstructorState) => HTMLElement | null): HTMLElement => {
    const section = liveSection(
      store,
      element,
      (state) => (state.instructor?.open ? select(state.instructor.open, state.instructor) : [null]),
      (state) => (state.instructor?.open ? render(state.instructor.open, state.instructor) : null),
    );
    lives.push(section);
    return section.element;
  };

  const head = live(
    h('header', { class: 'cohort-head' }),
    (open) => [open.cohort, open.status, open.error],
    (open) =>
      h(
        'div',
        {},
        h('p', { class: 'eyebrow' }, 'Cohort'),
        h('h2', { attrs: { id: 'cohort-heading', tabindex: '-1', 'data-focus-fallback': '' } }, open.cohort?.name ?? 'Opening the cohort…'),
        open.status === 'failed' ? h('p', { class: 'list-problem', attrs: { role: 'alert' } }, open.error ?? '') : null,
      ),
  );

  const members = live(
    h('section', { class: 'cohort-part', attrs: { 'aria-labelledby': 'members-heading' } }),
    (open) => [open.members, open.status],
    (open) =>
      h(
        'div',
        {},
        h('h3', { attrs: { id: 'members-heading' } }, `Members (${open.members.length})`),
        open.members.length === 0
          ? h('p', { class: 'panel-hint' }, open.status === 'loading' ? 'Loading…' : 'Nobody has joined yet. Invite trainees below: they join when they create their account from the link.')
          : h('ul', { class: 'member-list', attrs: { 'aria-labelledby': 'members-heading' } }, ...open.members.map((member) => h('li', {}, h('span', { class: 'member-name' }, member.name || member.email), h('span', { class: 'member-email' }, member.email)))),
      ),
  );

  // Invitations.
  const emails = h('textarea', { attrs: { id: 'invite-emails', name: 'emails', rows: '3', spellcheck: 'false', autocomplete: 'off', 'aria-describedby': 'invite-emails-hint' } });
  const inviteButton = h('button', { class: 'button primary', attrs: { type: 'submit' } }, 'Send invitations');
  const inviteError = h('p', { class: 'form-error', attrs: { id: 'invite-error', role: 'alert' } });
  const inviteForm = h(
    'form',
    { class: 'instructor-form', attrs: { novalidate: '', 'aria-labelledby': 'invite-heading' } },
    h('h3', { attrs: { id: 'invite-heading' } }, 'Invite trainees'),
    h('div', { class: 'field' }, h('label', { attrs: { for: 'invite-emails' } }, 'Email addresses'), h('p', { class: 'field-hint', attrs: { id: 'invite-emails-hint' } }, 'One per line, or separated by commas. Each gets a one-time link to create an account and join.'), emails),
    inviteError,
    h('div', { class: 'form-actions' }, inviteButton),
  );
  inviteForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void intents.invite(emails.value).then((sent) => {
      if (sent) emails.value = '';
    });
  });
  lives.push(
    follow(store, (state) => state.open?.invites, (invites) => {
      if (!invites) return;
      inviteButton.disabled = invites.busy;
      inviteButton.textContent = invites.busy ? 'Sending…' : 'Send invitations';
      inviteError.textContent = invites.error ?? '';
      emails.setAttribute('aria-describedby', invites.error ? 'invite-emails-hint invite-error' : 'invite-emails-hint');
      emails.setAttribute('aria-invalid', String(invites.error !== null));
    }),
  );
  const inviteResults = live(
    h('div', { class: 'invite-results-slot' }),
    (open) => [open.invites.sent],
    (open) => (open.invites.sent.length === 0 ? null : inviteOutcomes(open, win)),
  );

  // Assignments.
  const version = h('select', { attrs: { id: 'assign-version', name: 'scenario' } });
  const due = h('input', { attrs: { id: 'assign-due', name: 'due', type: 'datetime-local', 'aria-describedby': 'assign-due-hint' } });
  const assignButton = h('button', { class: 'button primary', attrs: { type: 'submit' } }, 'Assign');
  const assignError = h('p', { class: 'form-error', attrs: { id: 'assign-error', role: 'alert' } });
  const assignForm = h(
    'form',
    { class: 'instructor-form assign-form', attrs: { novalidate: '', 'aria-labelledby': 'assign-heading' } },
    h('h3', { attrs: { id: 'assign-heading' } }, 'Assign a scenario'),
    h(
      'div',
      { class: 'assign-fields' },
      h('div', { class: 'field' }, h('label', { attrs: { for: 'assign-version' } }, 'Scenario version'), version),
      h('div', { class: 'field' }, h('label', { attrs: { for: 'assign-due' } }, 'Due (optional)'), h('p', { class: 'field-hint', attrs: { id: 'assign-due-hint' } }, 'Your local time.'), due),
    ),
    assignError,
    h('div', { class: 'form-actions' }, assignButton),
  );
  assignForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void intents.assign(version.value, due.value).then((assigned) => {
      if (assigned) due.value = '';
    });
  });
  lives.push(
    follow(store, (state) => state.versions, (versions) => {
      const chosen = version.value;
      replaceChildren(version, h('option', { attrs: { value: '' } }, versions.status === 'loading' ? 'Loading the scenarios…' : 'Choose a scenario…'), ...versions.items.map((item) => h('option', { attrs: { value: item.sha256 } }, versionLabel(item))));
      version.value = versions.items.some((item) => item.sha256 === chosen) ? chosen : '';
    }),
    follow(store, (state) => state.open?.assign, (assign) => {
      if (!assign) return;
      assignButton.disabled = assign.busy;
      assignButton.textContent = assign.busy ? 'Assigning…' : 'Assign';
      assignError.textContent = assign.error ?? '';
      describedBy(version, assign.error ? 'assign-error' : null);
    }),
  );
  const assignments = live(
    h('div', { class: 'cohort-assignments-slot' }),
    (open) => [open.assignments, open.status],
    (open) =>
      open.assignments.length === 0
        ? h('p', { class: 'panel-hint' }, open.status === 'loading' ? 'Loading…' : 'Nothing assigned yet.')
        : h('ul', { class: 'cohort-assignments', attrs: { 'aria-label': 'Assignments' } }, ...open.assignments.map((item) => assignmentItem(item))),
  );

  const results = live(
    h('section', { class: 'cohort-part cohort-results', attrs: { 'aria-labelledby': 'results-heading' } }),
    (open) => [open.results],
    (open) => resultsTable(open, handlers),
  );

  return h(
    'section',
    { class: 'panel instructor-cohort', attrs: { 'aria-labelledby': 'cohort-heading' } },
    head,
    h('div', { class: 'cohort-columns' }, h('div', { class: 'cohort-part' }, members, inviteForm, inviteResults), h('section', { class: 'cohort-part', attrs: { 'aria-labelledby': 'assignments-heading' } }, h('h3', { attrs: { id: 'assignments-heading' } }, 'Assignments'), assignments, assignForm)),
    results,
  );
}

function versionLabel(item: ScenarioVersion): string {
  return `${item.title} (${item.id} ${item.version})`;
}

function assignmentItem(item: Assignment): HTMLElement {
  const ms = item.dueAt === null ? NaN : Date.parse(item.dueAt);
  return h(
    'li',
    {},
    h('span', { class: 'assignment-title' }, versionLabel(item.scenario)),
    Number.isFinite(ms) ? h('span', { class: 'assignment-due' }, 'Due ', h('time', { attrs: { datetime: finishedAtIso(ms) } }, finishedAtText(ms))) : h('span', { class: 'assignment-due' }, 'No due date'),
  );
}

function inviteOutcomes(open: OpenCohort, win: Window): HTMLElement {
  const status = h('p', { class: 'invite-copy-status', attrs: { role: 'status' } });
  return h(
    'section',
    { class: 'invite-results', attrs: { 'aria-labelledby': 'invite-results-heading' } },
    h('h4', { attrs: { id: 'invite-results-heading' } }, 'Invitations sent'),
    h('p', { class: 'field-hint' }, 'Send each trainee their own link: it works once. The server does not email them.'),
    h(
      'ul',
      { class: 'invite-list', attrs: { 'aria-labelledby': 'invite-results-heading' } },
      ...open.invites.sent.map((outcome, index) => {
        if (outcome.refused !== undefined) return h('li', { class: 'invite-item' }, h('span', { class: 'invite-email' }, outcome.email), h('span', { class: 'invite-refused' }, `not added: ${outcome.refused}`));
        if (!outcome.link) return h('li', { class: 'invite-item' }, h('span', { class: 'invite-email' }, outcome.email), h('span', { class: 'invite-added' }, 'added (already had an account)'));
        const id = `invite-link-${index}`;
        const link = h('input', { class: 'invite-link', attrs: { id, type: 'text', readonly: '', value: outcome.link, 'aria-label': `Invitation link for ${outcome.email}`, spellcheck: 'false' } });
        link.addEventListener('focus', () => link.select());
        const copy = h('button', { class: 'button small', attrs: { type: 'button', 'data-focus': `copy:${outcome.email}`, 'aria-label': `Copy the link for ${outcome.email}` } }, 'Copy');
        copy.addEventListener('click', () => {
          const clipboard = win.navigator.clipboard as Clipboard | undefined;
          link.focus();
          link.select();
          if (!clipboard) {
            status.textContent = 'The link is selected: press Ctrl+C (or ⌘C) to copy it.';
            return;
          }
          clipboard.writeText(outcome.link!).then(
            () => (status.textContent = `Copied the link for ${outcome.email}.`),
            () => (status.textContent = 'The link is selected: press Ctrl+C (or ⌘C) to copy it.'),
          );
        });
        return h('li', { class: 'invite-item' }, h('span', { class: 'invite-email' }, outcome.email), h('span', { class: 'invite-link-row' }, link, copy));
      }),
    ),
    status,
  );
}

function resultsTable(open: OpenCohort, handlers: InstructorHandlers): HTMLElement {
  const list = open.results;
  const title = h('h3', { attrs: { id: 'results-heading' } }, 'Class results');
  if (list.status === 'loading' && list.items.length === 0) return h('div', {}, title, h('p', { class: 'list-loading', attrs: { role: 'status' } }, 'Loading the results…'));
  const problem = list.status === 'failed' ? h('p', { class: 'list-problem', attrs: { role: 'status' } }, list.error ?? '') : null;
  if (list.items.length === 0) return h('div', {}, title, problem, list.status === 'ready' ? h('p', { class: 'panel-hint' }, 'No finished attempts from this cohort yet.') : null);
  const rows = list.items.map((record) => {
    const entry = historyEntryOf(record);
    const who = record.trainee?.name ?? 'Unknown trainee';
    const open = h('button', { class: 'button small subtle', attrs: { type: 'button', 'data-focus': `result:${record.attemptId}`, 'aria-label': `Open the debrief: ${who}, ${entry.scenarioTitle}, ${finishedAtText(entry.finishedAt)}` } }, 'Debrief');
    open.addEventListener('click', () => handlers.openAttempt(record));
    return h(
      'tr',
      {},
      h('th', { attrs: { scope: 'row' } }, who),
      h('td', {}, entry.scenarioTitle),
      h('td', {}, h('time', { attrs: { datetime: finishedAtIso(entry.finishedAt) } }, finishedAtText(entry.finishedAt))),
      h('td', { class: 'numeric' }, `${Math.round(entry.percent)}%`),
      h('td', {}, h('span', { class: `result-verdict ${entry.passed ? 'is-passed' : 'is-failed'}` }, entry.passed ? 'Passed' : 'Failed')),
      h('td', {}, open),
    );
  });
  const exportLink = (format: 'csv' | 'xlsx', label: string) => h('a', { class: 'button small subtle', attrs: { href: `/api/exports/attempts.${format}?cohort=${encodeURIComponent(open.id)}`, download: '' } }, label);
  const download = h('p', { class: 'results-downloads' }, exportLink('csv', 'Download all as CSV'), ' ', exportLink('xlsx', 'Download all as a workbook'));
  return h(
    'div',
    {},
    title,
    problem,
    download,
    h(
      'div',
      { class: 'results-scroll' },
      h(
        'table',
        { class: 'results-table', attrs: { 'aria-labelledby': 'results-heading' } },
        h('thead', {}, h('tr', {}, ...['Trainee', 'Scenario', 'Finished', 'Score', 'Result'].map((label) => h('th', { attrs: { scope: 'col' } }, label)), h('th', { attrs: { scope: 'col' } }, h('span', { class: 'sr-only' }, 'Debrief')))),
        h('tbody', {}, ...rows),
      ),
    ),
    list.items.length >= 200 ? h('p', { class: 'panel-hint' }, 'The newest 200 attempts are shown.') : null,
  );
}

function publishPanel(store: AppStore, intents: InstructorIntents, lives: LiveSection[]): HTMLElement {
  const input = h('input', { class: 'file-input', attrs: { type: 'file', id: 'publish-file', accept: '.json,application/json', 'aria-describedby': 'publish-hint' } });
  let chosen: { name: string; text: string } | null = null;
  const local = h('p', { class: 'form-error', attrs: { id: 'publish-local-error', role: 'alert' } });
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    chosen = null;
    local.textContent = '';
    if (!file) return;
    readScenarioFile(file).then(
      (text) => (chosen = { name: file.name, text }),
      (error: unknown) => (local.textContent = unreadableMessage(file, error)),
    );
  });
  const checked = new Set<string>();
  const targets = h('fieldset', { class: 'publish-cohorts' });
  lives.push(
    follow(store, (state) => state.cohorts.items, (cohorts) => {
      replaceChildren(
        targets,
        h('legend', {}, 'Publish to cohorts'),
        cohorts.length === 0
          ? h('p', { class: 'field-hint' }, 'No cohorts yet: the file is stored, and can be assigned once a cohort exists.')
          : h(
              'div',
              { class: 'publish-cohort-list' },
              ...cohorts.map((cohort) => {
                const box = h('input', { attrs: { type: 'checkbox', id: `publish-to-${cohort.id}`, value: cohort.id } });
                box.checked = checked.has(cohort.id);
                box.addEventListener('change', () => (box.checked ? checked.add(cohort.id) : checked.delete(cohort.id)));
                return h('label', { class: 'check', attrs: { for: `publish-to-${cohort.id}` } }, box, cohort.name);
              }),
            ),
      );
    }),
  );
  const button = h('button', { class: 'button primary', attrs: { type: 'submit' } }, 'Publish');
  const form = h(
    'form',
    { class: 'instructor-form', attrs: { novalidate: '' } },
    h('div', { class: 'field' }, h('label', { attrs: { for: 'publish-file' } }, 'Scenario file'), h('p', { class: 'field-hint', attrs: { id: 'publish-hint' } }, 'A scenario .json file. The server checks it as bridge-drill check does, stores it and publishes it to the cohorts ticked.'), input),
    targets,
    local,
    h('div', { class: 'form-actions' }, button),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!chosen) {
      local.textContent = input.files?.[0] ? 'The file is still being read; try again in a moment.' : 'Choose a scenario file first.';
      input.focus();
      return;
    }
    local.textContent = '';
    void intents.publish(chosen.name, chosen.text, [...checked]);
  });
  lives.push(
    follow(store, (state) => state.publish.busy, (busy) => {
      button.disabled = busy;
      button.textContent = busy ? 'Checking and publishing…' : 'Publish';
    }),
  );
  const outcome = liveSection(
    store,
    h('div', { class: 'publish-outcome', attrs: { 'aria-live': 'polite' } }),
    (state) => [state.instructor?.publish],
    (state) => (state.instructor ? publishOutcome(state.instructor.publish) : null),
  );
  lives.push(outcome);
  return h('section', { class: 'panel instructor-publish', attrs: { 'aria-labelledby': 'publish-heading' } }, h('h2', { attrs: { id: 'publish-heading' } }, 'Publish a scenario file'), form, outcome.element);
}

function publishOutcome(publish: PublishState): HTMLElement | null {
  if (publish.busy || (!publish.error && !publish.published)) return null;
  const file = publish.file ?? 'scenario.json';
  if (publish.published) {
    const { scenario, warnings } = publish.published;
    return h(
      'div',
      { class: 'publish-done' },
      h('p', { class: 'publish-success' }, h('span', { attrs: { 'aria-hidden': 'true' } }, '✓ '), `Published “${scenario.title}” (${scenario.id} version ${scenario.version}).`),
      warnings.length > 0 ? h('p', { class: 'panel-hint' }, warnings.length === 1 ? '1 warning:' : `${warnings.length} warnings:`) : null,
      warnings.length > 0 ? diagnosticList(file, publish.text, warnings) : null,
    );
  }
  return h(
    'div',
    { class: 'publish-problem' },
    h('p', { class: 'form-error', attrs: { role: 'alert' } }, publish.error ?? ''),
    publish.diagnostics.length > 0 ? diagnosticList(file, publish.text, publish.diagnostics) : null,
    publish.diagnostics.length > MAX_SHOWN ? h('p', { class: 'panel-hint' }, `…and ${publish.diagnostics.length - MAX_SHOWN} more. Fix these first: later problems often follow from them.`) : null,
  );
}

/** Each problem as the command line prints it (`file:line:col: error CODE: message`), with the line it points at. */
function diagnosticList(file: string, text: string, diagnostics: PublishState['diagnostics']): HTMLElement {
  return h(
    'ol',
    { class: 'diagnostics', attrs: { 'aria-label': 'Problems in the file' } },
    ...diagnostics.slice(0, MAX_SHOWN).map((diagnostic) => {
      const frame = text === '' ? '' : codeFrame(text, diagnostic);
      return h('li', { class: `diagnostic ${diagnostic.severity}` }, h('code', {}, formatDiagnostic(file, { ...diagnostic, path: [] })), frame ? h('pre', { class: 'code-frame' }, frame) : null);
    }),
  );
}
