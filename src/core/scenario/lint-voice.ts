import type { Diagnostic, JsonPath } from '../diagnostics.ts';
import type { JsonDocument } from '../json/source.ts';
import { lineKey, NOTHING_NEW_LINE, rollCallLine } from '../session/spoken-lines.ts';
import { effectSites } from './expr-sites.ts';
import type { Scenario } from './schema.ts';

/** Tells whether the voice clip for a spoken line's key (see `lineKey`) exists. */
export type HasVoiceClip = (key: string) => boolean;

/**
 * Spoken lines with no voice clip, each reported once where it is first written. The engine's
 * own lines (roll-call answers, "nothing new") are reported at the participant they belong to.
 */
export function voiceClipDiagnostics(doc: JsonDocument, scenario: Scenario, hasVoiceClip: HasVoiceClip): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const check = (speaker: string, text: string, path: JsonPath) => {
    const key = lineKey(speaker, text);
    if (seen.has(key)) return;
    seen.add(key);
    if (hasVoiceClip(key)) return;
    const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
    diagnostics.push(
      doc.diagnostic('warning', 'W_MISSING_VOICE_CLIP', `no voice clip for ${speaker}'s line "${shown}" (lines/${key}.ogg); run \`npm run audio\` to make the missing clips`, path),
    );
  };
  scenario.timeline.forEach((beat, i) => {
    if (beat.type === 'say') check(beat.speaker, beat.text, ['timeline', i, 'text']);
  });
  for (const { effect, path } of effectSites(scenario)) if (effect.type === 'say') check(effect.speaker, effect.text, [...path, 'text']);
  scenario.cast.forEach((participant, i) => {
    check(participant.id, rollCallLine(participant), ['cast', i, 'name']);
    check(participant.id, NOTHING_NEW_LINE, ['cast', i, 'id']);
  });
  return diagnostics;
}
