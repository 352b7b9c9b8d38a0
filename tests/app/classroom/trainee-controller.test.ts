import { describe, expect, it } from 'vitest';
import { EXAM_PAUSED_REFUSAL } from '../../../src/app/exam-pauses.ts';
import { seatTokenKey } from '../../../src/app/classroom/seat-token.ts';
import { createAttempt } from '../../../src/core/attempt.ts';
import { contentSha256OfJsonText } from '../../../src/core/hash/content-hash.ts';
import { compileScenario } from '../../../src/core/scenario/compile.ts';
import { Session } from '../../../src/core/session/session.ts';
import { acmeText, loadAcme, MemoryStorage, readRepoText } from '../../helpers.ts';
import { CODE, fakeClassroom, type FakeClassroom } from './fake-classroom.ts';

const TOKEN = 'seat-token-0123456789abcdef';

async function seated(classroom: FakeClassroom = fakeClassroom(), actions: Parameters<NonNullable<ReturnType<FakeClassroom['link']>['options']['messages']['seat']>>[0]['actions'] = []) {
  await classroom.controller.start(CODE);
  await classroom.controller.join(CODE, 'Dana Reyes');
  const link = classroom.link();
  link.setStatus({ kind: 'open', fresh: true });
  link.options.messages.seat?.({ seatToken: TOKEN, seatId: 'seat-1', name: 'Dana Reyes', actions });
  return { classroom, link, controller: classroom.controller, store: classroom.store, storage: classroom.storage };
}

const stage = (classroom: Pick<FakeClassroom, 'controller'>) => classroom.controller.trainee.getState().stage;
const play = (classroom: Pick<FakeClassroom, 'store'>) => {
  const current = classroom.store.getState().play;
  if (!current) throw new Error('no bridge in play');
  return current;
};

describe('joining a classroom', () => {
  it('joins with a name, keeps the seat token for this code and waits for the host', async () => {
    const classroom = await seated();
    expect(classroom.link.options.join).toEqual({ name: 'Dana Reyes' });
    classroom.link.state({ phase: 'lobby', seated: 3 });
    expect(classroom.storage.getItem(seatTokenKey(CODE))).toBe(TOKEN);
    expect(stage(classroom)).toBe('waiting');
    expect(classroom.controller.trainee.getState().room?.seated).toBe(3);
  });

  it('takes the same seat again after a reload, without asking for anything', async () => {
    const storage = new MemoryStorage();
    storage.setItem(seatTokenKey(CODE), TOKEN);
    const classroom = fakeClassroom({ storage });
    await classroom.controller.start(CODE);
    expect(classroom.link().options.join).toEqual({ seatToken: TOKEN });
    expect(classroom.link().options.rejoin()).toEqual({ seatToken: TOKEN });
  });

  it('shows a refused name next to the name field, in words, and a code the server does not know next to the code', async () => {
    const classroom = fakeClassroom();
    await classroom.controller.start(CODE);
    await classroom.controller.join(CODE, 'Dana');
    classroom.link().setStatus({ kind: 'failed', code: 'E_NAME_NOT_ALLOWED', message: 'Choose another name.' });
    expect(classroom.controller.trainee.getState().form.errors).toEqual({ name: 'Choose another name.' });
    expect(stage(classroom)).toBe('form');
    await classroom.controller.start('ZZZZZZ');
    expect(classroom.controller.trainee.getState().form.errors.code).toMatch(/^No classroom has that code/);
  });

  it('forgets a seat the room no longer has and asks for the name again', async () => {
    const storage = new MemoryStorage();
    storage.setItem(seatTokenKey(CODE), TOKEN);
    const classroom = fakeClassroom({ storage });
    await classroom.controller.start(CODE);
    classroom.link().setStatus({ kind: 'failed', code: 'E_UNKNOWN_SEAT', message: 'That seat is not in this classroom.' });
    expect(storage.getItem(seatTokenKey(CODE))).toBeNull();
    expect(stage(classroom)).toBe('form');
    expect(classroom.controller.trainee.getState().form.errors.form).toBe('That seat is not in this classroom.');
  });

  it('says so when the host removes the seat, and forgets it', async () => {
    const classroom = await seated();
    classroom.link.state({ phase: 'running' });
    classroom.link.options.messages.removed?.({ message: 'The host removed you from this classroom.' });
    expect(stage(classroom)).toBe('removed');
    expect(classroom.link.closed).toBe(true);
    expect(classroom.storage.getItem(seatTokenKey(CODE))).toBeNull();
    expect(classroom.store.getState().play).toBeNull();
  });
});

describe('everyone plays: the replica of the seat', () => {
  it('sends an act with a ref and applies the ack at the time the room stamped', async () => {
    const classroom = await seated();
    classroom.link.state({ clockMs: 30_000 });
    expect(stage(classroom)).toBe('play');
    expect(play(classroom).classroom).toEqual({ code: CODE });
    expect(classroom.controller.app.act({ type: 'roll-call' })).toEqual({ ok: true });
    expect(classroom.link.sent).toEqual([{ type: 'act', message: { type: 'roll-call', ref: 1 } }]);
    expect(play(classroom).actions).toHaveLength(0);
    classroom.link.options.messages.ack?.({ index: 0, at: '02:46:31', ref: 1 });
    expect(play(classroom).actions).toEqual([{ type: 'roll-call', at: '02:46:31' }]);
  });

  it('builds the replica again when an ack is stamped before the clock it has reached', async () => {
    const classroom = await seated();
    classroom.link.state({ clockMs: 10_000 });
    classroom.controller.app.act({ type: 'set-priority', level: 'P1' });
    classroom.link.state({ clockMs: 120_000 });
    classroom.link.options.messages.ack?.({ index: 0, at: '02:47:00', ref: 1 });

    const { scenario, playbook } = loadAcme();
    const reference = new Session(compileScenario(scenario, playbook));
    reference.submit({ type: 'set-priority', level: 'P1' }, 60_000);
    reference.advanceTo(120_000);
    expect(play(classroom).sim).toEqual(reference.state);
  });

  it('keeps an act made while disconnected and sends it once the seat is taken again', async () => {
    const classroom = await seated();
    classroom.link.state({ clockMs: 10_000 });
    classroom.link.setStatus({ kind: 'reconnecting', retryInMs: 1000 });
    expect(classroom.controller.app.act({ type: 'roll-call' })).toEqual({ ok: true });
    expect(classroom.link.sent).toEqual([]);
    expect(classroom.controller.trainee.getState().queued).toBe(1);
    classroom.link.setStatus({ kind: 'open', fresh: true });
    classroom.link.options.messages.seat?.({ seatToken: TOKEN, seatId: 'seat-1', name: 'Dana Reyes', actions: [] });
    expect(classroom.link.sent).toEqual([{ type: 'act', message: { type: 'roll-call', ref: 1 } }]);
    expect(classroom.controller.trainee.getState().queued).toBe(0);
  });

  it('does not send twice an act the room stored before the drop took its ack', async () => {
    const classroom = await seated();
    classroom.link.state({ clockMs: 10_000 });
    classroom.controller.app.act({ type: 'roll-call' });
    classroom.link.setStatus({ kind: 'reconnecting', retryInMs: null });
    classroom.controller.app.act({ type: 'announce-role' });
    classroom.link.setStatus({ kind: 'open', fresh: true });
    classroom.link.options.messages.seat?.({ seatToken: TOKEN, seatId: 'seat-1', name: 'Dana Reyes', actions: [{ type: 'roll-call', at: '02:46:10' }] });
    expect(classroom.link.sent.map((each) => each.message)).toEqual([{ type: 'roll-call', ref: 1 }, { type: 'announce-role', ref: 2 }]);
    expect(play(classroom).actions).toEqual([{ type: 'roll-call', at: '02:46:10' }]);
  });

  it('joins again for the whole log when the SDK took the connection back with an answer outstanding', async () => {
    const classroom = await seated();
    classroom.link.state({ clockMs: 10_000 });
    classroom.controller.app.act({ type: 'roll-call' });
    classroom.link.setStatus({ kind: 'reconnecting', retryInMs: null });
    classroom.link.setStatus({ kind: 'open', fresh: false });
    expect(classroom.link.rejoins).toBe(1);
  });

  it('says why the room refused an act, and refuses acting in a paused exam as the solo app does', async () => {
    const classroom = await seated();
    classroom.link.state({ clockMs: 10_000 });
    classroom.controller.app.act({ type: 'roll-call' });
    classroom.link.options.messages.reject?.({ code: 'E_SESSION_ENDED', message: 'The exercise has ended; no more actions are taken.', ref: 1 });
    expect(classroom.store.getState().notice).toBe('The exercise has ended; no more actions are taken.');
  });

  it('shows the host’s pause of an exam as the exam pause, and refuses acting then as the solo app does', async () => {
    const classroom = await seated();
    classroom.link.state({ clockMs: 10_000, phase: 'paused', exam: true });
    expect(play(classroom)).toMatchObject({ paused: true, mode: 'exam' });
    expect(classroom.controller.app.act({ type: 'roll-call' })).toEqual({ ok: false, error: EXAM_PAUSED_REFUSAL });
    expect(classroom.link.sent).toEqual([]);
  });

  it('opens the debrief of the stored attempt, graded from its log', async () => {
    const classroom = await seated();
    classroom.link.state({ clockMs: 10_000 });
    const { scenario, playbook } = loadAcme();
    const session = new Session(compileScenario(scenario, playbook));
    session.submit({ type: 'set-priority', level: 'P1' }, 60_000);
    const report = session.finish();
    const attempt = createAttempt({
      attemptId: '00000000-0000-4000-8000-000000000001',
      trainee: { id: 'seat-1', name: 'Dana Reyes' },
      scenario: { value: scenario, sha256: contentSha256OfJsonText(acmeText()) },
      playbook: { value: playbook, sha256: contentSha256OfJsonText(readRepoText('scenarios/playbooks/itil-major-incident.json')) },
      mode: 'coach',
      startedAt: 0,
      finishedAt: 1000,
      log: session.log,
      report,
    });
    classroom.link.state({ phase: 'ended' });
    expect(stage(classroom)).toBe('ended');
    classroom.link.options.messages.result?.({ attempt });
    expect(stage(classroom)).toBe('debrief');
    const debrief = classroom.store.getState().debrief;
    expect(debrief?.report).toEqual(attempt.report);
    expect(debrief?.log.actions).toEqual(session.log.actions);
    classroom.link.state({ phase: 'ended', clockMs: 20_000 });
    expect(classroom.store.getState()).toMatchObject({ screen: 'debrief', play: null, debrief });
  });
});

describe('class votes', () => {
  const ballot = JSON.stringify({ id: 'priority', kind: 'priority', prompt: 'What priority is this incident?', options: [{ id: 'P1', label: 'P1' }, { id: 'P2', label: 'P2' }], closesAt: 5000 });

  it('follows the shared bridge, sends a vote and marks the choice the server took', async () => {
    const classroom = await seated(fakeClassroom({ mode: 'vote' }));
    classroom.link.state({ mode: 'vote', clockMs: 20_000, ballot });
    expect(stage(classroom)).toBe('vote');
    expect(classroom.controller.trainee.getState().shared?.now).toBe(20_000);
    classroom.controller.vote('P2');
    expect(classroom.link.sent).toEqual([{ type: 'vote', message: { ballot: 'priority', choice: 'P2', ref: 1 } }]);
    classroom.link.options.messages.ack?.({ index: -1, at: '02:46:20', ref: 1 });
    expect(classroom.controller.trainee.getState().votes).toEqual({ priority: 'P2' });
    classroom.link.options.messages.shared?.({ actions: [{ type: 'set-priority', level: 'P1', at: '02:46:20' }] });
    expect(classroom.controller.trainee.getState().shared?.actions).toHaveLength(1);
  });
});
