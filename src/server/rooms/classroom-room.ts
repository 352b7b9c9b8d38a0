import { CloseCode, Room, ServerError, type AuthContext, type Client } from '@colyseus/core';
import type { ActionIntent } from '../../core/actions/intent.ts';
import { createAttempt, type AttemptRecord } from '../../core/attempt.ts';
import { compileScenario } from '../../core/scenario/compile.ts';
import type { CompiledScenario } from '../../core/scenario/compiled.ts';
import { actingRefused, EXAM_PAUSED_REFUSAL } from '../../core/session/pause-rule.ts';
import { ballotAction, everyoneRevealText, openBallot, playbookAnswer, winningChoice, type Ballot } from '../../classroom/ballots.ts';
import { classResults, type SeatAttempt } from '../../classroom/class-results.ts';
import { ActMessageSchema, HostMessageSchema, JoinOptionsSchema, ROOM_SPEEDS, VoteMessageSchema, type ClassResults, type HostMessage, type ServerMessages } from '../../classroom/messages.ts';
import { checkTraineeName } from '../../classroom/trainee-name.ts';
import type { PlayableVersions } from '../content-library.ts';
import type { ClassroomRow, ClassroomSeat } from '../db/store.ts';
import { userOfCookieHeader } from '../http/auth.ts';
import { newToken, tokenHash } from '../tokens.ts';
import { ClassPulse } from './class-pulse.ts';
import { classroomServices, type ClassroomServices } from './classroom-services.ts';
import { ClassroomState } from './classroom-state.ts';
import { Lane } from './lane.ts';
import { MessageBudget } from './message-budget.ts';
import { RoomClock } from './room-clock.ts';
import { roomPhase, startRoomPhase, type RoomPhaseActor } from './room-phase.ts';

/** The lane of the bridge a voting class shares. */
const CLASS_LANE = 'class';
const TICK_MS = 250;
/**
 * The clock, the class pulse and the connected count reach every client at most once a wall second (a class at
 * 1× sees its whole-second clock move each time); at 2,000 trainees each patch is 2,000 socket writes.
 * Phase changes, ballots and reveals go out at once.
 */
const PUBLISH_EVERY_MS = 1000;
const SAVE_CLOCK_EVERY_MS = 2000;
const RECONNECT_SECONDS = 60;
const BALLOT_SECONDS = 45;
/** Seats one room takes: a company-wide drill fits, and a script that joins in a loop is stopped. */
export const MAX_SEATS = 5000;

type Joiner = { readonly kind: 'host' } | { readonly kind: 'seat'; readonly seat: ClassroomSeat; readonly token: string } | { readonly kind: 'new'; readonly name: string; readonly userId: string | null };
type Member = { readonly kind: 'host'; readonly budget: MessageBudget } | { readonly kind: 'seat'; readonly seatId: string; readonly token: string; readonly budget: MessageBudget };

interface LiveSeat {
  seat: ClassroomSeat;
  /** Everyone plays: the trainee's own bridge. */
  readonly lane: Lane | null;
  client: Client | null;
  readonly votes: Map<string, string>;
}

interface OpenBallot extends Ballot {
  readonly closesAt: number;
}

/**
 * A classroom (CONTRACTS §9): one scenario on one clock the host paces, played either by every trainee on their
 * own bridge or by the class voting on one shared bridge. Every acknowledged action is stored first; the room's
 * settings, clock, seats, actions and votes are in the store, so a restarted server builds the room again.
 */
export class ClassroomRoom extends Room<{ state: ClassroomState }> {
  override state = new ClassroomState();
  override autoDispose = false;
  /** Changes go out once a tick, not at the default 20 a second. */
  override patchRate = TICK_MS;

  private services!: ClassroomServices;
  private row!: ClassroomRow;
  private versions!: PlayableVersions;
  private compiled!: CompiledScenario;
  private phase!: RoomPhaseActor;
  private clockTime!: RoomClock;
  private readonly seats = new Map<string, LiveSeat>();
  private readonly members = new Map<string, Member>();
  private readonly pulse = new ClassPulse();
  /** The pulse and vote counts as they stand; `state.counts` has them as last published. */
  private readonly counts = new Map<string, number>();
  private readonly countsChanged = new Set<string>();
  private connected = 0;
  private publishedAt = Number.NEGATIVE_INFINITY;
  private shared: Lane | null = null;
  private ballot: OpenBallot | null = null;
  private savedClockMs = -1;
  private lastSave = 0;
  private ending: Promise<void> | null = null;
  /** The class debrief, once the exercise has ended. */
  private results: ClassResults | null = null;

  override async onCreate(options: { code?: unknown }): Promise<void> {
    this.services = classroomServices();
    const code = typeof options.code === 'string' ? options.code : '';
    const row = await this.services.store.findClassroom(code);
    if (!row) throw new ServerError(404, `No classroom has the code ${code}.`);
    const versions = await this.services.library.pair(row.scenarioSha256, row.playbookSha256);
    if (!versions) throw new ServerError(500, `The scenario of classroom ${code} is no longer stored.`);
    this.roomId = code;
    this.row = row;
    this.versions = versions;
    this.compiled = compileScenario(versions.scenario, versions.playbook);
    this.phase = startRoomPhase(row.phase);
    this.clockTime = new RoomClock(this.services.wallClock, row.clockMs, row.speed, this.compiled.clock.lengthMs);
    const lanes = await this.services.store.listClassroomActions(code);
    for (const seat of await this.services.store.listSeats(code)) {
      if (seat.removed) continue;
      const lane = row.mode === 'everyone' ? new Lane(this.compiled, { id: seat.userId ?? seat.id, name: seat.name }, lanes.get(seat.id) ?? []) : null;
      this.seats.set(seat.id, { seat, lane, client: null, votes: new Map() });
      if (lane) this.pulse.update(seat.id, lane.actions, (key, total) => this.setCount(key, total));
    }
    if (row.mode === 'vote') {
      this.shared = new Lane(this.compiled, { id: `class-${code}`, name: `Class ${code}` }, lanes.get(CLASS_LANE) ?? []);
      for (const vote of await this.services.store.listVotes(code)) this.seats.get(vote.seatId)?.votes.set(vote.ballot, vote.choice);
    }
    Object.assign(this.state, {
      phase: roomPhase(this.phase),
      mode: row.mode,
      exam: row.exam,
      scenarioId: versions.scenario.id,
      title: versions.scenario.title,
      clockMs: secondsOf(row.clockMs),
      endMs: this.compiled.clock.lengthMs,
      speed: row.speed,
      locked: row.locked,
      lateJoin: row.lateJoin,
      anonymous: row.anonymous,
      seated: this.seats.size,
    });
    this.savedClockMs = row.clockMs;
    this.publish(true);
    if (roomPhase(this.phase) !== row.phase) await this.save({ phase: roomPhase(this.phase) });
    if (row.mode === 'vote') this.openNextBallot();
    if (row.phase === 'ended') this.autoDispose = true;
    this.setSimulationInterval(() => this.tick(), TICK_MS);
  }

  override async onAuth(_client: Client, options: unknown, context: AuthContext): Promise<Joiner> {
    const parsed = JoinOptionsSchema.safeParse(options);
    if (!parsed.success) throw new ServerError(400, 'E_BAD_JOIN: join with { "name" }, { "seatToken" } or { "hostKey" }.');
    const join = parsed.data;
    if ('hostKey' in join) {
      if (tokenHash(join.hostKey) !== this.row.hostKeyHash) throw new ServerError(403, 'E_NOT_HOST: that host key is not this classroom’s.');
      return { kind: 'host' };
    }
    if ('seatToken' in join) {
      const hash = tokenHash(join.seatToken);
      const live = [...this.seats.values()].find((each) => each.seat.tokenHash === hash);
      if (!live) throw new ServerError(404, 'E_UNKNOWN_SEAT: that seat is not in this classroom (the host may have removed it); join again with your name.');
      return { kind: 'seat', seat: live.seat, token: join.seatToken };
    }
    const phase = roomPhase(this.phase);
    if (phase === 'ended') throw new ServerError(410, 'E_ROOM_ENDED: this classroom has ended.');
    if (this.state.locked) throw new ServerError(423, 'E_LOCKED: the host has locked joining.');
    if (phase !== 'lobby' && !this.row.lateJoin) throw new ServerError(409, 'E_JOIN_CLOSED: the exercise has started and this class does not take late joiners.');
    if (this.seats.size >= MAX_SEATS) throw new ServerError(409, `E_JOIN_CLOSED: this classroom is full (${MAX_SEATS} seats).`);
    const checked = checkTraineeName(join.name);
    if (!checked.ok) throw new ServerError(422, `${checked.code}: ${checked.message}`);
    const user = await userOfCookieHeader(this.services.store, context.headers.get('cookie') ?? undefined);
    return { kind: 'new', name: checked.name, userId: user?.id ?? null };
  }

  override async onJoin(client: Client, _options: unknown, joiner: Joiner): Promise<void> {
    const budget = new MessageBudget(this.services.wallClock, 10, 30);
    if (joiner.kind === 'host') {
      this.members.set(client.sessionId, { kind: 'host', budget });
      this.sendRoster(client);
      if (this.shared) this.tell(client, 'shared', { actions: this.shared.actions });
      if (roomPhase(this.phase) === 'ended') {
        const results = this.results ?? (await this.storedResults());
        if (results) this.tell(client, 'results', results);
      }
      return;
    }
    let token: string;
    let live: LiveSeat;
    if (joiner.kind === 'new') {
      const created = newToken();
      token = created.token;
      const seat = await this.services.store.createSeat({ code: this.roomId, tokenHash: created.hash, name: joiner.name, userId: joiner.userId, attemptId: this.services.newUuid() });
      const lane = this.row.mode === 'everyone' ? new Lane(this.compiled, { id: seat.userId ?? seat.id, name: seat.name }) : null;
      live = { seat, lane, client: null, votes: new Map() };
      this.seats.set(seat.id, live);
      this.state.seated = this.seats.size;
    } else {
      token = joiner.token;
      live = this.seats.get(joiner.seat.id)!;
      // The same seat from another tab or device: the newest connection has it.
      if (live.client && live.client.sessionId !== client.sessionId) {
        this.members.delete(live.client.sessionId);
        live.client.leave(CloseCode.CONSENTED);
      }
    }
    live.client = client;
    this.members.set(client.sessionId, { kind: 'seat', seatId: live.seat.id, token, budget });
    this.countConnected();
    this.sendSeat(client, live, token);
    this.rosterChanged();
    if (roomPhase(this.phase) === 'ended' && this.row.mode === 'everyone') {
      const stored = await this.services.store.getAttempt(live.seat.attemptId);
      if (stored) this.tell(client, 'result', { attempt: stored.attempt });
    }
  }

  override async onDrop(client: Client): Promise<void> {
    try {
      await this.allowReconnection(client, RECONNECT_SECONDS);
    } catch {
      // Not back in time, or the server is shutting down ("disposing"): the seat stays, and its token takes it again.
    }
  }

  override onReconnect(client: Client): void {
    const member = this.members.get(client.sessionId);
    if (member?.kind === 'seat') {
      const live = this.seats.get(member.seatId);
      if (live) {
        live.client = client;
        // An ack sent while the connection was down is lost with it: the seat's actions say what was stored.
        this.sendSeat(client, live, member.token);
      }
    }
    this.countConnected();
    this.rosterChanged();
  }

  override onLeave(client: Client): void {
    const member = this.members.get(client.sessionId);
    this.members.delete(client.sessionId);
    if (member?.kind === 'seat') {
      const live = this.seats.get(member.seatId);
      if (live?.client?.sessionId === client.sessionId) live.client = null;
    }
    this.countConnected();
    this.rosterChanged();
    if (roomPhase(this.phase) === 'ended' && this.clients.length === 0) void this.disconnect();
  }

  override messages = {
    act: (client: Client, message: unknown) => this.onAct(client, message),
    vote: (client: Client, message: unknown) => this.onVote(client, message),
    host: (client: Client, message: unknown) => this.onHost(client, message),
  };

  override async onBeforeShutdown(): Promise<void> {
    await this.saveClock(true);
    await Promise.all([...this.seats.values()].map((live) => live.lane?.settled()));
    await this.shared?.settled();
    await this.disconnect(CloseCode.SERVER_SHUTDOWN);
  }

  private sendSeat(client: Client, live: LiveSeat, token: string): void {
    this.tell(client, 'seat', { seatToken: token, seatId: live.seat.id, name: live.seat.name, actions: live.lane?.actions ?? [] });
    if (this.shared) this.tell(client, 'shared', { actions: this.shared.actions });
  }

  private reject(client: Client, code: string, message: string, ref?: string | number): void {
    this.tell(client, 'reject', { code, message, ...(ref === undefined ? {} : { ref }) });
  }

  private tell<K extends keyof ServerMessages>(client: Client, type: K, message: ServerMessages[K]): void {
    client.send(type, message);
  }

  /** The member behind a client, once it passed its message budget; null (and the client told why) otherwise. */
  private admitted(client: Client, ref?: string | number): Member | null {
    const member = this.members.get(client.sessionId);
    if (!member) {
      this.reject(client, 'E_NOT_SEATED', 'Join the classroom first.', ref);
      return null;
    }
    if (!member.budget.take()) {
      this.reject(client, 'E_RATE_LIMITED', 'Too many messages at once; wait a moment and send it again.', ref);
      return null;
    }
    return member;
  }

  private async onAct(client: Client, message: unknown): Promise<void> {
    const parsed = ActMessageSchema.safeParse(message);
    const ref = refOf(message);
    const member = this.admitted(client, ref);
    if (!member) return;
    if (!parsed.success) return this.reject(client, 'E_BAD_MESSAGE', `An act is one action without "at": ${parsed.error.issues[0]?.message ?? 'not an action'}.`, ref);
    const lane = member.kind === 'host' ? this.shared : this.seats.get(member.seatId)?.lane;
    if (!lane) {
      const why = member.kind === 'host' ? 'In this classroom every trainee plays their own bridge; the host only paces it.' : 'This class votes on one shared bridge: vote on the open question instead.';
      return this.reject(client, 'E_NOT_SEATED', why, ref);
    }
    const phase = roomPhase(this.phase);
    if (phase === 'lobby') return this.reject(client, 'E_NOT_STARTED', 'The exercise has not started yet; wait for the host.', ref);
    if (phase === 'ended') return this.reject(client, 'E_ROOM_ENDED', 'The exercise has ended; no more actions are taken.', ref);
    if (actingRefused(this.row.exam ? 'exam' : 'coach', phase === 'paused')) return this.reject(client, 'E_PAUSED', EXAM_PAUSED_REFUSAL, ref);
    const { ref: _ref, ...intent } = parsed.data;
    const laneId = member.kind === 'host' ? CLASS_LANE : member.seatId;
    const outcome = await lane.submit(intent as ActionIntent, () => this.clockTime.now(), (index, action) => this.services.store.appendClassroomAction(this.roomId, laneId, index, action));
    if (!outcome.ok) return this.reject(client, outcome.code, outcome.message, ref);
    this.tell(client, 'ack', { index: outcome.index, at: outcome.at, ...(ref === undefined ? {} : { ref }) });
    if (member.kind === 'seat') this.pulse.update(member.seatId, lane.actions, (key, total) => this.setCount(key, total));
    else this.sharedChanged();
  }

  private async onVote(client: Client, message: unknown): Promise<void> {
    const ref = refOf(message);
    const member = this.admitted(client, ref);
    if (!member) return;
    const parsed = VoteMessageSchema.safeParse(message);
    if (!parsed.success) return this.reject(client, 'E_BAD_MESSAGE', 'A vote is { "ballot", "choice" }.', ref);
    if (member.kind !== 'seat') return this.reject(client, 'E_NOT_SEATED', 'Only trainees vote.', ref);
    const ballot = this.ballot;
    if (!ballot || ballot.id !== parsed.data.ballot) return this.reject(client, 'E_NO_BALLOT', 'That question is not open for votes.', ref);
    if (this.services.wallClock() > ballot.closesAt) return this.reject(client, 'E_NO_BALLOT', 'Voting on that question has closed.', ref);
    if (!ballot.options.some((option) => option.id === parsed.data.choice)) return this.reject(client, 'E_BAD_MESSAGE', `"${parsed.data.choice}" is not one of the options.`, ref);
    const live = this.seats.get(member.seatId);
    if (!live) return;
    try {
      await this.services.store.putVote(this.roomId, ballot.id, live.seat.id, parsed.data.choice);
    } catch {
      return this.reject(client, 'E_STORE_FAILED', 'Your vote could not be stored; vote again.', ref);
    }
    const previous = live.votes.get(ballot.id);
    live.votes.set(ballot.id, parsed.data.choice);
    if (this.ballot?.id === ballot.id) {
      if (previous !== undefined) this.setCount(`vote:${previous}`, (this.counts.get(`vote:${previous}`) ?? 1) - 1);
      this.setCount(`vote:${parsed.data.choice}`, (this.counts.get(`vote:${parsed.data.choice}`) ?? 0) + 1);
    }
    this.tell(client, 'ack', { index: -1, at: this.compiled.clock.format(secondsOf(this.clockTime.now())), ...(ref === undefined ? {} : { ref }) });
  }

  private async onHost(client: Client, message: unknown): Promise<void> {
    const member = this.admitted(client);
    if (!member) return;
    if (member.kind !== 'host') return this.reject(client, 'E_NOT_HOST', 'Only the host can do that.');
    const parsed = HostMessageSchema.safeParse(message);
    if (!parsed.success) return this.reject(client, 'E_BAD_MESSAGE', 'A host command is { "command", "value"? }.');
    const problem = await this.command(parsed.data);
    if (problem) this.reject(client, problem.code, problem.message);
  }

  private async command({ command, value }: HostMessage): Promise<{ code: string; message: string } | null> {
    const phase = roomPhase(this.phase);
    if (phase === 'ended') return { code: 'E_ROOM_ENDED', message: 'The classroom has ended.' };
    switch (command) {
      case 'start':
        if (phase !== 'lobby') return { code: 'E_BAD_MESSAGE', message: 'The exercise has started already.' };
        this.phase.send({ type: 'START' });
        this.clockTime.run();
        this.state.phase = 'running';
        await this.save({ phase: 'running', startedAt: new Date(this.services.wallClock()).toISOString() });
        this.openNextBallot();
        return null;
      case 'pause':
        if (phase !== 'running') return { code: 'E_BAD_MESSAGE', message: 'The clock is not running.' };
        this.phase.send({ type: 'PAUSE' });
        this.clockTime.stop();
        this.state.phase = 'paused';
        this.publish(true);
        await this.saveClock(true, { phase: 'paused' });
        return null;
      case 'resume':
        if (phase !== 'paused') return { code: 'E_BAD_MESSAGE', message: 'The clock is not paused.' };
        this.phase.send({ type: 'RESUME' });
        if (!this.ballot) this.clockTime.run();
        this.state.phase = 'running';
        await this.save({ phase: 'running' });
        return null;
      case 'speed': {
        const speed = ROOM_SPEEDS.find((each) => each === value);
        if (speed === undefined) return { code: 'E_BAD_MESSAGE', message: `Speed is one of ${ROOM_SPEEDS.join(', ')}.` };
        this.clockTime.setSpeed(speed);
        this.state.speed = speed;
        this.publish(true);
        await this.saveClock(true, { speed });
        return null;
      }
      case 'lock':
      case 'unlock':
        this.state.locked = command === 'lock';
        await this.save({ locked: this.state.locked });
        return null;
      case 'reveal':
        return this.reveal();
      case 'end':
        await this.end();
        return null;
      case 'remove':
        return this.removeSeat(typeof value === 'string' ? value : '');
      case 'rename': {
        if (typeof value !== 'object' || value === undefined) return { code: 'E_BAD_MESSAGE', message: 'Rename takes { "seat", "name" }.' };
        const live = this.seats.get(value.seat);
        if (!live) return { code: 'E_UNKNOWN_SEAT', message: 'No such seat.' };
        const checked = checkTraineeName(value.name);
        if (!checked.ok) return { code: checked.code, message: checked.message };
        await this.services.store.updateSeat(live.seat.id, { name: checked.name });
        live.seat = { ...live.seat, name: checked.name };
        this.rosterChanged();
        return null;
      }
    }
  }

  private async removeSeat(seatId: string): Promise<{ code: string; message: string } | null> {
    const live = this.seats.get(seatId);
    if (!live) return { code: 'E_UNKNOWN_SEAT', message: 'No such seat.' };
    await this.services.store.updateSeat(seatId, { removed: true });
    this.seats.delete(seatId);
    this.pulse.remove(seatId, (key, total) => this.setCount(key, total));
    if (live.client) {
      this.tell(live.client, 'removed', { message: 'The host removed you from this classroom.' });
      this.members.delete(live.client.sessionId);
      live.client.leave(CloseCode.CONSENTED);
    }
    this.state.seated = this.seats.size;
    this.countConnected();
    this.rosterChanged();
    return null;
  }

  /** Everyone plays: shows what the playbook says on each question. Class votes: closes the open question, commits the class's choice and shows the playbook's. */
  private async reveal(): Promise<{ code: string; message: string } | null> {
    if (!this.shared) {
      this.state.reveal = everyoneRevealText(this.services.wallClock());
      this.publish(true);
      this.broadcastPatch(); // a reveal goes out now, not with the next scheduled patch
      return null;
    }
    const ballot = this.ballot;
    if (!ballot) return { code: 'E_NO_BALLOT', message: 'No question is open.' };
    const votes = [...this.seats.values()].map((live) => live.votes.get(ballot.id)).filter((choice): choice is string => choice !== undefined);
    const answer = playbookAnswer(this.compiled, ballot.id);
    const choice = winningChoice(ballot, votes) ?? answer?.choice ?? ballot.options[0]!.id;
    const outcome = await this.shared.submit(ballotAction(ballot, choice), () => this.clockTime.now(), (index, action) => this.services.store.appendClassroomAction(this.roomId, CLASS_LANE, index, action));
    if (!outcome.ok) return { code: outcome.code, message: outcome.message };
    const counts = Object.fromEntries(ballot.options.map((option) => [option.id, votes.filter((vote) => vote === option.id).length]));
    this.state.reveal = JSON.stringify({ ballot: ballot.id, prompt: ballot.prompt, options: ballot.options, counts, committed: choice, answer });
    this.ballot = null;
    this.state.ballot = '';
    this.sharedChanged();
    this.broadcastPatch();
    if (roomPhase(this.phase) === 'running') this.clockTime.run();
    this.openNextBallot();
    return null;
  }

  /** Class votes: holds the clock on the next open question, if there is one and none is open. */
  private openNextBallot(): void {
    if (!this.shared || this.ballot || roomPhase(this.phase) === 'lobby' || roomPhase(this.phase) === 'ended') return;
    const session = this.shared.current;
    session.advanceTo(this.clockTime.now());
    const next = openBallot(this.compiled, session.state, session.actions);
    if (!next) return;
    this.clockTime.stop();
    this.ballot = { ...next, closesAt: this.services.wallClock() + BALLOT_SECONDS * 1000 };
    for (const key of [...this.counts.keys()]) if (key.startsWith('vote:')) this.setCount(key, 0);
    for (const live of this.seats.values()) {
      const choice = live.votes.get(next.id);
      if (choice !== undefined) this.setCount(`vote:${choice}`, (this.counts.get(`vote:${choice}`) ?? 0) + 1);
    }
    this.state.ballot = JSON.stringify(this.ballot);
    this.publish(true);
  }

  private sharedChanged(): void {
    if (this.shared) this.broadcast('shared', { actions: this.shared.actions } satisfies ServerMessages['shared']);
  }

  private tick(): void {
    this.publish();
    if (roomPhase(this.phase) !== 'running') return;
    this.openNextBallot();
    if (this.clockTime.atEnd) void this.end();
    else void this.saveClock(false);
  }

  /** Ends the exercise: the rest of each bridge's clock runs, and every attempt is graded, stored and sent. */
  private end(): Promise<void> {
    this.ending ??= this.finishAll();
    return this.ending;
  }

  private async finishAll(): Promise<void> {
    this.clockTime.stop();
    this.phase.send({ type: 'END' });
    this.publish(true);
    const finishedAt = this.services.wallClock();
    const startedAt = this.row.startedAt ? Date.parse(this.row.startedAt) : finishedAt;
    const seatAttempts: SeatAttempt[] = [];
    const attemptOf = (lane: Lane, attemptId: string): AttemptRecord => {
      const report = lane.current.finish();
      return createAttempt({
        attemptId,
        trainee: lane.current.log.trainee ?? { id: attemptId },
        scenario: { value: this.versions.scenario, sha256: this.versions.scenarioVersion.sha256 },
        playbook: { value: this.versions.playbook, sha256: this.versions.playbookVersion.sha256 },
        mode: this.row.exam ? 'exam' : 'coach',
        startedAt,
        finishedAt,
        log: lane.current.log,
        report,
        classroom: { code: this.roomId, mode: this.row.mode },
      });
    };
    for (const live of this.seats.values()) {
      if (!live.lane) continue;
      await live.lane.settled();
      const attempt = attemptOf(live.lane, live.seat.attemptId);
      const stored = (await this.services.store.putAttempt(live.seat.userId, attempt)).attempt;
      seatAttempts.push({ seatId: live.seat.id, name: live.seat.name, attempt: stored });
      if (live.client) this.tell(live.client, 'result', { attempt: stored });
    }
    let votes: { seatId: string; name: string; agreed: number; cast: number }[] | undefined;
    if (this.shared) {
      await this.shared.settled();
      const attempt = (await this.services.store.putAttempt(this.row.createdBy, attemptOf(this.shared, this.services.newUuid()))).attempt;
      seatAttempts.push({ seatId: CLASS_LANE, name: `Class ${this.roomId}`, attempt });
      votes = [...this.seats.values()].map((live) => {
        let agreed = 0;
        for (const [ballot, choice] of live.votes) if (playbookAnswer(this.compiled, ballot)?.choice === choice) agreed++;
        return { seatId: live.seat.id, name: live.seat.name, agreed, cast: live.votes.size };
      });
      for (const live of this.seats.values()) if (live.client) this.tell(live.client, 'result', { attempt });
    }
    const results = classResults(seatAttempts, votes);
    this.results = results;
    for (const client of this.hostClients()) this.tell(client, 'results', results);
    this.state.phase = 'ended';
    this.state.ballot = '';
    await this.save({ phase: 'ended', clockMs: this.clockTime.now(), endedAt: new Date(finishedAt).toISOString() });
    this.autoDispose = true;
  }

  /** The class debrief of a room that ended before this process built it (after a restart), from the stored attempts. */
  private async storedResults(): Promise<ClassResults | null> {
    if (this.row.mode !== 'everyone') return null;
    const seatAttempts: SeatAttempt[] = [];
    for (const live of this.seats.values()) {
      const stored = await this.services.store.getAttempt(live.seat.attemptId);
      if (stored) seatAttempts.push({ seatId: live.seat.id, name: live.seat.name, attempt: stored.attempt });
    }
    this.results = classResults(seatAttempts);
    return this.results;
  }

  private hostClients(): Client[] {
    return this.clients.filter((client) => this.members.get(client.sessionId)?.kind === 'host');
  }

  private setCount(key: string, total: number): void {
    if (total <= 0) this.counts.delete(key);
    else this.counts.set(key, total);
    this.countsChanged.add(key);
  }

  private countConnected(): void {
    let connected = 0;
    for (const live of this.seats.values()) if (live.client) connected++;
    this.connected = connected;
  }

  /** Puts the clock, counts and connected count into the shared state: once a wall second, or now when `force`. */
  private publish(force = false): void {
    const wall = this.services.wallClock();
    // Half a tick early rather than a tick late, so a 1× clock moves every second however the ticks jitter.
    if (!force && wall - this.publishedAt < PUBLISH_EVERY_MS - TICK_MS / 2) return;
    this.publishedAt = wall;
    this.state.clockMs = secondsOf(this.clockTime.now());
    this.state.connected = this.connected;
    for (const key of this.countsChanged) {
      const total = this.counts.get(key);
      if (total === undefined) this.state.counts.delete(key);
      else this.state.counts.set(key, total);
    }
    this.countsChanged.clear();
  }

  private rosterTimer: ReturnType<typeof setTimeout> | null = null;

  /** The hosts' roster, sent at most twice a second however many join at once. */
  private rosterChanged(): void {
    if (this.rosterTimer) return;
    this.rosterTimer = setTimeout(() => {
      this.rosterTimer = null;
      for (const client of this.hostClients()) this.sendRoster(client);
    }, 500);
  }

  private sendRoster(client: Client): void {
    const seats = [...this.seats.values()].map((live) => ({ seatId: live.seat.id, name: live.seat.name, connected: live.client !== null, actions: live.lane?.actions.length ?? live.votes.size }));
    this.tell(client, 'roster', { seats });
  }

  private async saveClock(force: boolean, extra: Parameters<ClassroomServices['store']['updateClassroom']>[1] = {}): Promise<void> {
    const clockMs = Math.round(this.clockTime.now());
    const wall = this.services.wallClock();
    if (!force && (clockMs === this.savedClockMs || wall - this.lastSave < SAVE_CLOCK_EVERY_MS)) return;
    this.lastSave = wall;
    this.savedClockMs = clockMs;
    await this.save({ clockMs, ...extra });
  }

  private async save(update: Parameters<ClassroomServices['store']['updateClassroom']>[1]): Promise<void> {
    try {
      await this.services.store.updateClassroom(this.roomId, update);
    } catch {
      // The clock is saved again within seconds; a restart in between resumes from the last position saved.
    }
  }

  override onDispose(): void {
    if (this.rosterTimer) clearTimeout(this.rosterTimer);
  }
}

function secondsOf(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

function refOf(message: unknown): string | number | undefined {
  if (typeof message !== 'object' || message === null || !('ref' in message)) return undefined;
  const ref = (message as { ref: unknown }).ref;
  return (typeof ref === 'string' && ref.length <= 64) || (typeof ref === 'number' && Number.isInteger(ref) && ref >= 0) ? ref : undefined;
}
