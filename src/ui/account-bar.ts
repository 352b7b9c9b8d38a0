import type { AccountIntents } from '../app/account-intents.ts';
import type { AccountState, AppState, AppStore } from '../app/store.ts';
import { canTeach } from '../app/instructor-controller.ts';
import { canSeeResults } from '../app/results/results-state.ts';
import { h, replaceChildren } from './dom.ts';
import { navigateOnClick } from './router.ts';
import './account.css';

export interface AccountBar {
  readonly element: HTMLElement;
  dispose(): void;
}

const ROLE_LABELS: Record<string, string> = { admin: 'Administrator', hr: 'HR', instructor: 'Instructor', trainee: 'Trainee' };

/**
 * The account corner of the page header: "Sign in" with its form, who is signed in with "Sign out", or "Playing
 * offline" when the results server cannot be reached. With no results server at all it shows nothing. The form is
 * built once, so what the person has typed survives every change of the store.
 */
export interface AccountBarOptions {
  readonly afterSignIn?: () => void;
  /** The instructor's screen, linked for instructors and admins only. */
  readonly instructor?: { readonly href: string; open(): void };
  /** The results area, linked for HR, admins and instructors. */
  readonly results?: { readonly href: string; open(): void };
}

export function renderAccountBar(store: AppStore, account: AccountIntents, options: AccountBarOptions = {}): AccountBar {
  const element = h('div', { class: 'account-bar' });
  const form = signInForm(account);
  const toggle = h('button', { class: 'button small', attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'sign-in-panel' } }, 'Sign in');
  const panel = h('section', { class: 'sign-in-panel', attrs: { id: 'sign-in-panel', 'aria-labelledby': 'sign-in-heading' } }, form.element);
  panel.hidden = true;

  const setOpen = (open: boolean, focus: 'field' | 'toggle' | 'none' = 'none') => {
    panel.hidden = !open;
    toggle.setAttribute('aria-expanded', String(open));
    if (!open) account.dismissSignInError();
    if (focus === 'field') form.email.focus();
    if (focus === 'toggle') toggle.focus();
  };
  toggle.addEventListener('click', () => setOpen(panel.hidden, panel.hidden ? 'field' : 'none'));
  form.cancel.addEventListener('click', () => setOpen(false, 'toggle'));
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    setOpen(false, 'toggle');
  });

  let shownStatus: AccountState | null = null;
  const update = (state: AppState, previous: AppState | null) => {
    form.update(state);
    if (state.account === shownStatus) return;
    shownStatus = state.account;
    const hadFocus = element.contains(element.ownerDocument.activeElement);
    replaceChildren(element, ...statusView(state.account, account, toggle, panel, options));
    element.dataset.status = state.account.status;
    if (state.account.status === 'signed-in' && previous?.account.status !== 'signed-in') {
      form.reset();
      setOpen(false);
      if (hadFocus) options.afterSignIn?.();
    }
  };
  update(store.getState(), null);
  const unsubscribe = store.subscribe((state, previous) => update(state, previous));
  return { element, dispose: unsubscribe };
}

function statusView(state: AccountState, account: AccountIntents, toggle: HTMLElement, panel: HTMLElement, { instructor, results }: AccountBarOptions): HTMLElement[] {
  if (state.status === 'signed-out') return [toggle, panel];
  if (state.status === 'signed-in') {
    const signOut = h('button', { class: 'button small ghost', attrs: { type: 'button' } }, 'Sign out');
    signOut.addEventListener('click', () => void account.signOut());
    const role = state.user.role === 'trainee' ? null : ROLE_LABELS[state.user.role];
    const teach = instructor && canTeach(state) ? navigateOnClick(h('a', { class: 'button small subtle', attrs: { href: instructor.href } }, 'Instructor'), () => instructor.open()) : null;
    const analyse = results && canSeeResults(state) ? navigateOnClick(h('a', { class: 'button small subtle', attrs: { href: results.href } }, 'Results'), () => results.open()) : null;
    return [
      ...(analyse ? [analyse] : []),
      ...(teach ? [teach] : []),
      h('p', { class: 'account-who', attrs: { role: 'status' } }, h('span', { class: 'account-label' }, 'Signed in as '), h('strong', {}, state.user.name || state.user.email), role ? h('span', { class: 'account-role' }, ` · ${role}`) : null),
      signOut,
    ];
  }
  if (state.status === 'unreachable') {
    const retry = h('button', { class: 'button small ghost', attrs: { type: 'button' } }, 'Try again');
    retry.addEventListener('click', () => account.retry());
    return [
      h(
        'p',
        { class: 'account-offline', attrs: { role: 'status', title: 'The results server cannot be reached. Everything still works; finished attempts are kept on this device.' } },
        h('span', { class: 'account-dot', attrs: { 'aria-hidden': 'true' } }),
        'Playing offline',
        h('span', { class: 'sr-only' }, '. The results server cannot be reached; finished attempts are kept on this device.'),
      ),
      retry,
    ];
  }
  return [];
}

interface SignInForm {
  readonly element: HTMLFormElement;
  readonly email: HTMLInputElement;
  readonly cancel: HTMLButtonElement;
  update(state: AppState): void;
  reset(): void;
}

function signInForm(account: AccountIntents): SignInForm {
  const email = h('input', { attrs: { id: 'sign-in-email', type: 'email', name: 'email', autocomplete: 'username', required: '', spellcheck: 'false' } });
  const password = h('input', { attrs: { id: 'sign-in-password', type: 'password', name: 'password', autocomplete: 'current-password', required: '' } });
  const error = h('p', { class: 'form-error', attrs: { id: 'sign-in-error', role: 'alert' } });
  const submit = h('button', { class: 'button primary', attrs: { type: 'submit' } }, 'Sign in');
  const cancel = h('button', { class: 'button subtle', attrs: { type: 'button' } }, 'Cancel');
  const element = h(
    'form',
    { class: 'sign-in-form', attrs: { novalidate: '' } },
    h('h2', { attrs: { id: 'sign-in-heading' } }, 'Sign in to your account'),
    h('p', { class: 'panel-hint' }, 'Your finished attempts are then kept in your account, and your instructor’s assignments show here.'),
    h('div', { class: 'field' }, h('label', { attrs: { for: 'sign-in-email' } }, 'Email'), email),
    h('div', { class: 'field' }, h('label', { attrs: { for: 'sign-in-password' } }, 'Password'), password),
    error,
    h('div', { class: 'form-actions' }, submit, cancel),
  );
  let missing: string | null = null;
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    missing = email.value.trim() === '' ? 'Enter your email address.' : password.value === '' ? 'Enter your password.' : null;
    if (missing !== null) {
      showError(missing);
      (email.value.trim() === '' ? email : password).focus();
      return;
    }
    void account.signIn(email.value, password.value);
  });
  const showError = (text: string | null) => {
    error.textContent = text ?? '';
    for (const input of [email, password]) {
      if (text) input.setAttribute('aria-describedby', 'sign-in-error');
      else input.removeAttribute('aria-describedby');
    }
  };
  return {
    element,
    email,
    cancel,
    update(state) {
      submit.disabled = state.signIn.busy;
      submit.textContent = state.signIn.busy ? 'Signing in…' : 'Sign in';
      element.setAttribute('aria-busy', String(state.signIn.busy));
      if (state.signIn.busy) missing = null;
      showError(state.signIn.error ?? missing);
    },
    reset() {
      password.value = '';
      missing = null;
      showError(null);
    },
  };
}
