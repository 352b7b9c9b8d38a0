import { describe, expect, it } from 'vitest';
import type { ScoreReport } from '../../src/core/report/score-report.ts';
import type { Expectation } from '../../src/core/scenario/schema.ts';
import type { SimState, TranscriptEntry } from '../../src/core/session/state.ts';
import { ScenarioClock } from '../../src/core/time.ts';
import { playTiny } from '../support/tiny-log.ts';
import { DIRECTOR, ENGINEER, LEAD, TINY_CAST, TINY_CLOCK, TINY_RULES, loadTiny } from '../support/tiny-scenario.ts';

/** The rules of "How a scenario runs" in README.md, each on a scenario built for it. */

const clock = new ScenarioClock(TINY_CLOCK);
const timeOf = (entry: { readonly at: number }) => clock.format(entry.at);
const linesOf = (final: SimState, kind: TranscriptEntry['kind']) => final.transcript.filter((entry) => entry.kind === kind);
const findingOf = (report: ScoreReport, id: string) => report.findings.find((finding) => finding.id === id);

describe('a beat and a trainee action at the same second', () => {
  const tiny = loadTiny({
    timeline: [{ id: 'rollback-question', at: '10:01:00', type: 'say', speaker: LEAD, text: 'Do we roll back?' }],
    decisions: [
      {
        id: 'rollback',
        prompt: 'Roll back the release?',
        when: { fired: 'rollback-question' },
        options: [
          { id: 'roll-back', label: 'Roll back' },
          { id: 'wait', label: 'Wait' },
        ],
      },
    ],
  });

  it('puts the beat first in the transcript', () => {
    const { final } = playTiny(tiny, [{ at: '10:01:00', type: 'note', text: 'Asked about a rollback.' }]);
    const sources = final.transcript.filter((entry) => timeOf(entry) === '10:01:00').map((entry) => entry.source);
    expect(sources).toEqual(['rollback-question', 'action:0']);
  });

  it('lets the action depend on the beat: a decision the beat opens can be taken in that second', () => {
    const { final } = playTiny(tiny, [{ at: '10:01:00', type: 'decide', decision: 'rollback', choice: 'roll-back' }]);
    expect(final.actions[0]?.effective).toBe(true);
    expect(final.decisions).toEqual({ rollback: 'roll-back' });
  });

  it('refuses the same decision a second earlier, before the beat opened it', () => {
    const { final } = playTiny(tiny, [{ at: '10:00:59', type: 'decide', decision: 'rollback', choice: 'roll-back' }]);
    expect(final.actions[0]?.effective).toBe(false);
    expect(final.decisions).toEqual({});
  });
});

describe('a task for someone who is not on the bridge', () => {
  const tiny = loadTiny({
    reactions: [
      { id: 'director-on-it', on: { type: 'assign', participant: DIRECTOR }, do: [{ type: 'say', speaker: DIRECTOR, text: 'On it.' }] },
      { id: 'engineer-on-it', on: { type: 'assign', participant: ENGINEER }, do: [{ type: 'say', speaker: ENGINEER, text: 'On it.' }] },
    ],
    rubric: [
      {
        id: 'director-task',
        kind: 'achieve',
        title: 'Give the director a task',
        rule: TINY_RULES.takeCommand,
        competency: 'bridge-control',
        points: 5,
        expect: { did: { type: 'assign', participant: DIRECTOR } },
      },
    ],
  });

  it('stays in the log, marked not effective, and the transcript says why', () => {
    const { final } = playTiny(tiny, [{ at: '10:02:00', type: 'assign', participant: DIRECTOR, task: 'Brief the board', dueMinutes: 5 }]);
    expect(final.actions.map(({ index, effective }) => ({ index, effective }))).toEqual([{ index: 0, effective: false }]);
    const trainee = final.transcript.filter((entry) => entry.source === 'action:0');
    expect(trainee.length).toBe(2);
    expect(trainee[1]?.text).toContain('Cleo Director');
  });

  it('triggers no reaction and meets no expectation', () => {
    const { report, final } = playTiny(tiny, [{ at: '10:02:00', type: 'assign', participant: DIRECTOR, task: 'Brief the board', dueMinutes: 5 }]);
    expect(final.fired['director-on-it']).toBeUndefined();
    expect(linesOf(final, 'say')).toEqual([]);
    expect(findingOf(report, 'director-task')).toMatchObject({ status: 'missed', met: false, points: 0 });
  });

  it('works once the person is on the bridge: the same kind of task to someone present is effective', () => {
    const { final } = playTiny(tiny, [{ at: '10:02:00', type: 'assign', participant: ENGINEER, task: 'Check the logs', dueMinutes: 5 }]);
    expect(final.actions[0]?.effective).toBe(true);
    expect(final.fired['engineer-on-it']).toBe(clock.toOffset('10:02:00'));
  });

  it('gets no "nothing new" from someone off the bridge asked for an update', () => {
    const { final } = playTiny(tiny, [{ at: '10:02:00', type: 'request-update', participant: DIRECTOR }]);
    expect(final.actions[0]?.effective).toBe(false);
    expect(linesOf(final, 'say')).toEqual([]);
  });
});

describe('a page', () => {
  it('brings the person onto the bridge after their answersPageIn', () => {
    const tiny = loadTiny();
    const { final } = playTiny(tiny, [{ at: '10:02:00', type: 'page', participant: DIRECTOR }]);
    const joins = linesOf(final, 'join');
    expect(joins.map((entry) => [entry.speaker, timeOf(entry)])).toEqual([[DIRECTOR, '10:03:00']]);
    expect(final.participants[DIRECTOR]?.present).toBe(true);
  });

  it('takes two minutes for someone with no answersPageIn', () => {
    const tiny = loadTiny({ cast: TINY_CAST.map((person) => (person.id === DIRECTOR ? { ...person, answersPageIn: undefined } : person)) });
    const { final } = playTiny(tiny, [{ at: '10:02:00', type: 'page', participant: DIRECTOR }]);
    expect(linesOf(final, 'join').map(timeOf)).toEqual(['10:04:00']);
  });

  it('makes them present for conditions only from the moment they join', () => {
    const tiny = loadTiny({
      rubric: [
        {
          id: 'director-on-call',
          kind: 'achieve',
          title: 'Get the director onto the call',
          rule: TINY_RULES.takeCommand,
          competency: 'bridge-control',
          points: 10,
          expect: { present: DIRECTOR },
          by: '10:03:30',
        },
      ],
    });
    const early = playTiny(tiny, [{ at: '10:02:00', type: 'page', participant: DIRECTOR }]).report;
    expect(findingOf(early, 'director-on-call')).toMatchObject({ status: 'on-time', at: '10:03:00' });
    const late = playTiny(tiny, [{ at: '10:03:00', type: 'page', participant: DIRECTOR }]).report;
    expect(findingOf(late, 'director-on-call')).toMatchObject({ status: 'missed', at: '10:04:00', points: 0 });
  });
});

describe('a branch', () => {
  const tiny = loadTiny({
    variables: { alarm: false },
    timeline: [
      { id: 'alarm-on', at: '10:02:00', type: 'set', var: 'alarm', to: true },
      { id: 'alarm-off', at: '10:04:00', type: 'set', var: 'alarm', to: false },
      { id: 'alarm-on-again', at: '10:06:00', type: 'set', var: 'alarm', to: true },
    ],
    branches: [{ id: 'alarm-heard', when: { var: 'alarm' }, do: [{ type: 'say', speaker: LEAD, text: 'The alarm is going off.' }] }],
  });

  it('fires once, the first time its condition holds, even when the condition holds again later', () => {
    const { final } = playTiny(tiny);
    expect(final.fired['alarm-heard']).toBe(clock.toOffset('10:02:00'));
    expect(linesOf(final, 'say').map((entry) => [entry.source, timeOf(entry)])).toEqual([['alarm-heard', '10:02:00']]);
  });

  it('fires at the action that makes its condition hold', () => {
    const onAction = loadTiny({ branches: [{ id: 'roll-called', when: { did: { type: 'roll-call' } }, do: [{ type: 'say', speaker: LEAD, text: 'Everyone is here.' }] }] });
    const { final } = playTiny(onAction, [
      { at: '10:01:00', type: 'roll-call' },
      { at: '10:05:00', type: 'roll-call' },
    ]);
    expect(final.transcript.filter((entry) => entry.source === 'roll-called').map(timeOf)).toEqual(['10:01:00']);
  });
});

describe('phases', () => {
  const tiny = loadTiny({
    timeline: [{ id: 'late-news', at: '10:08:00', type: 'inject', title: 'Late news', text: 'Something else broke.' }],
    phases: [
      {
        id: 'chaos',
        title: 'Chaos',
        next: [
          { to: 'command', when: { did: { type: 'announce-role' } } },
          { to: 'abandoned', when: { did: { type: 'close' } } },
        ],
      },
      { id: 'command', title: 'Under command' },
    ],
    endings: [
      { id: 'abandoned', title: 'Abandoned', summary: 'The incident was closed while it was still open.', outcome: 'failure' },
      { id: 'time-up', title: 'Time is up', summary: 'The clock ran out.', outcome: 'partial' },
    ],
  });

  it('start in the first phase and move on as soon as a transition holds, saying so in the transcript', () => {
    expect(playTiny(tiny).final.phase).toBe('chaos');
    const { final } = playTiny(tiny, [{ at: '10:03:00', type: 'announce-role' }]);
    expect(final.phase).toBe('command');
    expect(linesOf(final, 'phase').map((entry) => [timeOf(entry), entry.text])).toEqual([
      ['10:00:00', expect.stringContaining('Chaos')],
      ['10:03:00', expect.stringContaining('Under command')],
    ]);
  });

  it('end the exercise at once when a transition goes to an ending: nothing later happens', () => {
    const { report, final } = playTiny(tiny, [{ at: '10:03:00', type: 'close' }]);
    expect(report.ending?.id).toBe('abandoned');
    expect(linesOf(final, 'ending').map(timeOf)).toEqual(['10:03:00']);
    expect(linesOf(final, 'inject')).toEqual([]);
  });
});

describe('when the clock runs out', () => {
  const tiny = loadTiny({
    endings: [
      { id: 'p1-set', title: 'A P1', summary: 'The incident is a P1.', outcome: 'success', when: { level: 'P1' } },
      { id: 'told', title: 'Told', summary: 'Someone was told.', outcome: 'partial', when: { did: { type: 'notify' } } },
      { id: 'nothing', title: 'Nothing', summary: 'Nothing much happened.', outcome: 'failure' },
    ],
  });
  const endingOf = (actions: Parameters<typeof playTiny>[1]) => playTiny(tiny, actions).report.ending?.id;
  const notify = { at: '10:05:00', type: 'notify', audience: 'executives', channel: 'email', message: 'We have an incident.' } as const;

  it('reaches the first ending whose condition holds, in the order the endings are written', () => {
    expect(endingOf([{ at: '10:01:00', type: 'set-priority', level: 'P1' }, notify])).toBe('p1-set');
    expect(endingOf([notify])).toBe('told');
    expect(endingOf([])).toBe('nothing');
  });

  it('tests the conditions at the end, not at any earlier moment', () => {
    expect(endingOf([{ at: '10:01:00', type: 'set-priority', level: 'P1' }, { at: '10:09:00', type: 'set-priority', level: 'P2' }])).toBe('nothing');
  });

  it('ends at the clock end, with the ending in the transcript', () => {
    const { final } = playTiny(tiny);
    expect(final.ending).toBe('nothing');
    expect(linesOf(final, 'ending').map(timeOf)).toEqual([TINY_CLOCK.end]);
  });
});

describe('an achieve expectation', () => {
  const setP1: Expectation = {
    id: 'set-p1',
    kind: 'achieve',
    title: 'Set a P1',
    rule: TINY_RULES.setPriority,
    competency: 'priority',
    points: 10,
    trigger: { fired: 'outage' },
    expect: { did: { type: 'set-priority', level: 'P1' } },
    within: '02:00',
    late: { within: '03:00', points: 4 },
  };
  const tiny = loadTiny({
    timeline: [{ id: 'outage', at: '10:01:00', type: 'inject', title: 'Outage', text: 'Nobody can log in.' }],
    rubric: [setP1],
  });
  const p1At = (at: string) => {
    const report = playTiny(tiny, [
      { at: '10:00:30', type: 'note', text: 'Listening.' },
      { at, type: 'set-priority', level: 'P1' },
    ]).report;
    return findingOf(report, 'set-p1');
  };

  it('is on time, met and worth its points when its condition holds by the due time (due included)', () => {
    expect(p1At('10:03:00')).toMatchObject({ status: 'on-time', met: true, points: 10, max: 10, due: '10:03:00', at: '10:03:00', actionIndex: 1 });
  });

  it('is late, not met, and earns the late points when done after the due time within the late window', () => {
    expect(p1At('10:03:01')).toMatchObject({ status: 'late', met: false, points: 4, due: '10:03:00', at: '10:03:01' });
    expect(p1At('10:06:00')).toMatchObject({ met: false, points: 4 });
  });

  it('earns nothing when done after the late window', () => {
    expect(p1At('10:06:01')).toMatchObject({ met: false, points: 0, at: '10:06:01' });
  });

  it('is missed when never done', () => {
    const report = playTiny(tiny).report;
    expect(findingOf(report, 'set-p1')).toMatchObject({ status: 'missed', met: false, points: 0, due: '10:03:00', at: null });
    expect(report.total).toEqual({ points: 0, max: 10, percent: 0 });
  });

  const laterOutage = [{ id: 'outage', at: '10:04:00', type: 'inject' as const, title: 'Outage', text: 'Nobody can log in.' }];
  const findingWith = (rubric: Expectation, actions: Parameters<typeof playTiny>[1]) => findingOf(playTiny(loadTiny({ timeline: laterOutage, rubric: [rubric] }), actions).report, 'set-p1');

  it('counts a priority set long before the trigger only when afterTrigger is false', () => {
    const early = [{ at: '10:01:00', type: 'set-priority' as const, level: 'P1' }];
    expect(findingWith(setP1, early)).toMatchObject({ status: 'missed', points: 0 });
    expect(findingWith(setP1, early)?.observed).toMatch(/^It held only from before the trigger \(10:04:00\)/);
    expect(findingWith({ ...setP1, afterTrigger: false }, early)).toMatchObject({ status: 'on-time', at: '10:04:00', points: 10 });
  });

  it('counts a setting made in the two minutes before the trigger as anticipation, but not an action', () => {
    const anticipated = [{ at: '10:02:30', type: 'set-priority' as const, level: 'P1' }];
    expect(findingWith({ ...setP1, expect: { level: 'P1' } }, anticipated)).toMatchObject({ status: 'on-time', at: '10:04:00', points: 10 });
    expect(findingWith(setP1, anticipated)).toMatchObject({ status: 'missed', points: 0 });
  });

  it('counts a priority set again after the trigger, judged from when it was set again', () => {
    const again = findingWith(setP1, [
      { at: '10:01:00', type: 'set-priority', level: 'P1' },
      { at: '10:05:00', type: 'set-priority', level: 'P1' },
    ]);
    expect(again).toMatchObject({ status: 'on-time', at: '10:05:00', points: 10 });
  });

  it('judges what stands: lowered and put right halves the credit, lowered for good is missed', () => {
    const standing = loadTiny({ timeline: tiny.scenario.timeline, rubric: [{ ...setP1, expect: { level: 'P1' } }] });
    const restored = playTiny(standing, [
      { at: '10:01:30', type: 'set-priority', level: 'P1' },
      { at: '10:02:00', type: 'set-priority', level: 'P2' },
      { at: '10:02:30', type: 'set-priority', level: 'P1' },
    ]).report;
    expect(findingOf(restored, 'set-p1')).toMatchObject({ status: 'partial', at: '10:02:30', points: 5 });
    const lowered = playTiny(standing, [
      { at: '10:01:30', type: 'set-priority', level: 'P1' },
      { at: '10:04:00', type: 'set-priority', level: 'P2' },
    ]).report;
    expect(findingOf(lowered, 'set-p1')).toMatchObject({ status: 'missed', points: 0 });
    expect(findingOf(lowered, 'set-p1')?.observed).toMatch(/^Done at 10:01:30, but undone at 10:04:00/);
  });

  it('stops judging once "until" holds: lowering the priority after it costs nothing', () => {
    const untilRestored = loadTiny({ timeline: tiny.scenario.timeline, rubric: [{ ...setP1, expect: { level: 'P1' }, until: { after: '10:03:30' } }] });
    const report = playTiny(untilRestored, [
      { at: '10:01:30', type: 'set-priority', level: 'P1' },
      { at: '10:04:00', type: 'set-priority', level: 'P2' },
    ]).report;
    expect(findingOf(report, 'set-p1')).toMatchObject({ status: 'on-time', points: 10 });
  });
});

describe('a cadence expectation', () => {
  const cadence = (every: string): Expectation => ({
    id: 'exec-updates',
    kind: 'cadence',
    title: 'Update executives',
    rule: TINY_RULES.updateCadence,
    competency: 'notification',
    points: 10,
    trigger: { level: 'P1' },
    expect: { did: { type: 'notify', audience: 'executives' } },
    every,
    until: { did: { type: 'resolve' } },
  });
  const update = (at: string) => ({ at, type: 'notify', audience: 'executives', channel: 'email', message: 'Still working on it.' }) as const;
  const p1 = { at: '10:00:00', type: 'set-priority', level: 'P1' } as const;
  const gradeWith = (every: string, actions: Parameters<typeof playTiny>[1]) => findingOf(playTiny(loadTiny({ rubric: [cadence(every)] }), actions).report, 'exec-updates');

  it('refuses a period of 00:00 when the file loads, rather than hang grading', () => {
    expect(() => loadTiny({ rubric: [cadence('00:00')] })).toThrow(/longer than 00:00/);
  });

  it('counts the whole periods after the trigger that had an update, and a burst counts once', () => {
    const finding = gradeWith('02:00', [p1, update('10:01:00'), update('10:01:20'), update('10:01:40'), update('10:05:00')]);
    expect(finding).toMatchObject({ status: 'partial', met: false, points: 4, max: 10 });
    expect(finding?.observed).toContain('2 of 5');
  });

  it('gives full points for an update in every period', () => {
    const finding = gradeWith('02:00', [p1, update('10:01:00'), update('10:03:00'), update('10:05:00'), update('10:07:00'), update('10:09:00')]);
    expect(finding).toMatchObject({ status: 'on-time', met: true, points: 10 });
  });

  it('leaves out a part period at the end', () => {
    const finding = gradeWith('03:00', [p1, update('10:01:00'), update('10:04:00'), update('10:07:00')]);
    expect(finding).toMatchObject({ status: 'on-time', points: 10 });
    expect(finding?.observed).toContain('3 of 3');
  });

  it('stops counting once its until holds', () => {
    const finding = gradeWith('02:00', [p1, update('10:01:00'), update('10:03:00'), { at: '10:04:30', type: 'resolve' }]);
    expect(finding).toMatchObject({ status: 'on-time', points: 10 });
    expect(finding?.observed).toContain('2 of 2');
  });

  it('starts its periods at the trigger, not at the clock start', () => {
    const finding = gradeWith('02:00', [{ ...p1, at: '10:04:00' }, update('10:05:00'), update('10:07:00'), update('10:09:00')]);
    expect(finding).toMatchObject({ status: 'on-time', points: 10 });
    expect(finding?.observed).toContain('3 of 3');
  });
});
