import type { AccountIntents } from '../app/account-intents.ts';
import type { AppState, AppStore, WelcomeState } from '../app/store.ts';
import { h, replaceChildren } from './dom.ts';
import { linkTo, navigateOnClick, type Navigate } from './router.ts';
import './account.css';

export interface WelcomePage {
  readonly element: HTMLElement;
  dispose(): void;
}

interface Field {
  readonly name: 'email' | 'name' | 'password' | 'repeat';
  readonly label: string;
  readonly type: string;
  readonly autocomplete: string;
  readonly hint?: string;
}

const EMAIL: Field = { name: 'email', label: 'Email', type: 'email', autocomplete: 'username', hint: 'You sign in with this address.' };
const NAME: Field = { name: 'name', label: 'Your name', type: 'text', autocomplete: 'name', hint: 'As it should appear on your debriefs and reports.' };
const PASSWORD: Field = { name: 'password', label: 'Password', type: 'password', autocomplete: 'new-password' };
const REPEAT: Field = { name: 'repeat', label: 'Repeat the password', type: 'password', autocomplete: 'new-password' };

/** What each kind of page asks for and says. */
function copyOf(welcome: WelcomeState): { eyebrow: string; title: string; intro: string; fields: readonly Field[]; submit: string } {
  if (welcome.kind === 'setup')
    return {
      eyebrow: 'First-time setup',
      title: 'Set up Bridge Drill',
      intro: 'Create the first administrator account for this server. This link works once; afterwards, administrators add everyone else.',
      fields: [EMAIL, NAME, PASSWORD, REPEAT],
      submit: 'Create the administrator account',
    };
  if (welcome.kind === 'reset')
    return { eyebrow: 'Password reset', title: 'Set a new password', intro: `Choose a new password for ${welcome.email ?? 'your account'}. You are signed out everywhere else.`, fields: [PASSWORD, REPEAT], submit: 'Set the new password' };
  return {
    eyebrow: 'Invitation',
    title: welcome.cohort ? `Join ${welcome.cohort.name}` : 'Create your account',
    intro: `You were invited as ${welcome.email ?? 'a trainee'}${welcome.cohort ? ` to the cohort “${welcome.cohort.name}”` : ''}. Choose your name and a password to start.`,
    fields: [NAME, PASSWORD, REPEAT],
    submit: 'Create my account',
  };
}

/**
 * The first-visit pages: the first administrator's setup, a trainee's invitation and a password reset. The form is
 * built once per link, so what is typed survives the server's answers; errors come from the server's `detail`.
 */
export function renderWelcomePage(store: AppStore, account: AccountIntents, navigate: Navigate): WelcomePage {
  const element = h('section', { class: 'welcome' });
  let shown: { token: string; phase: WelcomeState['phase']; kind: WelcomeState['kind'] } | null = null;
  let form: ReturnType<typeof welcomeForm> | null = null;

  const update = (state: AppState) => {
    const welcome = state.welcome;
    if (!welcome) return;
    const formPhase = welcome.phase === 'ready' || welcome.phase === 'saving';
    const sameForm = shown && form && shown.token === welcome.token && shown.kind === welcome.kind && formPhase && (shown.phase === 'ready' || shown.phase === 'saving');
    if (sameForm && form) {
      form.update(welcome);
    } else if (!shown || shown.token !== welcome.token || shown.phase !== welcome.phase || shown.kind !== welcome.kind) {
      form = formPhase ? welcomeForm(welcome, account) : null;
      replaceChildren(element, form ? form.element : statusPage(welcome, account, navigate));
      form?.update(welcome);
      element.querySelector<HTMLElement>('h1')?.focus();
    }
    shown = { token: welcome.token, phase: welcome.phase, kind: welcome.kind };
  };
  update(store.getState());
  const unsubscribe = store.subscribe((state) => update(state));
  return { element, dispose: unsubscribe };
}

function header(eyebrow: string, title: string, intro: string | null): HTMLElement {
  return h('header', { class: 'hero welcome-head' }, h('p', { class: 'eyebrow' }, eyebrow), h('h1', { attrs: { tabindex: '-1' } }, title), intro ? h('p', { class: 'lede' }, intro) : null);
}

function toScenarios(navigate: Navigate, label = 'Go to the scenarios', primary = false): HTMLAnchorElement {
  return navigateOnClick(h('a', { class: `button ${primary ? 'primary' : 'subtle'}`, attrs: { href: linkTo(null) } }, label), () => navigate(null));
}

function statusPage(welcome: WelcomeState, account: AccountIntents, navigate: Navigate): HTMLElement {
  if (welcome.phase === 'checking') return h('div', { class: 'welcome-body', attrs: { 'aria-busy': 'true' } }, header('One moment', 'Checking your link…', null));
  if (welcome.phase === 'done') {
    const what = welcome.kind === 'reset' ? 'Your new password is set and you are signed in.' : welcome.kind === 'setup' ? 'The administrator account is ready and you are signed in.' : 'Your account is ready and you are signed in.';
    return h('div', { class: 'welcome-body' }, header('All set', 'You are signed in', `${what} Your finished attempts are kept in your account from now on.`), h('p', { class: 'welcome-actions' }, toScenarios(navigate, 'Choose a scenario', true)));
  }
  const retry = h('button', { class: 'button', attrs: { type: 'button' } }, 'Try again');
  retry.addEventListener('click', () => void account.openWelcome(welcome.kind === 'setup' ? 'setup' : 'invite', welcome.token));
  const title = welcome.phase === 'unreachable' ? 'The server cannot be reached' : 'This link cannot be used';
  return h(
    'div',
    { class: 'welcome-body' },
    header(welcome.kind === 'setup' ? 'First-time setup' : 'Invitation', title, null),
    h('p', { class: 'welcome-problem', attrs: { role: 'alert' } }, welcome.error ?? ''),
    h('p', { class: 'welcome-actions' }, welcome.phase === 'unreachable' ? retry : null, toScenarios(navigate, 'Play without an account')),
  );
}

function welcomeForm(welcome: WelcomeState, account: AccountIntents): { element: HTMLElement; update(welcome: WelcomeState): void } {
  const copy = copyOf(welcome);
  const inputs = new Map<Field['name'], HTMLInputElement>();
  const errors = new Map<Field['name'], HTMLElement>();
  const rows = copy.fields.map((field) => {
    const id = `welcome-${field.name}`;
    const input = h('input', { attrs: { id, name: field.name, type: field.type, autocomplete: field.autocomplete, required: '', ...(field.type === 'email' ? { spellcheck: 'false' } : {}) } });
    const hint = field.hint ? h('p', { class: 'field-hint', attrs: { id: `${id}-hint` } }, field.hint) : null;
    const error = h('p', { class: 'field-error', attrs: { id: `${id}-error` } });
    if (field.name === 'name' && welcome.name) input.value = welcome.name;
    if (field.name === 'email' && welcome.email) input.value = welcome.email;
    inputs.set(field.name, input);
    errors.set(field.name, error);
    return h('div', { class: 'field' }, h('label', { attrs: { for: id } }, field.label), hint, input, error);
  });
  const problem = h('p', { class: 'form-error', attrs: { role: 'alert' } });
  const submit = h('button', { class: 'button primary', attrs: { type: 'submit' } }, copy.submit);
  const form = h('form', { class: 'panel welcome-form', attrs: { novalidate: '', 'aria-labelledby': 'welcome-title' } }, ...rows, problem, h('div', { class: 'form-actions' }, submit));
  let local: Partial<Record<Field['name'], string>> = {};

  const showErrors = (server: Readonly<Record<string, string>>) => {
    for (const field of copy.fields) {
      const input = inputs.get(field.name)!;
      const error = errors.get(field.name)!;
      const text = local[field.name] ?? server[field.name] ?? '';
      error.textContent = text;
      input.setAttribute('aria-invalid', String(text !== ''));
      const describedBy = [field.hint ? `${input.id}-hint` : null, text !== '' ? error.id : null].filter((id) => id !== null);
      if (describedBy.length > 0) input.setAttribute('aria-describedby', describedBy.join(' '));
      else input.removeAttribute('aria-describedby');
    }
  };
  let current = welcome;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const value = (name: Field['name']) => inputs.get(name)?.value ?? '';
    local = {};
    if (inputs.has('email') && value('email').trim() === '') local.email = 'Enter an email address.';
    if (inputs.has('name') && value('name').trim() === '') local.name = 'Enter your name.';
    if (value('password') === '') local.password = 'Choose a password.';
    else if (value('repeat') !== value('password')) local.repeat = 'The two passwords are not the same.';
    showErrors(current.fieldErrors);
    const first = copy.fields.find((field) => local[field.name] !== undefined);
    if (first) {
      inputs.get(first.name)?.focus();
      return;
    }
    void account.completeWelcome({
      ...(inputs.has('email') ? { email: value('email') } : {}),
      ...(inputs.has('name') ? { name: value('name') } : {}),
      password: value('password'),
    });
  });

  const title = h('h1', { attrs: { id: 'welcome-title', tabindex: '-1' } }, copy.title);
  const element = h('div', { class: 'welcome-body' }, h('header', { class: 'hero welcome-head' }, h('p', { class: 'eyebrow' }, copy.eyebrow), title, h('p', { class: 'lede' }, copy.intro)), form);
  return {
    element,
    update(next) {
      current = next;
      const saving = next.phase === 'saving';
      submit.disabled = saving;
      submit.textContent = saving ? 'Saving…' : copy.submit;
      form.setAttribute('aria-busy', String(saving));
      if (saving) local = {};
      problem.textContent = next.error ?? '';
      showErrors(next.fieldErrors);
    },
  };
}
