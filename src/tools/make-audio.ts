/**
 * Makes every sound the browser plays: a voice clip per spoken line of every bundled
 * scenario, the background-noise loops and the bridge tones. Needs espeak-ng, sox and
 * opus-tools. Usage: npm run audio [-- --force]
 *   Skips files that exist and are up to date; --force remakes them all.
 *   Always deletes voice clips that no scenario speaks any more.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NOISE_SOUNDS } from '../core/scenario/schema.ts';
import { bundledScenarios, clipCatalog, type ClipEntry } from './audio-catalog.ts';
import { encodeOpus, measure, missingTools, type Levels } from './audio-exec.ts';
import { makeLineClip } from './audio-lines.ts';
import { loopThrough, NOISE_RECIPES } from './audio-noise.ts';
import { seededRandom } from '../core/seeded-random.ts';
import { levelTo, seconds } from './audio-pcm.ts';
import { makeTone, TONE_RMS_DB, TONES } from './audio-tones.ts';
import { voiceFor } from './audio-voices.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const audioDir = join(root, 'assets/audio');
const linesDir = join(audioDir, 'lines');
const noiseDir = join(audioDir, 'noise');
const uiDir = join(audioDir, 'ui');
const indexPath = join(linesDir, 'index.json');

const NOISE_KBPS = 20;
const TONE_KBPS = 32;
const NOISE_CEILING_DB = -8;
const TONE_CEILING_DB = -6;

const force = process.argv.includes('--force');

function readIndex(): Record<string, ClipEntry> {
  if (!existsSync(indexPath)) return {};
  return JSON.parse(readFileSync(indexPath, 'utf8')) as Record<string, ClipEntry>;
}

const sameClip = (a: ClipEntry | undefined, b: ClipEntry): boolean => a !== undefined && a.voice === b.voice && a.text === b.text && a.speaker === b.speaker;

function makeLines(workDir: string): void {
  const scenarios = bundledScenarios(root);
  const catalog = clipCatalog(scenarios);
  const previous = readIndex();
  let made = 0;
  for (const [key, entry] of catalog) {
    const path = join(linesDir, `${key}.ogg`);
    if (!force && existsSync(path) && sameClip(previous[key], entry)) continue;
    const scenario = scenarios.find((candidate) => candidate.id === entry.scenario)!;
    makeLineClip(workDir, entry.text, voiceFor(scenario, entry.speaker), path);
    made++;
  }
  let pruned = 0;
  for (const name of readdirSync(linesDir)) {
    if (name.endsWith('.ogg') && !catalog.has(name.slice(0, -'.ogg'.length))) {
      rmSync(join(linesDir, name));
      pruned++;
    }
  }
  const index = Object.fromEntries([...catalog].sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(indexPath, `${JSON.stringify(index, null, 1)}\n`);
  console.log(`voice clips: ${catalog.size} lines from ${scenarios.length} scenario(s); made ${made}, deleted ${pruned}`);
}

/** A stable seed per sound, so each loop comes out the same on every run whatever else changes. */
const seedOf = (name: string): number => [...name].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0, 2166136261);

function makeNoise(workDir: string): void {
  for (const sound of NOISE_SOUNDS) {
    const path = join(noiseDir, `${sound}.ogg`);
    if (!force && existsSync(path)) continue;
    const recipe = NOISE_RECIPES[sound];
    const kit = { workDir, random: seededRandom(seedOf(sound)) };
    const loop = loopThrough(kit, `${sound}-phone`, recipe.make(kit, seconds(recipe.seconds)), ['sinc', '300-3400']);
    encodeOpus(workDir, levelTo(loop, recipe.rmsDb, NOISE_CEILING_DB), path, NOISE_KBPS);
    console.log(`noise: made ${sound}.ogg`);
  }
}

function makeTones(workDir: string): void {
  for (const tone of TONES) {
    const path = join(uiDir, `${tone}.ogg`);
    if (!force && existsSync(path)) continue;
    encodeOpus(workDir, levelTo(makeTone(workDir, tone), TONE_RMS_DB, TONE_CEILING_DB), path, TONE_KBPS);
    console.log(`tones: made ${tone}.ogg`);
  }
}

function summarise(label: string, levels: readonly Levels[]): string {
  const rms = levels.map((level) => level.rmsDb);
  const peak = Math.max(...levels.map((level) => level.peakDb));
  const range = (values: number[]) => `${Math.min(...values).toFixed(1)} to ${Math.max(...values).toFixed(1)}`;
  return `| ${label} | ${levels.length} | ${range(rms)} | ${peak.toFixed(1)} |`;
}

function reportLevels(workDir: string): void {
  const oggs = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.ogg')).sort();
  const rows = ['| files | count | RMS dBFS | highest peak dBFS |', '|---|---|---|---|'];
  rows.push(summarise('voices `lines/*.ogg`', oggs(linesDir).map((name) => measure(workDir, join(linesDir, name)))));
  for (const name of oggs(noiseDir)) rows.push(summarise(`noise \`${name}\``, [measure(workDir, join(noiseDir, name))]));
  for (const name of oggs(uiDir)) rows.push(summarise(`tone \`${name}\``, [measure(workDir, join(uiDir, name))]));
  console.log(`\nlevels, measured with sox stats after decoding:\n${rows.join('\n')}`);
}

const missing = missingTools();
if (missing.length > 0) {
  console.error(`missing tools: ${missing.join(', ')} (on Debian: apt-get install espeak-ng sox opus-tools)`);
  process.exit(1);
}
for (const dir of [linesDir, noiseDir, uiDir]) mkdirSync(dir, { recursive: true });
const workDir = mkdtempSync(join(tmpdir(), 'bridge-drill-audio-'));
try {
  makeLines(workDir);
  makeNoise(workDir);
  makeTones(workDir);
  reportLevels(workDir);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
