import type { PlayState } from '../../app/store.ts';
import { fillTemplate, placeholdersIn } from '../../core/playbook/templates.ts';
import { h } from '../dom.ts';
import { button, field, selectOf, setHidden, setText, syncOptions, textArea, uid, type Choice } from './controls.ts';
import { templateFacts } from './facts.ts';
import { actionForm, createFeedback, rejectInput, sendIntent } from './feedback.ts';
import { section, type TabContent, type TabContext } from './section.ts';

const FREE_TEXT = '';

/** The notification composer: audience, channel, one of the playbook's templates filled from what is known, and free text. */
export function createNotifyTab({ store, controller, compiled }: TabContext): TabContent {
  const { playbook } = compiled;
  const feedback = createFeedback();
  let latest: PlayState | null = store.getState().play;

  const audience = selectOf(
    uid('audience'),
    playbook.audiences.map((item) => ({ value: item.id, label: item.name })),
  );
  // No channel is preset: each audience's channel is a choice of its own, never the last one carried over.
  const channel = selectOf(uid('channel'), [{ value: '', label: 'Choose a channel…' }, ...playbook.channels.map((item) => ({ value: item.id, label: item.name }))]);
  const template = selectOf(uid('template'), []);
  const message = textArea(5, { placeholder: 'Pick a template or write the message.' });
  const blanksList = h('span', {});
  const nextBlank = button('Go to next blank', { class: 'subtle small' });
  // Drafting, not acting: it stays usable while an exam is paused.
  nextBlank.dataset.drafting = '';
  const blanks = h('p', { class: 'hud-blanks' }, 'Still to fill in: ', blanksList, ' ', nextBlank);

  const templateChoices = (): Choice[] => {
    const facts = latest ? templateFacts(latest) : {};
    return [
      { value: FREE_TEXT, label: 'No template: free text' },
      ...(playbook.templates ?? []).filter((item) => item.audience === audience.value).map((item) => ({ value: item.id, label: fillTemplate(item.title, facts).text })),
    ];
  };

  const showBlanks = () => {
    const names = placeholdersIn(message.value);
    setText(blanksList, names.map((name) => `{${name}}`).join(', '));
    setHidden(blanks, names.length === 0);
  };

  // A confirmation or a problem is about the message last sent to one audience by one channel; a new one starts clean.
  for (const control of [audience, channel, template]) control.addEventListener('change', () => feedback.clear());
  message.addEventListener('input', () => feedback.clear());
  audience.addEventListener('change', () => {
    syncOptions(template, templateChoices());
    channel.value = '';
  });
  template.addEventListener('change', () => {
    const chosen = playbook.templates?.find((item) => item.id === template.value);
    if (!chosen || !latest) return;
    message.value = fillTemplate(chosen.text, templateFacts(latest)).text;
    showBlanks();
  });
  message.addEventListener('input', showBlanks);
  nextBlank.addEventListener('click', () => {
    const from = message.selectionEnd ?? 0;
    const pattern = /\{[A-Za-z][A-Za-z0-9_-]*\}/g;
    pattern.lastIndex = from;
    const match = pattern.exec(message.value) ?? /\{[A-Za-z][A-Za-z0-9_-]*\}/.exec(message.value);
    message.focus();
    if (match) message.setSelectionRange(match.index, match.index + match[0].length);
  });

  const form = actionForm(
    'hud-notify',
    () => {
      const text = message.value.trim();
      if (!text) return rejectInput(feedback, message, 'Write the message first, or pick a template.');
      if (!channel.value) return rejectInput(feedback, channel, `Choose how ${playbook.audiences.find((item) => item.id === audience.value)?.name ?? 'they'} should hear it.`);
      if (sendIntent(store, controller, { type: 'notify', audience: audience.value, channel: channel.value, message: text }, feedback)) {
        message.value = '';
        template.value = FREE_TEXT;
        channel.value = '';
        showBlanks();
      }
    },
    h('div', { class: 'hud-pair' }, field('Audience', audience), field('Channel', channel)),
    field('Template', template, 'Fills in what is known; edit the rest.'),
    field('Message', message),
    blanks,
    button('Send notification', { type: 'submit', class: 'primary' }),
    feedback.element,
  );
  setHidden(blanks, true);

  return {
    panel: h('div', {}, section('Notify', form)),
    update(play) {
      latest = play;
      // Template titles carry the level; refresh them only when it changes, never while the list is open.
      if (template.dataset.level !== (play.sim.level ?? '') && document.activeElement !== template) {
        template.dataset.level = play.sim.level ?? '';
        syncOptions(template, templateChoices());
      }
    },
  };
}
