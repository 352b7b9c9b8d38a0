import type { Mode } from '../app/store.ts';
import type { CompiledScenario } from '../core/scenario/compiled.ts';
import type { SimState, TranscriptEntry } from '../core/session/state.ts';
import type { Announcer } from './announcer.ts';
import { fitCaptionLines } from './caption-fit.ts';
import { bdi, h } from './dom.ts';
import { isRefusal } from './refusal.ts';
import { announcementFor, bridgeTag, shownDuringPlay, SYSTEM_LABEL } from './transcript-entry.ts';
import './captions.css';

const ANNOUNCED: ReadonlySet<TranscriptEntry['kind']> = new Set(['say', 'report', 'inject', 'join', 'leave', 'phase', 'ending']);
const CAPTIONED: ReadonlySet<TranscriptEntry['kind']> = new Set(['say', 'report', 'inject', 'join', 'leave']);

/** How many recent lines the captions keep on screen; fewer when they do not fit whole. */
export const CAPTION_LINES = 3;

export interface Captions {
  readonly element: HTMLElement;
  update(sim: SimState): void;
  dispose(): void;
}

/**
 * The last few lines under the call, as on a video call with captions on, so every line can be read
 * without sound. The newest is at the bottom and the older ones fade above it; a line stays on screen,
 * the same element, until newer lines push it out, and a line that would not fit whole is left out
 * rather than cut. New speech and reports also go to the screen reader's live region; in exam mode,
 * phase changes do not (see shownDuringPlay). With no mode given, all are read out.
 */
export function createCaptions(compiled: CompiledScenario, announcer: Announcer, mode: Mode = 'coach'): Captions {
  const element = h('div', { class: 'captions', attrs: { 'aria-hidden': 'true' } });
  let seen = -1;
  let shown: readonly { readonly entry: TranscriptEntry; readonly line: HTMLElement }[] = [];
  const fit = () => fitCaptionLines(element, shown.map(({ line }) => line));
  // The box changes width with the window and with presentation mode, and lines wrap differently then.
  const resizes = typeof ResizeObserver === 'function' ? new ResizeObserver(fit) : null;
  resizes?.observe(element);

  return {
    element,
    update(sim) {
      const fresh = seen < 0 ? [] : sim.transcript.slice(seen);
      seen = sim.transcript.length;
      for (const entry of fresh) if (ANNOUNCED.has(entry.kind) && shownDuringPlay(entry, mode)) announcer.announce(`${compiled.clock.format(entry.at)}. ${announcementFor(entry, compiled)}`);
      const entries = recentLines(sim, mode);
      if (entries.length === shown.length && entries.every((entry, index) => entry === shown[index]?.entry)) return;
      const kept = new Map(shown.map((item) => [item.entry, item.line]));
      shown = entries.map((entry) => ({ entry, line: kept.get(entry) ?? captionLine(entry, compiled) }));
      for (const [entry, line] of kept) if (!entries.includes(entry)) line.remove();
      shown.forEach(({ line }, index) => {
        const age = shown.length - 1 - index;
        line.dataset.age = String(age);
        line.classList.toggle('latest', age === 0);
        if (element.children[index] !== line) element.insertBefore(line, element.children[index] ?? null);
      });
      fit();
    },
    dispose: () => resizes?.disconnect(),
  };
}

/**
 * The latest lines worth a caption, newest last: what is said and reported on the bridge, people coming
 * and going, and the system's answer when an action changed nothing, so the room sees why.
 */
function recentLines(sim: SimState, mode: Mode): TranscriptEntry[] {
  const lines: TranscriptEntry[] = [];
  for (let i = sim.transcript.length - 1; i >= 0 && lines.length < CAPTION_LINES; i--) {
    const entry = sim.transcript[i]!;
    if ((CAPTIONED.has(entry.kind) || isRefusal(entry)) && shownDuringPlay(entry, mode)) lines.unshift(entry);
  }
  return lines;
}

function captionLine(entry: TranscriptEntry, compiled: CompiledScenario): HTMLElement {
  const refusal = isRefusal(entry);
  const speaker = entry.speaker ? compiled.participants.get(entry.speaker) : undefined;
  const who = refusal ? SYSTEM_LABEL : entry.kind === 'report' || entry.kind === 'inject' ? (entry.title ?? 'Report') : entry.kind === 'say' ? (speaker?.name ?? '') : '';
  return h(
    'p',
    { class: `caption ${refusal ? 'caption-system' : `caption-${entry.kind}`}` },
    h('span', { class: 'caption-time' }, compiled.clock.format(entry.at)),
    bridgeTag(entry, compiled),
    who ? h('span', { class: 'caption-who' }, bdi(who)) : null,
    h('span', { class: 'caption-text' }, bdi(entry.text)),
  );
}
