import type { TraineeState } from '../../app/classroom/trainee-state.ts';
import { h } from '../dom.ts';
import { setAttr, setHidden, setText } from '../hud/controls.ts';
import '../account.css';
import './trainee.css';

export interface JoinFormIntents {
  join(code: string, name: string): void;
}

export interface JoinFormView {
  readonly element: HTMLElement;
  update(state: TraineeState): void;
}

/**
 * Joining a classroom: the code (already filled in from a join link, and then out of the way) and a name.
 * What the server said was wrong shows under the field it is about, in its own words, never a code or a trace.
 */
export function renderJoinForm(intents: JoinFormIntents, first: TraineeState): JoinFormView {
  const codeInput = h('input', {
    attrs: { id: 'join-code', name: 'code', autocomplete: 'off', autocapitalize: 'characters', spellcheck: 'false', maxlength: '12', inputmode: 'text', 'aria-describedby': 'join-code-hint join-code-error' },
  });
  codeInput.value = first.form.code;
  const nameInput = h('input', {
    attrs: { id: 'join-name', name: 'name', autocomplete: 'name', autocapitalize: 'words', maxlength: '40', enterkeyhint: 'go', 'aria-describedby': 'join-name-hint join-name-error' },
  });
  nameInput.value = first.form.name;
  const codeError = h('p', { class: 'field-error', attrs: { id: 'join-code-error' } });
  const nameError = h('p', { class: 'field-error', attrs: { id: 'join-name-error' } });
  const formError = h('p', { class: 'form-error', attrs: { role: 'alert' } });
  const codeField = h(
    'div',
    { class: 'field' },
    h('label', { attrs: { for: 'join-code' } }, 'Join code'),
    h('p', { class: 'field-hint', attrs: { id: 'join-code-hint' } }, '6 letters and digits, as the projector shows it.'),
    codeInput,
    codeError,
  );
  const submit = h('button', { class: 'button primary trainee-join-button', attrs: { type: 'submit' } }, 'Join');
  const eyebrow = h('p', { class: 'eyebrow' });
  const title = h('h1', { attrs: { id: 'join-title', tabindex: '-1' } });
  const form = h(
    'form',
    { class: 'trainee-join-form', attrs: { novalidate: '', 'aria-labelledby': 'join-title' } },
    codeField,
    h(
      'div',
      { class: 'field' },
      h('label', { attrs: { for: 'join-name' } }, 'Your name'),
      h('p', { class: 'field-hint', attrs: { id: 'join-name-hint' } }, 'As the class knows you. No account needed.'),
      nameInput,
      nameError,
    ),
    formError,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (submit.getAttribute('aria-disabled') === 'true') return;
    intents.join(codeInput.value, nameInput.value);
  });
  const element = h(
    'section',
    { class: 'panel trainee-card trainee-join' },
    eyebrow,
    title,
    h('p', { class: 'panel-hint' }, 'If you are signed in, your result is kept in your account as well.'),
    form,
  );

  let errorsShown: TraineeState['form']['errors'] | null = null;
  return {
    element,
    update(state) {
      const { form: typed, info } = state;
      setText(eyebrow, info ? `Classroom ${info.code}` : 'Classroom');
      setText(title, info ? info.scenario.title : 'Join your class');
      // With a known code from the link, only the name is asked for.
      setHidden(codeField, info !== null && typed.errors.code === undefined);
      setText(codeError, typed.errors.code ?? '');
      setText(nameError, typed.errors.name ?? '');
      setText(formError, typed.errors.form ?? '');
      setAttr(codeInput, 'aria-invalid', typed.errors.code ? 'true' : null);
      setAttr(nameInput, 'aria-invalid', typed.errors.name ? 'true' : null);
      setAttr(submit, 'aria-disabled', typed.busy ? 'true' : null);
      setText(submit, typed.busy ? 'Joining…' : 'Join');
      if (typed.errors !== errorsShown) {
        errorsShown = typed.errors;
        if (typed.errors.code) codeInput.focus();
        else if (typed.errors.name) nameInput.focus();
      }
    },
  };
}
