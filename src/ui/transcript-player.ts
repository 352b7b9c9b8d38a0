import type { CompiledScenario } from '../core/scenario/compiled.ts';
import type { TranscriptEntry } from '../core/session/state.ts';
import { createAnnouncer } from './announcer.ts';
import { h, prefersReducedMotion, replaceChildren } from './dom.ts';
import { DEFAULT_SPEED, Playback, SPEEDS, type Speed } from './playback.ts';
import { announcementFor, renderEntry } from './transcript-entry.ts';

const TICK_MS = 100;
/** More new lines than this at once are summed up rather than read out one by one. */
const ANNOUNCE_AT_MOST = 3;

export interface TranscriptPlayerOptions {
  readonly compiled: CompiledScenario;
  readonly transcript: readonly TranscriptEntry[];
  /** Called with how many entries are on screen whenever that changes. */
  readonly onProgress?: (shown: number) => void;
}

export interface TranscriptPlayer {
  readonly element: HTMLElement;
  dispose(): void;
}

let playerCount = 0;

/** Plays a transcript against the scenario clock: lines appear at their time, at the chosen speed. */
export function createTranscriptPlayer({ compiled, transcript, onProgress }: TranscriptPlayerOptions): TranscriptPlayer {
  const uid = `player-${++playerCount}`;
  const playback = new Playback(
    transcript.map((entry) => entry.at),
    compiled.clock.lengthMs,
  );
  const announcer = createAnnouncer();

  const clock = h('span', { class: 'clock-time' }, compiled.clock.format(0));
  const playButton = h('button', { class: 'button primary play', attrs: { type: 'button' } }, 'Play');
  const nextButton = h('button', { class: 'button', attrs: { type: 'button' } }, 'Next line');
  const showAllButton = h('button', { class: 'button', attrs: { type: 'button' } }, 'Show all');
  const restartButton = h('button', { class: 'button subtle', attrs: { type: 'button' } }, 'Restart');
  const speedSelect = h(
    'select',
    { class: 'speed', attrs: { id: `${uid}-speed` } },
    ...SPEEDS.map((speed) => h('option', { attrs: { value: String(speed) } }, `${speed}×`)),
  );
  speedSelect.value = String(DEFAULT_SPEED);
  const scrubber = h('input', {
    class: 'scrubber',
    attrs: { type: 'range', min: '0', max: String(playback.endMs), step: '1000', value: '0', 'aria-label': 'Scenario time' },
  });
  const counter = h('span', { class: 'counter' });
  const list = h('ol', { class: 'transcript' });
  const hint = h('p', { class: 'transcript-hint' }, 'Press Play to listen in as the clock runs, or Show all to read the whole call.');
  const scroller = h('div', { class: 'transcript-scroll', attrs: { role: 'region', 'aria-label': 'Transcript', tabindex: '0' } }, list, hint);

  let shown = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  let lastTick = 0;

  function render(how: { announce: boolean; follow: boolean }): void {
    const count = playback.visibleCount;
    const wasAtBottom = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 64;
    if (count < shown) {
      while (list.childElementCount > count && list.lastChild) list.removeChild(list.lastChild);
    } else if (count > shown) {
      const added = transcript.slice(shown, count);
      const fragment = document.createDocumentFragment();
      for (const entry of added) {
        const item = renderEntry(entry, compiled);
        if (how.announce) item.classList.add('appear');
        fragment.appendChild(item);
      }
      list.appendChild(fragment);
      if (how.announce) {
        if (added.length > ANNOUNCE_AT_MOST) announcer.announce(`${added.length} new lines.`);
        for (const entry of added.slice(-ANNOUNCE_AT_MOST)) announcer.announce(announcementFor(entry, compiled));
      }
      if (how.follow && wasAtBottom) scrollToEnd();
    }
    if (count !== shown) {
      shown = count;
      onProgress?.(count);
    }
    const time = compiled.clock.format(playback.position);
    clock.textContent = time;
    scrubber.value = String(playback.position);
    scrubber.setAttribute('aria-valuetext', time);
    replaceChildren(counter, `${count} of ${transcript.length} lines`);
    playButton.textContent = playback.playing ? 'Pause' : playback.atEnd ? 'Replay' : 'Play';
    element.classList.toggle('is-playing', playback.playing);
    hint.hidden = playback.playing || playback.position > 0;
    if (!playback.playing) stopTimer();
  }

  function scrollToEnd(): void {
    const top = scroller.scrollHeight;
    if (typeof scroller.scrollTo === 'function') scroller.scrollTo({ top, behavior: prefersReducedMotion() ? 'auto' : 'smooth' });
    else scroller.scrollTop = top;
  }

  function startTimer(): void {
    stopTimer();
    lastTick = performance.now();
    timer = setInterval(() => {
      const now = performance.now();
      playback.advance(now - lastTick);
      lastTick = now;
      render({ announce: true, follow: true });
    }, TICK_MS);
  }

  function stopTimer(): void {
    if (timer !== undefined) clearInterval(timer);
    timer = undefined;
  }

  playButton.addEventListener('click', () => {
    if (playback.playing) {
      playback.pause();
    } else {
      if (playback.atEnd) scroller.scrollTop = 0;
      playback.play();
      startTimer();
    }
    render({ announce: true, follow: true });
  });
  nextButton.addEventListener('click', () => {
    playback.skipToNext();
    render({ announce: true, follow: true });
  });
  showAllButton.addEventListener('click', () => {
    playback.showAll();
    render({ announce: false, follow: false });
    announcer.announce(`Showing the whole transcript: ${transcript.length} lines, up to ${compiled.clock.format(playback.endMs)}.`);
  });
  restartButton.addEventListener('click', () => {
    playback.restart();
    scroller.scrollTop = 0;
    render({ announce: false, follow: false });
    announcer.announce(`Back to the start, ${compiled.clock.format(0)}.`);
  });
  speedSelect.addEventListener('change', () => {
    const speed = Number(speedSelect.value);
    if ((SPEEDS as readonly number[]).includes(speed)) playback.speed = speed as Speed;
  });
  scrubber.addEventListener('input', () => {
    playback.seek(Number(scrubber.value));
    render({ announce: false, follow: true });
  });

  const element = h(
    'section',
    { class: 'panel player', attrs: { 'aria-labelledby': `${uid}-heading` } },
    h(
      'div',
      { class: 'player-head' },
      h('div', {}, h('h2', { attrs: { id: `${uid}-heading` } }, 'On the bridge'), h('p', { class: 'panel-hint' }, 'What happens on the call if nobody takes command.')),
      h('p', { class: 'clock' }, h('span', { class: 'clock-label' }, h('span', { class: 'live-dot', attrs: { 'aria-hidden': 'true' } }), 'Incident clock'), clock),
    ),
    h(
      'div',
      { class: 'controls', attrs: { role: 'group', 'aria-label': 'Playback' } },
      playButton,
      nextButton,
      showAllButton,
      restartButton,
      h('span', { class: 'speed-field' }, h('label', { attrs: { for: `${uid}-speed` } }, 'Speed'), speedSelect),
    ),
    h('div', { class: 'timeline' }, scrubber, counter),
    scroller,
    announcer.element,
  );

  render({ announce: false, follow: false });
  return { element, dispose: stopTimer };
}
