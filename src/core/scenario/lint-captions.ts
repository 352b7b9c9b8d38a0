import type { Diagnostic, JsonPath } from '../diagnostics.ts';
import type { JsonDocument } from '../json/source.ts';
import { mutuallyExclusive } from '../expr/exclusive.ts';
import type { ScenarioClock } from '../time.ts';
import { effectSites } from './expr-sites.ts';
import type { Effect, Scenario } from './schema.ts';

/** Reading speed assumed for captions, in words per second. */
export const CAPTION_WORDS_PER_SECOND = 3;
/** The longest caption a trainee can be expected to read while running a call. */
export const MAX_CAPTION_WORDS = 40;

const wordCount = (text: string) => text.trim().split(/\s+/).filter((word) => word.length > 0).length;

/**
 * Captions too long to read in time. Any `say` line over MAX_CAPTION_WORDS words is too long.
 * A timeline `say` line also needs words ÷ CAPTION_WORDS_PER_SECOND seconds before the next
 * timeline line on the same bridge, unless that next line is marked `overlap` (spoken over it).
 * A line whose guard excludes this one's (`when X` and `when not X`) is an alternative, not a next line.
 */
export function captionDiagnostics(doc: JsonDocument, scenario: Scenario, clock: ScenarioClock): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const mainBridge = scenario.bridges[0]?.id;
  const checkLength = (effect: Effect, path: JsonPath, what: string) => {
    if (effect.type !== 'say') return;
    const words = wordCount(effect.text);
    if (words > MAX_CAPTION_WORDS) {
      diagnostics.push(
        doc.diagnostic('warning', 'W_CAPTION_TOO_LONG', `${what} has ${words} words; captions over ${MAX_CAPTION_WORDS} words are too long to read on a live call, so split it into shorter lines`, [...path, 'text']),
      );
    }
  };
  scenario.timeline.forEach((beat, i) => checkLength(beat, ['timeline', i], `line of beat "${beat.id}"`));
  for (const { effect, path } of effectSites(scenario)) checkLength(effect, path, 'this line');

  const spoken = scenario.timeline
    .map((beat, index) => ({ beat, index, at: clock.offsetOf(beat.at) }))
    .filter((entry) => entry.beat.type === 'say')
    .sort((a, b) => a.at - b.at || a.index - b.index);
  spoken.forEach((entry, position) => {
    const { beat } = entry;
    if (beat.type !== 'say') return;
    const bridge = beat.bridge ?? mainBridge;
    const next = spoken
      .slice(position + 1)
      .find((later) => later.beat.type === 'say' && (later.beat.bridge ?? mainBridge) === bridge && !mutuallyExclusive(beat.when, later.beat.when));
    if (!next || next.beat.type !== 'say' || next.beat.overlap === true) return;
    const words = wordCount(beat.text);
    if (words > MAX_CAPTION_WORDS) return;
    const readingMs = (words / CAPTION_WORDS_PER_SECOND) * 1000;
    const gapMs = next.at - entry.at;
    if (readingMs > gapMs) {
      diagnostics.push(
        doc.diagnostic(
          'warning',
          'W_CAPTION_TOO_LONG',
          `line of beat "${beat.id}" has ${words} words, which take ${(readingMs / 1000).toFixed(1)} s to read at ${CAPTION_WORDS_PER_SECOND} words a second, but the next line on its bridge ("${next.beat.id}") comes ${gapMs / 1000} s later; shorten it, move the next line later, or mark that line "overlap": true`,
          ['timeline', entry.index, 'text'],
        ),
      );
    }
  });
  return diagnostics;
}
