/**
 * A child process of `npm run bench:classroom`: plays `count` trainees of one classroom with the real Colyseus
 * SDK, each acting along its log when the room's clock passes each action's time, and reports what it measured.
 */
import { performance } from 'node:perf_hooks';
import { DROP_AT, DROP_EVERY, DROP_FOR_MS, epochNow, LOG_KINDS, plannedLogs, scenarioClock, type ChildReport, type ChildStart, type FromChild, type PlannedAction, type ToChild } from './bench-classroom-logs.ts';

globalThis.WebSocket ??= (await import('ws')).WebSocket as unknown as typeof WebSocket;
const { Client } = await import('@colyseus/sdk');
type Room = Awaited<ReturnType<InstanceType<typeof Client>['joinById']>>;
type RoomView = { clockMs: number; speed: number; phase: string; reveal: string };

/** How long a trainee keeps trying to take its seat again (a server restart included). */
const REJOIN_FOR_MS = 90_000;

const tell = (message: FromChild) => process.send!(message);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const figures = {
  ackMs: [] as number[],
  joinMs: [] as number[],
  dropRejoinMs: [] as number[],
  serverRejoinMs: [] as number[],
  revealSeenAt: [] as number[],
  acks: 0,
  recovered: 0,
  resent: 0,
  rejected: {} as Record<string, number>,
  drops: 0,
  rejoins: 0,
  joinRetries: 0,
  failures: [] as string[],
};
let finishing = false;
let doneSent = false;

function fail(what: string): void {
  if (figures.failures.length < 20) figures.failures.push(what);
}

class Trainee {
  room: Room | null = null;
  seatToken = '';
  seatId = '';
  /** Acks received plus actions found stored after a rejoin. */
  acked = 0;
  private next = 0;
  private readonly pending = new Map<number, number>();
  private connected = false;
  /** The room's clock as last published (once a wall second), and when it arrived: this trainee's clock runs on from it. */
  private anchor = { clockMs: 0, at: 0, speed: 1, running: false };
  private timer: ReturnType<typeof setTimeout> | null = null;
  private revealSeen = false;
  private dropped = false;
  private dropping = false;
  private awaySince = 0;
  private awayByDrop = false;

  constructor(
    private readonly client: InstanceType<typeof Client>,
    private readonly code: string,
    readonly name: string,
    private readonly plan: readonly PlannedAction[],
    private readonly staggerMs: number,
    private readonly dropAtMs: number | null,
  ) {}

  get complete(): boolean {
    return this.next === this.plan.length && this.pending.size === 0;
  }

  async join(): Promise<void> {
    const began = performance.now();
    for (let attempt = 0; ; attempt++) {
      try {
        const seated = this.seated();
        this.attach(await this.client.joinById(this.code, { name: this.name }));
        await seated;
        figures.joinMs.push(performance.now() - began);
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
        figures.joinRetries++;
        await sleep(500 + Math.random() * 500);
      }
    }
  }

  private seatWaiter: (() => void) | null = null;
  private seated(): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no seat message within 60 s')), 60_000);
      this.seatWaiter = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  private attach(room: Room): void {
    this.room = room;
    room.reconnection.enabled = false; // a dropped page joins again with its seat token, as the app does after a reload
    room.onMessage('seat', (message: { seatToken: string; seatId: string; actions: readonly unknown[] }) => this.onSeat(message));
    room.onMessage('ack', (message: { ref?: number }) => this.settle(message.ref, null));
    room.onMessage('reject', (message: { ref?: number; code: string }) => this.settle(message.ref, message.code));
    room.onMessage('*', () => {});
    room.onStateChange((state) => this.onState(state as RoomView));
    room.onLeave(() => this.onLeave(room));
  }

  private onSeat(message: { seatToken: string; seatId: string; actions: readonly unknown[] }): void {
    this.seatToken = message.seatToken;
    this.seatId = message.seatId;
    // Stored actions beyond the acks received were stored with their ack lost; the rest still pending go again.
    const pending = [...this.pending.keys()].sort((a, b) => a - b);
    let storedUnacked = message.actions.length - this.acked;
    for (const ref of pending) {
      if (storedUnacked <= 0) break;
      this.pending.delete(ref);
      this.acked++;
      figures.recovered++;
      storedUnacked--;
    }
    this.connected = true;
    if (this.awaySince) {
      (this.awayByDrop ? figures.dropRejoinMs : figures.serverRejoinMs).push(performance.now() - this.awaySince);
      this.awaySince = 0;
    }
    for (const ref of this.pending.keys()) {
      this.send(ref);
      figures.resent++;
    }
    this.seatWaiter?.();
    this.seatWaiter = null;
    this.act();
    checkDone();
  }

  private onState(state: RoomView): void {
    if (state.reveal && !this.revealSeen) {
      this.revealSeen = true;
      figures.revealSeenAt.push(epochNow());
    }
    const running = state.phase === 'running';
    const { anchor } = this;
    if (state.clockMs !== anchor.clockMs || state.speed !== anchor.speed || running !== anchor.running) this.anchor = { clockMs: state.clockMs, at: performance.now(), speed: state.speed, running };
    this.act();
  }

  /** The room's clock as this trainee reckons it, running on from the last one published for up to two seconds. */
  private clockNow(): number {
    const { clockMs, at, speed, running } = this.anchor;
    return running ? clockMs + Math.min(performance.now() - at, 2000) * speed : clockMs;
  }

  /** Does whatever is due by now, then waits for the next thing due: a drop, or the next action of the log. */
  private act(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.connected) return;
    const clockMs = this.clockNow();
    if (this.dropAtMs !== null && !this.dropped && clockMs >= this.dropAtMs) return this.drop();
    while (this.next < this.plan.length && this.dueAt(this.next) <= clockMs) this.send(this.next++);
    const dueNext = Math.min(this.next < this.plan.length ? this.dueAt(this.next) : Infinity, this.dropAtMs !== null && !this.dropped ? this.dropAtMs : Infinity);
    if (dueNext === Infinity || !this.anchor.running) return;
    this.timer = setTimeout(() => this.act(), Math.max(1, (dueNext - clockMs) / this.anchor.speed));
  }

  private dueAt(index: number): number {
    return this.plan[index]!.offsetMs + this.staggerMs;
  }

  private send(ref: number): void {
    this.pending.set(ref, performance.now());
    this.room!.send('act', { ...this.plan[ref]!.action, ref });
  }

  private settle(ref: number | undefined, code: string | null): void {
    if (ref === undefined || !this.pending.has(ref)) return fail(`${this.name}: ${code ?? 'ack'} for ref ${String(ref)}, not pending`);
    const sentAt = this.pending.get(ref)!;
    this.pending.delete(ref);
    if (code === null) {
      figures.ackMs.push(performance.now() - sentAt);
      figures.acks++;
      this.acked++;
    } else {
      figures.rejected[code] = (figures.rejected[code] ?? 0) + 1;
    }
    checkDone();
  }

  /** Loses the connection abnormally (no close frame), as a dropped Wi-Fi does. */
  private drop(): void {
    this.dropped = true;
    this.dropping = true;
    this.connected = false;
    figures.drops++;
    (this.room!.connection.transport as unknown as { ws: { terminate(): void } }).ws.terminate();
  }

  private onLeave(room: Room): void {
    if (room !== this.room) return;
    this.room = null;
    this.connected = false;
    if (finishing) return;
    this.awaySince = performance.now();
    this.awayByDrop = this.dropping;
    void this.rejoin(this.dropping ? DROP_FOR_MS : 0);
    this.dropping = false;
  }

  private async rejoin(waitMs: number): Promise<void> {
    await sleep(waitMs + Math.random() * 300);
    const until = performance.now() + REJOIN_FOR_MS;
    while (!finishing) {
      try {
        this.attach(await this.client.joinById(this.code, { seatToken: this.seatToken }));
        figures.rejoins++;
        return;
      } catch (error) {
        if (performance.now() > until) return fail(`${this.name}: could not rejoin: ${error instanceof Error ? error.message : String(error)}`);
        await sleep(300 + Math.random() * 500);
      }
    }
  }
}

let trainees: Trainee[] = [];

function checkDone(): void {
  if (doneSent || trainees.length === 0 || !trainees.every((trainee) => trainee.complete)) return;
  doneSent = true;
  tell({ kind: 'done', at: epochNow() });
}

async function start(config: ChildStart): Promise<void> {
  const logs = plannedLogs(config.untilMs);
  const clock = scenarioClock();
  const client = new Client(config.url);
  trainees = Array.from({ length: config.count }, (_, k) => {
    const i = config.first + k;
    const staggerMs = config.staggerSeconds > 0 ? (i % config.staggerSeconds) * 1000 : 0;
    const drops = config.drop && i % DROP_EVERY === DROP_EVERY / 2;
    return new Trainee(client, config.code, `Trainee ${i + 1}`, logs[LOG_KINDS[i % LOG_KINDS.length]!], staggerMs, drops ? clock.offsetOf(DROP_AT) + staggerMs : null);
  });
  let failed = 0;
  let nextToJoin = 0;
  await Promise.all(
    Array.from({ length: Math.min(config.concurrency, trainees.length) }, async () => {
      while (nextToJoin < trainees.length) {
        const trainee = trainees[nextToJoin++]!;
        try {
          await trainee.join();
        } catch (error) {
          failed++;
          fail(`${trainee.name}: could not join: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    }),
  );
  tell({ kind: 'joined', at: epochNow(), failed });
  checkDone();
}

async function finish(): Promise<void> {
  finishing = true;
  const ackedBySeat: Record<string, number> = {};
  for (const trainee of trainees) if (trainee.seatId) ackedBySeat[trainee.seatId] = trainee.acked;
  const report: ChildReport = { kind: 'report', ackedBySeat, ...figures };
  process.send!(report, () => {
    void Promise.race([Promise.all(trainees.map((trainee) => trainee.room?.leave(true).catch(() => {}))), sleep(3000)]).then(() => process.exit(0));
  });
}

process.on('message', (message: ToChild) => {
  if (message.kind === 'start') void start(message);
  else void finish();
});
// Whatever happens to the benchmark, this process does not outlive it.
process.on('disconnect', () => process.exit(0));
tell({ kind: 'ready' });
