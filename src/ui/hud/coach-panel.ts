import type { AppStore, CoachItem, PlayState } from '../../app/store.ts';
import { h } from '../dom.ts';
import { setHidden, setText, uid } from './controls.ts';
import { formatCountdown } from './format.ts';
import { mountPlayView, type HudPanel } from './panel.ts';
import './hud.css';

const STATUS_LABEL: Readonly<Record<CoachItem['status'], string>> = { due: 'Due', overdue: 'Overdue', done: 'Done', late: 'Done late', 'too-late': 'Too late' };

/** Coach mode's list of what the playbook expects and by when. Exam mode shows nothing. */
export function renderCoachPanel(store: AppStore): HudPanel {
  const headingId = uid('coach-heading');
  const element = h('section', { class: 'hud-panel hud-coach', attrs: { 'aria-labelledby': headingId } });
  return mountPlayView(store, element, () => {
    const list = h('ol', { class: 'hud-coach-list' });
    const empty = h('p', { class: 'hud-hint' }, 'Nothing is due right now.');
    const items = new Map<string, CoachRow>();
    const body = h(
      'div',
      {},
      h('div', { class: 'hud-panel-head' }, h('h2', { attrs: { id: headingId } }, 'Coach'), h('span', { class: 'hud-hint' }, 'What the playbook expects')),
      empty,
      list,
    );
    return {
      element: body,
      update(play) {
        const exam = play.mode !== 'coach';
        setHidden(element, exam);
        if (exam) return;
        const seen = new Set<string>();
        play.coach.forEach((item, index) => {
          seen.add(item.id);
          let row = items.get(item.id);
          if (!row) {
            row = coachRow();
            items.set(item.id, row);
          }
          if (list.children[index] !== row.element) list.insertBefore(row.element, list.children[index] ?? null);
          row.update(item, play);
        });
        for (const [id, row] of items) {
          if (!seen.has(id)) {
            row.element.remove();
            items.delete(id);
          }
        }
        setHidden(empty, play.coach.length > 0);
      },
    };
  });
}

interface CoachRow {
  readonly element: HTMLLIElement;
  update(item: CoachItem, play: PlayState): void;
}

function coachRow(): CoachRow {
  const title = h('span', { class: 'hud-coach-title' });
  const status = h('span', { class: 'hud-coach-status' });
  const due = h('span', { class: 'hud-coach-due' });
  const hintText = h('p', { class: 'hud-coach-hint' });
  const reference = h('p', { class: 'hud-coach-ref' });
  const element = h('li', { class: 'hud-coach-item' }, h('div', { class: 'hud-coach-top' }, title, status), due, hintText, reference);
  return {
    element,
    update(item, play) {
      element.dataset.status = item.status;
      setText(title, item.title);
      setText(status, STATUS_LABEL[item.status]);
      setText(due, dueLabel(item, play));
      setText(hintText, item.hint);
      setHidden(hintText, item.hint === '');
      setText(reference, item.reference);
      setHidden(reference, item.reference === '');
    },
  };
}

function dueLabel(item: CoachItem, play: PlayState): string {
  if (item.dueAt === null) return 'By the end of the exercise';
  const at = play.compiled.clock.format(item.dueAt);
  if (item.status === 'done') return `Was due ${at}`;
  if (item.status === 'late') return `Was due ${at}: done after that, so the debrief counts it late`;
  if (item.status === 'too-late') return `Was due ${at}: done too late to earn points, so the debrief counts it missed`;
  const left = item.dueAt - play.sim.now;
  return left >= 0 ? `Due ${at} · in ${formatCountdown(left)}` : `Was due ${at} · ${formatCountdown(left)} ago`;
}
