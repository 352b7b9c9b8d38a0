import { recentCaptions } from '../app/selectors.ts';
import type { Mode } from '../app/store.ts';
import type { CompiledScenario } from '../core/scenario/compiled.ts';
import type { SimState, TranscriptEntry } from '../core/session/state.ts';
import type { Announcer } from './announcer.ts';
import { bdi, h, replaceChildren } from './dom.ts';
import { announcementFor, bridgeTag, shownDuringPlay } from './transcript-entry.ts';

const ANNOUNCED: ReadonlySet<TranscriptEntry['kind']> = new Set(['say', 'report', 'inject', 'join', 'leave', 'phase', 'ending']);

export interface Captions {
  readonly element: HTMLElement;
  update(sim: SimState): void;
}

/**
 * The last few lines under the call, as on a video call with captions on, so every line can
 * be read without sound. New speech and reports also go to the screen reader's live region;
 * in exam mode, phase changes do not (see shownDuringPlay). With no mode given, all are read out.
 */
export function createCaptions(compiled: CompiledScenario, announcer: Announcer, mode: Mode = 'coach'): Captions {
  const element = h('div', { class: 'captions', attrs: { 'aria-hidden': 'true' } });
  let seen = -1;
  let shownLast: TranscriptEntry | undefined;

  return {
    element,
    update(sim) {
      const fresh = seen < 0 ? [] : sim.transcript.slice(seen);
      seen = sim.transcript.length;
      for (const entry of fresh) if (ANNOUNCED.has(entry.kind) && shownDuringPlay(entry, mode)) announcer.announce(`${compiled.clock.format(entry.at)}. ${announcementFor(entry, compiled)}`);
      const lines = recentCaptions(sim).filter((entry) => shownDuringPlay(entry, mode));
      if (lines.at(-1) === shownLast) return;
      shownLast = lines.at(-1);
      replaceChildren(element, ...lines.map((entry, index) => captionLine(entry, compiled, index === lines.length - 1)));
    },
  };
}

function captionLine(entry: TranscriptEntry, compiled: CompiledScenario, latest: boolean): HTMLElement {
  const speaker = entry.speaker ? compiled.participants.get(entry.speaker) : undefined;
  const who = entry.kind === 'report' || entry.kind === 'inject' ? (entry.title ?? 'Report') : entry.kind === 'say' ? (speaker?.name ?? '') : '';
  return h(
    'p',
    { class: `caption caption-${entry.kind}${latest ? ' latest' : ''}` },
    h('span', { class: 'caption-time' }, compiled.clock.format(entry.at)),
    bridgeTag(entry, compiled),
    who ? h('span', { class: 'caption-who' }, bdi(who)) : null,
    h('span', { class: 'caption-text' }, bdi(entry.text)),
  );
}
