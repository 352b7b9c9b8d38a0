import type { RoomSnapshot } from '../../app/classroom/classroom-types.ts';
import type { CompiledScenario } from '../../core/scenario/compiled.ts';
import { bdi, h } from '../dom.ts';
import { barList } from './projector-bars.ts';

/**
 * The class pulse while everyone plays their own bridge: how many set the priority (and to what), notified each
 * audience, took command, escalated and sent the CAN report, out of everyone seated. Numbers, not names.
 */
export function renderPulse(compiled: CompiledScenario, room: RoomSnapshot): HTMLElement {
  const { playbook } = compiled;
  const seated = room.seated;
  const count = (key: string) => room.counts[key] ?? 0;
  const levels = playbook.levels.map((level) => ({ label: level.name, count: count(`priority:${level.id}`) }));
  const set = levels.reduce((sum, level) => sum + level.count, 0);
  const step = (label: string, key: string) => h('li', { class: 'pj-step' }, h('span', { class: 'pj-step-label' }, label), h('span', { class: 'pj-step-count' }, h('strong', {}, String(count(key))), ` / ${seated}`));
  return h(
    'section',
    { class: 'pj-pulse', attrs: { 'aria-labelledby': 'pj-pulse-heading' } },
    h('h2', { attrs: { id: 'pj-pulse-heading' } }, 'Class pulse ', h('span', { class: 'pj-of' }, `${seated} ${seated === 1 ? 'trainee' : 'trainees'}`)),
    h('h3', {}, playbook.levelKind === 'severity' ? 'Severity set' : 'Priority set', ' ', h('span', { class: 'pj-of' }, `${set} / ${seated}`)),
    barList(levels.filter((level) => level.count > 0 || playbook.levels.length <= 5), seated, playbook.levelKind === 'severity' ? 'Severity chosen' : 'Priority chosen'),
    h('h3', {}, 'Notified'),
    h('ul', { class: 'pj-steps' }, ...playbook.audiences.map((audience) => h('li', { class: 'pj-step' }, h('span', { class: 'pj-step-label' }, bdi(audience.name)), h('span', { class: 'pj-step-count' }, h('strong', {}, String(count(`notify:${audience.id}`))), ` / ${seated}`)))),
    h('h3', {}, 'On the bridge'),
    h('ul', { class: 'pj-steps' }, step('Took command', 'command'), step('Escalated', 'escalate'), step('Sent the CAN report', 'can')),
  );
}
