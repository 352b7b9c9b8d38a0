import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TONES } from '../../src/tools/audio-tones.ts';
import { NOISE_SOUNDS } from '../../src/core/scenario/schema.ts';
import { spokenLines } from '../../src/core/session/spoken-lines.ts';
import { bundledScenarios, clipCatalog, type ClipEntry } from '../../src/tools/audio-catalog.ts';
import { repoPath } from '../helpers.ts';

const REGENERATE = 'run "npm run audio" and commit assets/audio';

/** An Ogg Opus file: an Ogg page whose first packet is the Opus header. */
function isOggOpus(path: string): boolean {
  const head = readFileSync(path).subarray(0, 64);
  return head.subarray(0, 4).toString('latin1') === 'OggS' && head.includes(Buffer.from('OpusHead', 'latin1'));
}

const clipPath = (key: string) => repoPath(`assets/audio/lines/${key}.ogg`);

describe('bundled audio', () => {
  const scenarios = bundledScenarios(repoPath(''));

  it('has a voice clip for every line every bundled scenario can speak', () => {
    expect(scenarios.length).toBeGreaterThan(0);
    const missing = scenarios.flatMap((scenario) =>
      spokenLines(scenario).filter((line) => !existsSync(clipPath(line.key))).map((line) => `${scenario.id}: ${line.speaker}: "${line.text}"`),
    );
    expect(missing, REGENERATE).toEqual([]);
  });

  it('made every clip with the speaker\'s current voice, and keeps no clip nobody speaks', () => {
    const index = JSON.parse(readFileSync(repoPath('assets/audio/lines/index.json'), 'utf8')) as Record<string, ClipEntry>;
    expect(index, REGENERATE).toEqual(Object.fromEntries(clipCatalog(scenarios)));
    const clips = readdirSync(repoPath('assets/audio/lines')).filter((name) => name.endsWith('.ogg'));
    expect(clips.map((name) => name.slice(0, -4)).sort(), REGENERATE).toEqual(Object.keys(index).sort());
  });

  it('has a noise loop for every background sound and every tone, as Ogg Opus', () => {
    const files = [...NOISE_SOUNDS.map((sound) => `noise/${sound}.ogg`), ...TONES.map((tone) => `ui/${tone}.ogg`)];
    for (const file of files) {
      const path = repoPath(`assets/audio/${file}`);
      expect(existsSync(path), `${file}: ${REGENERATE}`).toBe(true);
      expect(isOggOpus(path), file).toBe(true);
    }
    const someClip = readdirSync(repoPath('assets/audio/lines')).find((name) => name.endsWith('.ogg'))!;
    expect(isOggOpus(repoPath(`assets/audio/lines/${someClip}`))).toBe(true);
  });
});
