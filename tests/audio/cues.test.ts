import { beforeAll, describe, expect, it } from 'vitest';
import { initialAppState, type AppState, type PlayState } from '../../src/app/store.ts';
import { audibleNoise, audioCues, STALE_AFTER_MS, type Cue } from '../../src/audio/cues.ts';
import { compileScenario } from '../../src/core/scenario/compile.ts';
import type { CompiledScenario } from '../../src/core/scenario/compiled.ts';

import { Session } from '../../src/core/session/session.ts';
import { lineKey, spokenLines } from '../../src/core/session/spoken-lines.ts';
import type { SimState, TranscriptEntry } from '../../src/core/session/state.ts';
import { goldenLog, loadAcme } from '../helpers.ts';

let compiled: CompiledScenario;
/** Every state of a strong trainee's Acme session, one per engine step. */
let strongRun: SimState[];

beforeAll(() => {
  const { scenario, playbook } = loadAcme();
  compiled = compileScenario(scenario, playbook);
  strongRun = [];
  Session.replay(compiled, goldenLog('strong', scenario, playbook), { onStep: (state) => strongRun.push(state) });
});

function appState(sim: SimState, play: Partial<PlayState> = {}, audio = initialAppState().audio): AppState {
  return {
    ...initialAppState(),
    screen: 'play',
    audio,
    play: { compiled, mode: 'coach', speed: 1, paused: false, sim, actions: [], viewedBridge: 'main', focusedParticipant: null, coach: [], resumed: null, ...play },
  };
}

const ofType = <T extends Cue['type']>(cues: readonly Cue[], type: T): Extract<Cue, { type: T }>[] =>
  cues.filter((cue): cue is Extract<Cue, { type: T }> => cue.type === type);

/** Cues for every engine step of the run, watched on `bridge` at `speed`. */
function cuesOfRun(run: readonly SimState[], play: Partial<PlayState> = {}): Cue[] {
  const cues: Cue[] = [];
  for (let i = 1; i < run.length; i++) cues.push(...audioCues(appState(run[i - 1]!, play), appState(run[i]!, play)));
  return cues;
}

const finalTranscript = (): readonly TranscriptEntry[] => strongRun[strongRun.length - 1]!.transcript;
const saidOn = (bridge: string) => finalTranscript().filter((entry) => entry.kind === 'say' && entry.speaker && (entry.bridge ?? 'main') === bridge);

describe('voices', () => {
  it('speaks every line said on the viewed bridge, with the clip key of its speaker and words', () => {
    const voices = ofType(cuesOfRun(strongRun), 'voice');
    const expected = saidOn('main').map((entry) => lineKey(entry.speaker!, entry.text));
    expect(expected.length).toBeGreaterThan(20);
    expect(voices.map((cue) => cue.key)).toEqual(expected);
    const known = new Set(spokenLines(compiled.scenario).map((line) => line.key));
    expect(voices.every((cue) => known.has(cue.key))).toBe(true);
  });

  it('speaks only the lines of the bridge being viewed', () => {
    const businessKeys = saidOn('customer-bridge').map((entry) => lineKey(entry.speaker!, entry.text));
    const mainKeys = new Set(saidOn('main').map((entry) => lineKey(entry.speaker!, entry.text)));
    expect(businessKeys.length).toBeGreaterThan(0);
    const heardOnBusiness = ofType(cuesOfRun(strongRun, { viewedBridge: 'customer-bridge' }), 'voice').map((cue) => cue.key);
    expect(heardOnBusiness.length).toBeGreaterThan(0);
    expect(heardOnBusiness.every((key) => businessKeys.includes(key))).toBe(true);
    const heardOnMain = ofType(cuesOfRun(strongRun), 'voice').map((cue) => cue.key);
    expect(heardOnMain.filter((key) => businessKeys.includes(key) && !mainKeys.has(key))).toEqual([]);
    const step = strongRun.findIndex((state, i) => i > 0 && state.transcript.length > strongRun[i - 1]!.transcript.length && state.transcript.at(-1)!.kind === 'say');
    const before = strongRun[step - 1]!;
    const after = strongRun[step]!;
    const moved = { ...after, transcript: after.transcript.map((entry, i) => (i >= before.transcript.length ? { ...entry, bridge: 'customer-bridge' } : entry)) };
    const line = moved.transcript.at(-1)!;
    const onBusiness = audioCues(appState(before, { viewedBridge: 'customer-bridge' }), appState(moved, { viewedBridge: 'customer-bridge' }));
    expect(ofType(onBusiness, 'voice')).toContainEqual({ type: 'voice', key: lineKey(line.speaker!, line.text), speaker: line.speaker });
    expect(ofType(audioCues(appState(before), appState(moved)), 'voice')).toEqual([]);
  });

  it('stays silent while paused', () => {
    const cues = cuesOfRun(strongRun, { paused: true });
    expect(ofType(cues, 'voice')).toEqual([]);
    expect(ofType(cues, 'tone')).toEqual([]);
    expect(ofType(cues, 'noise-on')).toEqual([]);
  });

  it('drops lines that are already stale at high speed and keeps the fresh ones', () => {
    const simulation = new Session(compiled);
    simulation.advanceTo(30_000);
    const before = simulation.state;
    simulation.advanceTo(5 * 60_000);
    const after = simulation.state;
    const added = after.transcript.slice(before.transcript.length).filter((entry) => entry.kind === 'say');
    const speed = 10;
    const fresh = added.filter((entry) => (after.now - entry.at) / speed <= STALE_AFTER_MS);
    expect(added.length).toBeGreaterThan(fresh.length);
    const voices = ofType(audioCues(appState(before, { speed }), appState(after, { speed })), 'voice');
    expect(voices.map((cue) => cue.key).sort()).toEqual([...new Set(fresh.map((entry) => lineKey(entry.speaker!, entry.text)))].sort());
  });

  it('keeps only the latest line of a speaker who says several at once', () => {
    const first = strongRun[0]!;
    const last = strongRun[strongRun.length - 1]!;
    const late = { ...last, now: last.transcript[last.transcript.length - 1]!.at };
    const fresh = late.transcript.filter((entry) => entry.kind === 'say' && (entry.bridge ?? 'main') === 'main' && late.now - entry.at <= STALE_AFTER_MS * 10);
    const voices = ofType(audioCues(appState(first, { speed: 10 }), appState({ ...late, ending: null }, { speed: 10 })), 'voice');
    const speakers = voices.map((cue) => cue.speaker);
    expect(new Set(speakers).size).toBe(speakers.length);
    for (const cue of voices) {
      const latest = fresh.filter((entry) => entry.speaker === cue.speaker).at(-1)!;
      expect(cue.key).toBe(lineKey(latest.speaker!, latest.text));
    }
  });

  it('hushes voices on pause, on a switch of bridge and when the session ends', () => {
    const running = appState(strongRun[5]!);
    expect(audioCues(running, appState(strongRun[5]!, { paused: true }))).toContainEqual({ type: 'hush' });
    expect(audioCues(running, appState(strongRun[5]!, { viewedBridge: 'customer-bridge' }))).toContainEqual({ type: 'hush' });
    expect(audioCues(running, { ...running, play: null, screen: 'debrief' })).toContainEqual({ type: 'hush' });
    expect(audioCues(running, appState(strongRun[6]!))).not.toContainEqual({ type: 'hush' });
  });
});

describe('tones', () => {
  it('chimes for joins and leaves on the viewed bridge and alerts for reports', () => {
    const tones = ofType(cuesOfRun(strongRun), 'tone').map((cue) => cue.tone);
    const kinds = new Set(finalTranscript().filter((entry) => (entry.bridge ?? 'main') === 'main').map((entry) => entry.kind));
    for (const kind of ['join', 'leave'] as const) expect(tones.includes(kind)).toBe(kinds.has(kind));
    const reports = finalTranscript().filter((entry) => entry.kind === 'report' || entry.kind === 'inject');
    expect(reports.length).toBeGreaterThan(0);
    expect(tones.filter((tone) => tone === 'alert').length).toBeGreaterThan(0);
    expect(tones.filter((tone) => tone === 'alert').length).toBeLessThanOrEqual(reports.length);
  });
});

describe('noise', () => {
  it('loops the noise of an unmuted noisy line and stops it when the trainee mutes it', () => {
    const start = appState(strongRun[0]!);
    const noisy = [...audibleNoise(start.play)];
    expect(noisy.length).toBeGreaterThan(0);
    const opening = audioCues(null, start);
    for (const [participant, sound] of noisy) expect(opening).toContainEqual({ type: 'noise-on', participant, sound });
    const muteIndex = strongRun.findIndex((state) => state.participants['noisy-sme']?.muted);
    expect(muteIndex).toBeGreaterThan(0);
    const muting = audioCues(appState(strongRun[muteIndex - 1]!), appState(strongRun[muteIndex]!));
    expect(muting).toContainEqual({ type: 'noise-off', participant: 'noisy-sme' });
  });

  it('hears noise only from the bridge being viewed, and never once the session is paused or over', () => {
    const start = strongRun[0]!;
    expect(audibleNoise(appState(start, { viewedBridge: 'customer-bridge' }).play).size).toBe(0);
    expect(audibleNoise(appState(start, { paused: true }).play).size).toBe(0);
    expect(audibleNoise(appState({ ...start, ending: 'any' }).play).size).toBe(0);
    const stop = audioCues(appState(start), appState(start, { paused: true }));
    expect(ofType(stop, 'noise-off').map((cue) => cue.participant).sort()).toEqual([...audibleNoise(appState(start).play).keys()].sort());
  });

  it('changes nothing while the same lines stay noisy', () => {
    const cues = audioCues(appState(strongRun[0]!), appState(strongRun[0]!));
    expect(cues).toEqual([]);
  });
});

describe('master volume', () => {
  it('sets the volume and mute when the player starts and whenever they change', () => {
    const state = appState(strongRun[0]!, {}, { volume: 0.5, muted: false });
    expect(audioCues(null, state)).toContainEqual({ type: 'master', volume: 0.5, muted: false });
    const muted = { ...state, audio: { volume: 0.5, muted: true } };
    expect(ofType(audioCues(state, muted), 'master')).toEqual([{ type: 'master', volume: 0.5, muted: true }]);
    expect(ofType(audioCues(state, { ...state, audio: { volume: 1.7, muted: false } }), 'master')).toEqual([{ type: 'master', volume: 1, muted: false }]);
  });
});
