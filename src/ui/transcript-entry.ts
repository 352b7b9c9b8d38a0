import type { CompiledScenario } from '../core/scenario/compiled.ts';
import type { TranscriptEntry } from '../core/session/state.ts';
import { bdi, h, type Child } from './dom.ts';
import { bridgeOf } from '../app/selectors.ts';
import { hueFor, initials } from '../app/identity.ts';
import type { Mode } from '../app/store.ts';
import { isRefusal } from './refusal.ts';
import './transcript-entry.css';

const TRAINEE = 'trainee';

interface Speaker {
  readonly id: string;
  readonly name: string;
  readonly role: string;
}

function speakerOf(entry: TranscriptEntry, compiled: CompiledScenario): Speaker | undefined {
  if (entry.speaker === undefined) return undefined;
  if (entry.speaker === TRAINEE) return { id: TRAINEE, name: 'You', role: 'Incident manager' };
  const cast = compiled.participants.get(entry.speaker);
  return cast ? { id: entry.speaker, name: cast.name, role: cast.role } : { id: entry.speaker, name: entry.speaker, role: '' };
}

function clockTime(entry: TranscriptEntry, compiled: CompiledScenario): HTMLTimeElement {
  const time = compiled.clock.format(entry.at);
  return h('time', { class: 'at', attrs: { datetime: time } }, time);
}

export function avatar(id: string, name: string): HTMLElement {
  const element = h('span', { class: 'avatar', attrs: { 'aria-hidden': 'true' } }, id === TRAINEE ? 'IM' : bdi(initials(name)));
  element.style.setProperty('--hue', String(hueFor(id)));
  return element;
}

/**
 * Whether an entry is shown, or read out, while the exercise runs. Exam mode leaves phase entries
 * out: a phase title can name the answer ("Trading outage: P1 declared"), and even a neutral
 * marker would tell the trainee that something they just did moved the story on. The story's own
 * lines say what changed; the debrief lists the phases once play is over.
 */
export function shownDuringPlay(entry: TranscriptEntry, mode: Mode): boolean {
  return mode === 'coach' || entry.kind !== 'phase';
}

/** The label a line the system says carries, in the transcript, the captions and what is read out. */
export const SYSTEM_LABEL = 'System';

/** One transcript line as a list item, styled by what kind of thing happened. */
export function renderEntry(entry: TranscriptEntry, compiled: CompiledScenario): HTMLLIElement {
  if (isRefusal(entry)) return renderRefusal(entry, compiled);
  const speaker = speakerOf(entry, compiled);
  switch (entry.kind) {
    case 'say':
    case 'action': {
      const who = speaker ?? { id: 'unknown', name: 'Someone', role: '' };
      return h(
        'li',
        { class: `entry speech${entry.kind === 'action' ? ' mine' : ''}${entry.overlap ? ' overlap' : ''}` },
        avatar(who.id, who.name),
        h(
          'div',
          { class: 'bubble' },
          h(
            'p',
            { class: 'meta' },
            h('span', { class: 'speaker' }, bdi(who.name)),
            who.role ? h('span', { class: 'role' }, bdi(who.role)) : null,
            bridgeTag(entry, compiled),
            clockTime(entry, compiled),
            entry.overlap ? h('span', { class: 'overlap-tag', attrs: { title: 'Spoken while someone else was talking' } }, 'Talking over others') : null,
          ),
          h('p', { class: 'text' }, bdi(entry.text)),
        ),
      );
    }
    case 'report':
    case 'inject':
      return h(
        'li',
        { class: `entry alert ${entry.kind}` },
        h('p', { class: 'alert-meta' }, h('span', { class: 'alert-kind' }, entry.kind === 'report' ? 'Report' : 'Inject'), clockTime(entry, compiled)),
        h('p', { class: 'alert-title' }, entry.title === undefined ? (entry.kind === 'report' ? 'Report' : 'Inject') : bdi(entry.title)),
        h('p', { class: 'text' }, bdi(entry.text)),
        speaker ? h('p', { class: 'alert-from' }, 'From ', bdi(speaker.name), speaker.role ? ', ' : null, speaker.role ? bdi(speaker.role) : null) : null,
      );
    case 'phase':
      // A phase's description is an authoring note, which can name the answer; trainees see only the title.
      return h(
        'li',
        { class: 'entry phase' },
        h('h3', {}, h('span', { class: 'phase-label' }, 'Phase'), h('span', { class: 'phase-title' }, bdi(entry.text))),
        h('p', { class: 'phase-meta' }, clockTime(entry, compiled)),
      );
    case 'ending': {
      const ending = compiled.scenario.endings.find((candidate) => candidate.id === entry.source);
      const outcome = ending?.outcome ?? 'partial';
      return h(
        'li',
        { class: `entry ending outcome-${outcome}` },
        h('p', { class: 'ending-meta' }, h('span', {}, `Ending · ${OUTCOME[outcome]}`), clockTime(entry, compiled)),
        h('h3', {}, bdi(entry.text)),
        ending ? h('p', { class: 'text' }, bdi(ending.summary)) : null,
      );
    }
    default:
      return h(
        'li',
        { class: `entry system ${entry.kind}` },
        h('span', { class: 'system-icon', attrs: { 'aria-hidden': 'true' } }, SYSTEM_ICON[entry.kind] ?? '•'),
        h('span', { class: 'text' }, ...nameLed(entry.text, speaker?.name)),
        bridgeTag(entry, compiled),
        clockTime(entry, compiled),
      );
  }
}

/** The system's answer to an action that changed nothing: a system line, never a bubble in the trainee's voice. */
function renderRefusal(entry: TranscriptEntry, compiled: CompiledScenario): HTMLLIElement {
  return h(
    'li',
    { class: 'entry system refusal' },
    h('span', { class: 'system-icon', attrs: { 'aria-hidden': 'true' } }, 'i'),
    h('span', { class: 'text' }, h('span', { class: 'system-label' }, `${SYSTEM_LABEL}:`), ' ', bdi(entry.text)),
    clockTime(entry, compiled),
  );
}

/** "On Business bridge", for a line or a join when the scenario has more than one bridge. */
export function bridgeTag(entry: TranscriptEntry, compiled: CompiledScenario): HTMLElement | null {
  const bridge = bridgeOf(entry, compiled);
  return bridge === undefined ? null : h('span', { class: 'bridge-tag' }, 'on ', bdi(bridge));
}

/** A system line that starts with a person's name ("Bill joined"), with the name isolated. */
function nameLed(text: string, name: string | undefined): Child[] {
  return name !== undefined && text.startsWith(name) ? [bdi(name), text.slice(name.length)] : [bdi(text)];
}

const OUTCOME = { success: 'Success', partial: 'Partial success', failure: 'Failure' } as const;

const SYSTEM_ICON: Partial<Record<TranscriptEntry['kind'], string>> = {
  join: '→',
  leave: '←',
  'noise-start': '♪',
  'noise-stop': '·',
};

/** The line as a screen reader should hear it when it appears. */
export function announcementFor(entry: TranscriptEntry, compiled: CompiledScenario): string {
  if (isRefusal(entry)) return `${SYSTEM_LABEL}: ${entry.text}`;
  const speaker = speakerOf(entry, compiled);
  switch (entry.kind) {
    case 'say':
    case 'action':
      return `${speaker ? `${speaker.name}${speaker.role ? `, ${speaker.role}` : ''}` : 'Someone'}${onBridge(entry, compiled)}${entry.overlap ? ', talking over others' : ''}: ${entry.text}`;
    case 'report':
    case 'inject':
      return `${entry.kind === 'report' ? 'Report' : 'Inject'}: ${entry.title ?? ''}. ${entry.text}`;
    case 'phase':
      return `New phase: ${entry.text}`;
    case 'ending': {
      const ending = compiled.scenario.endings.find((candidate) => candidate.id === entry.source);
      return `Ending: ${entry.text}.${ending ? ` ${ending.summary}` : ''}`;
    }
    default:
      return `${entry.text}${onBridge(entry, compiled)}`;
  }
}

function onBridge(entry: TranscriptEntry, compiled: CompiledScenario): string {
  const bridge = bridgeOf(entry, compiled);
  return bridge === undefined ? '' : `, on ${bridge}`;
}
