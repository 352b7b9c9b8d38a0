import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActionLog } from '../../src/core/actions/action.ts';
import { compileScenario } from '../../src/core/scenario/compile.ts';
import { grade } from '../../src/core/scoring/grade.ts';
import { lifecycleState, startLifecycle } from '../../src/core/session/lifecycle.ts';
import { Session } from '../../src/core/session/session.ts';
import { draftOf, own, type Draft, type SimState } from '../../src/core/session/state.ts';
import { goldenLog, loadAcme } from '../helpers.ts';

const { scenario, playbook } = loadAcme();
const compiled = compileScenario(scenario, playbook);
const logs = ['strong', 'partial', 'late-notifications', 'do-nothing'].map((name) => [name, goldenLog(name, scenario, playbook)] as const);

/** Plays a log live: the clock moves in the given steps (0 is a pause), and each action is submitted once its second has come, part-way through it. */
function playLive(log: ActionLog, steps: readonly number[], fractions: readonly number[]): Session {
  const session = new Session(compiled, log.trainee ? { trainee: log.trainee } : {});
  let next = 0;
  let clock = 0;
  for (let step = 0; next < log.actions.length; step++) {
    clock = Math.min(compiled.clock.lengthMs, clock + (steps[step % steps.length] ?? 1000));
    while (next < log.actions.length && compiled.clock.offsetOf(log.actions[next]!.at) <= clock) {
      const action = log.actions[next]!;
      const { at: _at, ...intent } = action;
      // The trainee acts part-way through the action's second; the session stamps the whole second.
      session.advanceTo(compiled.clock.offsetOf(action.at) + (fractions[next % fractions.length] ?? 0));
      const submitted = session.submit(intent);
      if (!submitted.ok) throw new Error(submitted.problems.map((problem) => problem.message).join('; '));
      expect(submitted.action).toEqual(action);
      next++;
    }
    session.advanceTo(clock);
  }
  session.finish();
  return session;
}

describe('Session', () => {
  it.each(logs)('played live at random speeds and pauses, the %s log gives the report grade() gives, byte for byte', (_, log) => {
    const expected = JSON.stringify(grade(scenario, playbook, log));
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 20_000 }), fc.constantFrom(1000, 2000, 5000, 10_000)), { minLength: 1, maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 10 }),
        (steps, fractions) => {
          const live = playLive(log, steps, fractions);
          expect(JSON.stringify(live.report())).toBe(expected);
          expect(live.log.actions).toEqual(log.actions);
        },
      ),
      { numRuns: 15, seed: 20261204 },
    );
  });

  it('stamps an intent with the current second and refuses what cannot be in the log, with a code', () => {
    const session = new Session(compiled);
    session.advanceTo(12_345);
    const ok = session.submit({ type: 'roll-call' });
    expect(ok).toMatchObject({ ok: true, index: 0, action: { type: 'roll-call', at: compiled.clock.format(12_000) } });
    expect(session.submit({ type: 'mute', participant: 'nobody' })).toMatchObject({ ok: false, problems: [{ code: 'E_LOG_UNKNOWN_PARTICIPANT' }] });
    expect(session.submit({ type: 'roll-call' }, 5_000)).toMatchObject({ ok: false, problems: [{ code: 'E_LOG_OUT_OF_ORDER' }] });
    expect(session.submit({ type: 'roll-call' }, compiled.clock.lengthMs + 1000)).toMatchObject({ ok: false, problems: [{ code: 'E_LOG_OUTSIDE_WINDOW' }] });
    expect(session.actions).toHaveLength(1);
    session.finish();
    expect(session.ended).toBe(true);
    expect(session.submit({ type: 'roll-call' })).toMatchObject({ ok: false, problems: [{ code: 'E_SESSION_ENDED' }] });
  });

  it('ignores a clock that is not a number rather than spinning', () => {
    const session = new Session(compiled);
    session.advanceTo(Number.NaN);
    expect(session.now).toBe(0);
    session.advanceTo(Number.POSITIVE_INFINITY);
    expect(session.now).toBe(compiled.clock.lengthMs);
  });

  it('hands out the transcript in pages, each from where the last one stopped', () => {
    const session = new Session(compiled);
    session.advanceTo(60_000);
    const first = session.transcriptSince(0);
    expect(first.entries.length).toBeGreaterThan(0);
    expect(session.transcriptSince(first.cursor).entries).toEqual([]);
    session.advanceTo(5 * 60_000);
    const second = session.transcriptSince(first.cursor);
    expect([...first.entries, ...second.entries]).toEqual(session.state.transcript);
    expect(second.entries.every((entry) => entry.at > 60_000)).toBe(true);
  });

  it('moves only the clock through a second in which nothing is due', () => {
    const session = new Session(compiled);
    session.advanceTo(0);
    const before = session.state;
    const quiet = compiled.beats.find((beat, index) => index > 0 && beat.atMs - (compiled.beats[index - 1]?.atMs ?? 0) > 3000);
    if (!quiet) throw new Error('Acme has a gap between beats');
    session.advanceTo(quiet.atMs - 3000);
    const earlier = session.state;
    session.advanceTo(quiet.atMs - 1500);
    expect(session.state.transcript).toBe(earlier.transcript);
    expect(session.state.actions).toBe(earlier.actions);
    expect(session.state.now).toBe(quiet.atMs - 2000);
    expect(before.now).toBe(0);
  });
});

describe('snapshots cannot be rewritten', () => {
  it('a draft cannot change a shared container without copying it, and an old snapshot keeps its values', () => {
    const session = new Session(compiled);
    session.advanceTo(60_000);
    const past: SimState = session.state;
    const pastJson = JSON.stringify(past);
    // Never called: these lines only have to fail to compile, which is what stops a step rewriting the past.
    const forbidden = (draft: ReturnType<typeof draftOf>) => {
      // @ts-expect-error: a draft's containers are read-only until own() copies them
      draft.vars['host-names-corrected'] = true;
      // @ts-expect-error: a snapshot's lists are read-only
      past.transcript.push(past.transcript[0]!);
      // @ts-expect-error: only draftOf makes a draft, so a snapshot cannot be handed to a step that writes
      const aliased: Draft = past;
      return aliased;
    };
    expect(forbidden).toBeTypeOf('function');
    const fresh = draftOf(past);
    own(fresh, 'transcript').push({ at: 60_000, kind: 'inject', text: 'draft only', source: 'test' });
    own(fresh, 'vars')['host-names-corrected'] = true;
    session.submit({ type: 'mute', participant: 'noisy-sme' });
    session.advanceTo(20 * 60_000);
    expect(JSON.stringify(past)).toBe(pastJson);
    expect(fresh.transcript.at(-1)?.text).toBe('draft only');
  });
});

describe('session lifecycle', () => {
  it('runs a new session at once, pauses and resumes it, and never leaves finished', () => {
    const lifecycle = startLifecycle(false);
    expect(lifecycleState(lifecycle)).toBe('running');
    lifecycle.send({ type: 'PAUSE' });
    expect(lifecycleState(lifecycle)).toBe('paused');
    lifecycle.send({ type: 'RESUME' });
    lifecycle.send({ type: 'FINISH' });
    expect(lifecycleState(lifecycle)).toBe('finished');
    lifecycle.send({ type: 'RESUME' });
    expect(lifecycleState(lifecycle)).toBe('finished');
  });

  it('brings a restored session back paused', () => {
    expect(lifecycleState(startLifecycle(true))).toBe('paused');
  });
});
