import { canTeach } from '../../app/instructor-controller.ts';
import type { CreateOutcome } from '../../app/classroom/host-create.ts';
import type { CatalogScenario } from '../../app/catalog.ts';
import type { AccountState, AppStore } from '../../app/store.ts';
import { bdi, h } from '../dom.ts';
import './run-as-class.css';

/** What the form asks the server for (`POST /api/classrooms`). */
export interface RunAsClassRequest {
  readonly scenario: string;
  readonly mode: 'everyone' | 'vote';
  readonly exam: boolean;
  readonly anonymous: boolean;
  readonly lateJoin: boolean;
}

export interface RunAsClassDeps {
  readonly store: AppStore;
  readonly create: (request: RunAsClassRequest) => Promise<CreateOutcome>;
  /** After the server created it: keep the host key and open the projector page. */
  readonly opened: (created: Extract<CreateOutcome, { ok: true }>['created']) => void;
}

/** Whether the picker offers "Run as a class": `off` on a static host (no server) or before the account is known. */
export type ClassHosting = 'off' | 'explain' | 'on';

export function classHosting(account: AccountState): ClassHosting {
  if (account.status === 'unknown' || account.status === 'no-server') return 'off';
  return canTeach(account) ? 'on' : 'explain';
}

/** Why this person cannot run a class here, in words for them. */
export function whyNotHosting(account: AccountState): string {
  if (account.status === 'unreachable') return 'The server cannot be reached right now, so no classroom can be created. Try again when the page is back online.';
  if (account.status === 'signed-in') return 'Running a class needs an instructor account on this server. Your account is not one: an administrator can make you an instructor.';
  return 'Running a class needs an instructor account on this server. Sign in as an instructor (top right), then choose Run as a class again.';
}

let installed: { readonly deps: RunAsClassDeps; readonly root: HTMLElement } | null = null;

/**
 * Lets the picker's cards offer "Run as a class". The page installs it once it has a server to ask; each card
 * then gets the button, shown or hidden from `root`'s `data-class-hosting` as the account changes.
 */
export function installRunAsClass(deps: RunAsClassDeps, root: HTMLElement = document.documentElement): () => void {
  installed = { deps, root };
  const show = (account: AccountState) => {
    root.dataset.classHosting = classHosting(account);
  };
  show(deps.store.getState().account);
  const unsubscribe = deps.store.subscribe((state, previous) => {
    if (state.account !== previous.account) show(state.account);
  });
  return () => {
    unsubscribe();
    delete root.dataset.classHosting;
    installed = null;
  };
}

/** The card's "Run as a class" button and its form; null when the page has no server to run classes on. */
export function runAsClassFor(entry: CatalogScenario): HTMLElement | null {
  if (!installed) return null;
  const { deps } = installed;
  const { scenario } = entry;
  const panel = h('div', { class: 'run-as-class-panel' });
  panel.hidden = true;
  const button = h('button', { class: 'button subtle run-as-class-open', attrs: { type: 'button', 'aria-expanded': 'false', 'aria-label': `Run as a class: ${scenario.title}` } }, 'Run as a class');
  const close = () => {
    panel.hidden = true;
    panel.replaceChildren();
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  };
  button.addEventListener('click', () => {
    if (!panel.hidden) return close();
    const account = deps.store.getState().account;
    panel.replaceChildren(canTeach(account) ? renderRunAsClassForm(scenario.id, scenario.title, deps, close) : h('p', { class: 'run-as-class-why', attrs: { role: 'status' } }, whyNotHosting(account)));
    panel.hidden = false;
    button.setAttribute('aria-expanded', 'true');
    panel.querySelector<HTMLElement>('input')?.focus();
  });
  return h('div', { class: 'run-as-class' }, button, panel);
}

let formCount = 0;

/** The small form: how the class plays, coach or exam, an anonymous leaderboard, late joining; then the request. */
export function renderRunAsClassForm(scenarioId: string, title: string, deps: Pick<RunAsClassDeps, 'create' | 'opened'>, cancel: () => void): HTMLFormElement {
  const id = `rac-${++formCount}`;
  const radio = (name: string, value: string, label: string, hint: string, checked: boolean) => {
    const input = h('input', { attrs: { type: 'radio', name: `${id}-${name}`, value, id: `${id}-${name}-${value}` } });
    input.checked = checked;
    return h('label', { class: 'rac-choice', attrs: { for: input.id } }, input, h('span', {}, h('strong', {}, label), h('span', { class: 'rac-hint' }, hint)));
  };
  const check = (name: string, label: string, checked: boolean) => {
    const input = h('input', { attrs: { type: 'checkbox', name: `${id}-${name}`, id: `${id}-${name}` } });
    input.checked = checked;
    return h('label', { class: 'rac-check', attrs: { for: input.id } }, input, label);
  };
  const error = h('p', { class: 'form-error rac-error', attrs: { role: 'alert' } });
  const submit = h('button', { class: 'button primary', attrs: { type: 'submit' } }, 'Create classroom');
  const back = h('button', { class: 'button ghost', attrs: { type: 'button' } }, 'Cancel');
  back.addEventListener('click', cancel);
  const form = h(
    'form',
    { class: 'rac-form', attrs: { 'aria-label': `Run ${title} as a class` } },
    h('p', { class: 'rac-scenario' }, 'Scenario: ', h('strong', {}, bdi(title))),
    h('fieldset', {}, h('legend', {}, 'How the class plays'), radio('mode', 'everyone', 'Everyone plays', 'each trainee on their own bridge, on your clock', true), radio('mode', 'vote', 'The class votes', 'one shared bridge; the class votes on each question', false)),
    h('fieldset', {}, h('legend', {}, 'Mode'), radio('exam', 'coach', 'Coach', 'due times and hints on each device', true), radio('exam', 'exam', 'Exam', 'no hints; nothing is done while paused', false)),
    check('anonymous', 'Anonymous leaderboard (no names on the projector’s results)', false),
    check('late', 'Let people join after the start', true),
    error,
    h('div', { class: 'rac-actions' }, back, submit),
  );
  const value = (name: string) => form.querySelector<HTMLInputElement>(`input[name="${id}-${name}"]:checked`)?.value;
  const checked = (name: string) => form.querySelector<HTMLInputElement>(`#${id}-${name}`)?.checked ?? false;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (submit.disabled) return;
    const request: RunAsClassRequest = { scenario: scenarioId, mode: value('mode') === 'vote' ? 'vote' : 'everyone', exam: value('exam') === 'exam', anonymous: checked('anonymous'), lateJoin: checked('late') };
    submit.disabled = true;
    submit.textContent = 'Creating…';
    error.textContent = '';
    void deps.create(request).then((outcome) => {
      if (outcome.ok) {
        deps.opened(outcome.created);
        return;
      }
      submit.disabled = false;
      submit.textContent = 'Create classroom';
      error.textContent = outcome.message;
    });
  });
  return form;
}
