import { describe, expect, it } from 'vitest';
import type { ActionIntent } from '../../src/app/intents.ts';
import type { PlayState } from '../../src/app/store.ts';
import type { Action } from '../../src/core/actions/action.ts';
import { compileScenario } from '../../src/core/scenario/compile.ts';
import { Session } from '../../src/core/session/session.ts';
import { headerView, rosterLabel } from '../../src/game/header-view.ts';
import { departureLabel, noiseLabel, tileViews } from '../../src/game/tile-view.ts';
import { loadAcme } from '../helpers.ts';

const { scenario, playbook } = loadAcme();
const compiled = compileScenario(scenario, playbook);

function playAt(time: string, actions: readonly ActionIntent[] = [], overrides: Partial<PlayState> = {}): PlayState {
  const sim = new Session(compiled);
  const log: Action[] = [];
  sim.advanceTo(compiled.clock.toOffset(time)!);
  for (const action of actions) {
    const submitted = sim.submit(action);
    if (!submitted.ok) throw new Error(submitted.problems.map((problem) => problem.message).join('; '));
    log.push(submitted.action);
  }
  return { compiled, mode: 'coach', speed: 1, paused: false, sim: sim.state, actions: log, viewedBridge: 'main', focusedParticipant: null, coach: [], resumed: null, ...overrides };
}

describe('tileViews', () => {
  it('shows who is on the viewed bridge, in cast order, with a noisy line heard until it is muted', () => {
    const play = playAt('02:46:10', [], { focusedParticipant: 'pete' });
    const views = tileViews(play);
    expect(views.map((view) => view.id)).toEqual(['pete', 'release-engineer', 'network-sme', 'noisy-sme', 'db-engineer', 'monitoring-sme', 'bill', 'unidentified-sme']);
    const pete = views.find((view) => view.id === 'pete')!;
    expect(pete).toMatchObject({ name: 'Pete Lawson', role: 'Release manager', team: 'Software release', initials: 'PL', speaking: true, focused: true, muted: false, noise: null });
    expect(views.find((view) => view.id === 'noisy-sme')).toMatchObject({ noise: 'children', speaking: false, focused: false });

    const muted = tileViews(playAt('02:46:10', [{ type: 'mute', participant: 'noisy-sme' }]));
    expect(muted.find((view) => view.id === 'noisy-sme')).toMatchObject({ muted: true, noise: null });
  });

  it('drops people who left and says how they went', () => {
    const play = playAt('02:53:10');
    const ids = tileViews(play).map((view) => view.id);
    expect(ids).not.toContain('pete');
    expect(ids).toContain('network-sme');
    expect(departureLabel(play, 'pete')).toBe('Dropped');

    const announced = playAt('02:53:10', [], {});
    const withRole = new Session(compiled);
    withRole.advanceTo(compiled.clock.toOffset('02:47:00')!);
    withRole.submit({ type: 'announce-role' });
    withRole.advanceTo(compiled.clock.toOffset('02:53:10')!);
    expect(departureLabel({ ...announced, sim: withRole.state }, 'pete')).toBe('Left');
  });

  it('shows an empty gallery for a bridge nobody is on', () => {
    const play = playAt('03:02:00', [{ type: 'open-bridge', bridge: 'customer-bridge', purpose: 'business' }], { viewedBridge: 'customer-bridge' });
    expect(tileViews(play)).toEqual([]);
  });

  it('names noises for the badge', () => {
    expect(noiseLabel('children')).toBe('Children');
    expect(noiseLabel('dog')).toBe('Dog barking');
  });
});

describe('headerView', () => {
  it('gives the clock, the head count and a tab per open bridge', () => {
    const play = playAt('03:02:00', [{ type: 'open-bridge', bridge: 'customer-bridge', purpose: 'business' }], { paused: true, speed: 5 });
    const header = headerView(play);
    expect(header.clock).toBe('03:02:00');
    expect(header).toMatchObject({ paused: true, speed: 5, roster: tileViews(play).length });
    expect(header.tabs).toEqual([
      { id: 'main', name: 'Technical bridge', count: tileViews(play).length, viewed: true },
      { id: 'customer-bridge', name: 'Business bridge: customer impact', count: 0, viewed: false },
    ]);
    expect(headerView(playAt('03:02:00')).tabs.map((tab) => tab.id)).toEqual(['main']);
  });

  it('says how many are on the call', () => {
    expect(rosterLabel(0)).toBe('Nobody on the call');
    expect(rosterLabel(7)).toBe('7 on the call');
  });
});
