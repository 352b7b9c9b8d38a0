import type { PlayState } from '../../app/store.ts';
import { BRIDGE_PURPOSES, type BridgePurpose } from '../../core/actions/action.ts';
import { h } from '../dom.ts';
import { button, field, minutesInput, readMinutes, selectOf, setAttr, setHidden, syncOptions, textArea, uid, type Choice, type ChoiceGroup } from './controls.ts';
import { actionForm, createFeedback, rejectInput, sendIntent } from './feedback.ts';
import { createMoveForm } from './move-form.ts';
import { hint, section, type TabContent, type TabContext } from './section.ts';

const PURPOSE_LABEL: Readonly<Record<BridgePurpose, string>> = { technical: 'Technical', business: 'Business', customer: 'Customer' };

/** Taking command of the call: announce, roll call, commit to the next update, open bridges, escalate. */
export function createCommandTab(context: TabContext): TabContent {
  const { store, controller, compiled } = context;
  const { playbook, scenario } = compiled;

  const announceFeedback = createFeedback();
  const message = textArea(2, { placeholder: 'This is …, I am the incident manager and I am leading this bridge.' });
  const announce = actionForm(
    'hud-announce',
    () => {
      const text = message.value.trim();
      if (sendIntent(store, controller, { type: 'announce-role', ...(text ? { message: text } : {}) }, announceFeedback)) message.value = '';
    },
    field('Announcement (optional)', message),
    h(
      'div',
      { class: 'hud-actions' },
      button('Announce role', { type: 'submit', class: 'primary' }),
      button('Roll call', { onClick: () => sendIntent(store, controller, { type: 'roll-call' }, announceFeedback) }),
    ),
    announceFeedback.element,
  );

  const nextFeedback = createFeedback();
  const minutes = minutesInput();
  let minutesTouched = false;
  minutes.addEventListener('input', () => {
    minutesTouched = true;
  });
  const nextUpdate = actionForm(
    'hud-next-update',
    () => {
      const value = readMinutes(minutes);
      if (value === undefined || Number.isNaN(value)) return rejectInput(nextFeedback, minutes, 'Give the minutes until the next update, from 1 to 1440.');
      if (sendIntent(store, controller, { type: 'set-next-update', minutes: value }, nextFeedback)) minutesTouched = false;
    },
    h('div', { class: 'hud-inline' }, field('Minutes from now', minutes), button('Commit', { type: 'submit', class: 'primary' })),
    nextFeedback.element,
  );

  const bridgeFeedback = createFeedback();
  const bridge = selectOf(uid('bridge'), []);
  const purpose = selectOf(
    uid('purpose'),
    BRIDGE_PURPOSES.map((value) => ({ value, label: PURPOSE_LABEL[value] })),
  );
  const declaredPurpose = () => {
    const declared = compiled.bridges.get(bridge.value)?.purpose;
    if (declared) purpose.value = declared;
  };
  bridge.addEventListener('change', declaredPurpose);
  const bridgeFields = h('div', { class: 'hud-pair' }, field('Bridge', bridge), field('Purpose', purpose));
  const noBridge = hint('Every bridge in this scenario is open.');
  const openBridgeButton = button('Open bridge', { type: 'submit', class: 'primary' });
  const openBridge = actionForm(
    'hud-open-bridge',
    () => {
      if (!bridge.value) return bridgeFeedback.failed('Every bridge in this scenario is already open.');
      sendIntent(store, controller, { type: 'open-bridge', bridge: bridge.value, purpose: purpose.value as BridgePurpose }, bridgeFeedback);
    },
    bridgeFields,
    noBridge,
    openBridgeButton,
    bridgeFeedback.element,
  );

  const moveForm = createMoveForm(context);

  const escalateFeedback = createFeedback();
  const target = selectOf(uid('escalate'), []);
  const escalate = actionForm(
    'hud-escalate',
    () => {
      if (!target.value) return escalateFeedback.failed('There is nobody left to escalate to.');
      sendIntent(store, controller, { type: 'escalate', to: target.value }, escalateFeedback);
    },
    h('div', { class: 'hud-inline' }, field('Escalate to', target), button('Escalate', { type: 'submit', class: 'primary' })),
    escalateFeedback.element,
  );

  const noteFeedback = createFeedback();
  const noteText = textArea(2, { placeholder: 'What you want to remember for the report. Notes are kept in the log and never graded.' });
  const note = actionForm(
    'hud-note',
    () => {
      const text = noteText.value.trim();
      if (!text) return rejectInput(noteFeedback, noteText, 'Write the note first.');
      if (sendIntent(store, controller, { type: 'note', text }, noteFeedback)) noteText.value = '';
    },
    field('Scribe note', noteText),
    button('Add note', { type: 'submit' }),
    noteFeedback.element,
  );

  const panel = h(
    'div',
    {},
    section('Take command', announce),
    section('Next update', hint('Commit on the call to when stakeholders hear from you next.'), nextUpdate),
    section('Open a bridge', openBridge),
    section('Move someone to another bridge', moveForm.element),
    section('Escalate', escalate),
    section('Scribe notes', note),
  );

  const escalationChoices = (play: PlayState): (Choice | ChoiceGroup)[] => {
    const done = new Set(play.sim.escalations);
    const mark = (label: string, id: string) => (done.has(id) ? `${label} (escalated)` : label);
    const processes = (playbook.escalations ?? []).map((item) => ({ value: item.id, label: mark(item.name, item.id) }));
    const people = scenario.cast.map((person) => ({ value: person.id, label: mark(`${person.name}, ${person.role}${play.sim.participants[person.id]?.present ? ' (on the call)' : ''}`, person.id) }));
    return [...(processes.length ? [{ label: 'Processes and roles', choices: processes }] : []), { label: 'People', choices: people }];
  };

  return {
    panel,
    update(play) {
      if (!minutesTouched && document.activeElement !== minutes) {
        const level = playbook.levels.find((item) => item.id === play.sim.level);
        const suggested = String(level?.updateEveryMinutes ?? 30);
        if (minutes.value !== suggested) minutes.value = suggested;
      }

      const closed = scenario.bridges.filter((item) => !play.sim.bridges[item.id]);
      const before = bridge.value;
      syncOptions(
        bridge,
        closed.map((item) => ({ value: item.id, label: item.name })),
      );
      if (bridge.value !== before) declaredPurpose();
      const none = closed.length === 0;
      setHidden(noBridge, !none);
      setHidden(bridgeFields, none);
      setAttr(openBridgeButton, 'aria-disabled', none ? 'true' : null);

      moveForm.update(play);
      syncOptions(target, escalationChoices(play));
    },
  };
}
