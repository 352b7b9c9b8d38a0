import { normalizeJoinCode } from '../../classroom/join-code.ts';
import { checkTraineeName } from '../../classroom/trainee-name.ts';
import type { AttemptRecord } from '../../core/attempt.ts';
import { compileScenario } from '../../core/scenario/compile.ts';
import type { CatalogScenario } from '../catalog.ts';
import type { AppController } from '../controller.ts';
import { historyDebrief } from '../history-debrief.ts';
import type { FetchPort, KeyValueStorage, Scheduler } from '../ports.ts';
import type { AppStore } from '../store.ts';
import { classroomEntry, fetchClassroomFiles, fetchClassroomInfo } from './classroom-content.ts';
import { ClassroomPlay } from './classroom-play.ts';
import { ballotOf, voteRevealOf, type JoinOptions, type RoomSnapshot, type ServerMessages } from './classroom-types.ts';
import { openRoomLink, type LinkStatus, type RoomLink, type RoomLinkOptions } from './room-link.ts';
import { seatTokens } from './seat-token.ts';
import { createTraineeStore, type JoinForm, type TraineeState, type TraineeStore } from './trainee-state.ts';
import { Replica } from './replica.ts';
import { classroomAppController } from './classroom-app-controller.ts';

export interface TraineeControllerDeps {
  /** The app's store: the bridge in play (everyone plays), the debrief and the notice live there. */
  readonly store: AppStore;
  readonly fetch: FetchPort;
  readonly storage: KeyValueStorage;
  /** The server's origin. */
  readonly endpoint: string;
  /** Opens the room link; tests pass a fake. */
  readonly connect?: (options: RoomLinkOptions) => RoomLink;
  readonly schedule?: Scheduler;
}

export interface TraineeController {
  readonly trainee: TraineeStore;
  /** What the play screen and the debrief ask of the app, in a classroom. */
  readonly app: AppController;
  /** Opens the join page of a code (null: the bare form); a seat kept on this device is taken again at once. */
  start(code: string | null): Promise<void>;
  /** The join form's submit. */
  join(code: string, name: string): Promise<void>;
  /** Class votes: this trainee's choice on the open ballot. */
  vote(choice: string): void;
  /** The seat was opened elsewhere: take it back on this device. */
  takeSeatBack(): void;
  dispose(): void;
}

/**
 * The trainee's device in a classroom: joins with a name (or the seat token kept from before), keeps the seat
 * through drops, reloads and server restarts, plays the trainee's own bridge (everyone plays) or follows the
 * shared one and votes (class votes), and opens the debrief of the stored attempt at the end.
 */
export function createTraineeController({ store, fetch, storage, endpoint, connect = openRoomLink, schedule }: TraineeControllerDeps): TraineeController {
  const trainee = createTraineeStore(null);
  const tokens = seatTokens(storage);
  let link: RoomLink | null = null;
  let entry: CatalogScenario | null = null;
  let play: ClassroomPlay | null = null;
  let lane: Replica | null = null;
  let generation = 0;
  let token: string | null = null;
  let removed = false;
  let finished = false;
  let nextVoteRef = 1;
  let voteRef: number | null = null;

  const get = (): TraineeState => trainee.getState();
  const set = (change: Partial<TraineeState>): void => {
    trainee.setState(change);
    const stage = stageOf(get());
    if (stage !== get().stage) trainee.setState({ stage });
  };
  const setForm = (change: Partial<JoinForm>): void => set({ form: { ...get().form, ...change } });

  const stageOf = (state: TraineeState): TraineeState['stage'] => {
    if (removed) return 'removed';
    if (finished) return 'debrief';
    if (!state.seat) return state.form.busy || (state.link !== null && state.link.kind !== 'failed' && state.link.kind !== 'closed') ? 'joining' : 'form';
    const room = state.room;
    if (!room || !entry) return 'joining';
    if (room.phase === 'lobby') return 'waiting';
    if (room.phase === 'ended') return 'ended';
    return room.mode === 'vote' ? 'vote' : 'play';
  };

  /** The classroom's info and files, for a code; false (with the form saying why) when they cannot be had. */
  const load = async (code: string): Promise<boolean> => {
    if (entry && get().code === code) return true;
    set({ code, info: null, compiled: null });
    const [info, files] = await Promise.all([fetchClassroomInfo(fetch, code), fetchClassroomFiles(fetch, code)]);
    if (!info.ok) {
      setForm({ busy: false, errors: info.status === 404 ? { code: info.message } : { form: info.message } });
      return false;
    }
    if (!files.ok) {
      setForm({ busy: false, errors: { form: files.message } });
      return false;
    }
    const loaded = classroomEntry(code, files.value);
    if ('problem' in loaded) {
      setForm({ busy: false, errors: { form: loaded.problem } });
      return false;
    }
    entry = loaded;
    set({ info: info.value, compiled: compileScenario(loaded.scenario, loaded.playbook) });
    return true;
  };

  const refused = (status: Extract<LinkStatus, { kind: 'failed' }>): void => {
    const code = get().code;
    if (status.code === 'E_UNKNOWN_SEAT' && code) {
      tokens.forget(code);
      token = null;
    }
    const field = status.code.startsWith('E_NAME_') ? 'name' : status.code === 'E_UNKNOWN_CODE' ? 'code' : 'form';
    setForm({ busy: false, errors: { [field]: status.message } });
  };

  const onStatus = (status: LinkStatus): void => {
    if (status.kind === 'failed') refused(status);
    if (status.kind === 'closed' && !removed && get().seat) set({ replaced: true });
    if (status.kind === 'open' && !status.fresh) play?.reconnected();
    set({ link: status });
  };

  const onState = (room: RoomSnapshot): void => {
    const ballot = ballotOf(room);
    const reveal = voteRevealOf(room);
    const reveals = get().reveals;
    const seen = reveal !== null && reveals.some((each) => each.ballot === reveal.ballot);
    set({ room, ballot, ...(reveal && !seen ? { reveals: [...reveals, reveal] } : {}) });
    if (get().seat) ensureLane(room);
    play?.follow(room);
    if (lane) {
      lane.follow(room.clockMs);
      set({ shared: lane.current.state });
    }
  };

  const ensureLane = (room: RoomSnapshot): void => {
    const compiled = get().compiled;
    const code = get().code;
    if (!compiled || !code || finished || removed) return;
    if (room.mode === 'everyone' && !play && room.phase !== 'lobby') {
      play = new ClassroomPlay({
        store,
        code,
        compiled,
        mode: room.exam ? 'exam' : 'coach',
        send: (message) => link?.send('act', message) ?? false,
        resync: () => link?.rejoin(),
        onQueue: (queued) => set({ queued }),
      });
      play.seated(seatActions);
    }
    if (room.mode === 'vote' && !lane) lane = new Replica(compiled);
  };

  /** The actions of the latest seat message, for a bridge that starts after it (the host starts the exercise). */
  let seatActions: ServerMessages['seat']['actions'] = [];

  const messages: RoomLinkOptions['messages'] = {
    seat(message) {
      const code = get().code;
      token = message.seatToken;
      if (code) tokens.write(code, message.seatToken);
      seatActions = message.actions;
      set({ seat: { seatId: message.seatId, name: message.name }, replaced: false, form: { ...get().form, busy: false, errors: {} } });
      const room = get().room;
      if (room) ensureLane(room);
      play?.seated(message.actions);
      if (voteRef !== null) resendVote();
    },
    ack(message) {
      if (message.ref !== undefined && message.ref === voteRef) {
        const voting = get().voting;
        voteRef = null;
        if (voting) set({ voting: null, voteError: null, votes: { ...get().votes, [voting.ballot]: voting.choice } });
        return;
      }
      play?.ack(message);
    },
    reject(message) {
      if (message.ref !== undefined && message.ref === voteRef) {
        voteRef = null;
        set({ voting: null, voteError: message.message });
        return;
      }
      if (play?.reject(message)) return;
      store.setState({ notice: message.message });
    },
    shared(message) {
      const room = get().room;
      if (room && !lane) ensureLane(room);
      if (!lane) return;
      lane.rebuild(message.actions, Math.max(room?.clockMs ?? 0, lane.current.now));
      set({ shared: lane.current.state });
    },
    removed() {
      removed = true;
      const code = get().code;
      if (code) tokens.forget(code);
      token = null;
      play = null;
      link?.close();
      store.setState({ play: null });
      set({});
    },
    result(message) {
      showResult(message.attempt);
    },
  };

  const showResult = (attempt: AttemptRecord): void => {
    if (!entry) return;
    const known = entry;
    const shown = historyDebrief(attempt.attemptId, {
      attempts: new Map([[attempt.attemptId, attempt]]),
      legacy: new Map(),
      installed: [known],
      find: (id) => (id === known.scenario.id ? known : undefined),
    });
    if (!shown?.debrief) {
      if (shown?.notice) store.setState({ notice: shown.notice });
      return;
    }
    finished = true;
    play = null;
    store.setState({ screen: 'debrief', play: null, debrief: shown.debrief, ...(shown.notice ? { notice: shown.notice } : {}) });
    set({});
  };

  const open = (code: string, join: JoinOptions): void => {
    // A link replaced by a newer one says nothing more: its closing is not this seat's.
    const mine = ++generation;
    link?.close();
    link = connect({
      endpoint,
      roomId: code,
      join,
      rejoin: () => (token === null ? null : { seatToken: token }),
      onStatus: (status) => mine === generation && onStatus(status),
      onState: (room) => mine === generation && onState(room),
      messages,
      ...(schedule ? { schedule } : {}),
    });
  };

  const resendVote = (): void => {
    const voting = get().voting;
    if (!voting || voteRef === null) return;
    if (!link?.send('vote', { ballot: voting.ballot, choice: voting.choice, ref: voteRef })) set({ voteError: 'Not connected: your vote is sent once the connection is back.' });
  };

  const app = classroomAppController(store, (intent) => play?.act(intent) ?? { ok: false, error: 'The exercise has not started yet; wait for the host.' });

  return {
    trainee,
    app,

    async start(typed) {
      const code = typed === null ? null : normalizeJoinCode(typed);
      if (code === null) {
        set({ code: null, form: { ...get().form, code: typed ?? '', errors: typed ? { code: 'A join code has 6 letters and digits, as the projector shows it.' } : {} } });
        return;
      }
      setForm({ code, busy: true, errors: {} });
      if (!(await load(code))) return;
      token = tokens.read(code);
      if (token === null) {
        setForm({ busy: false });
        return;
      }
      open(code, { seatToken: token });
    },

    async join(typedCode, typedName) {
      const code = normalizeJoinCode(typedCode);
      const name = checkTraineeName(typedName);
      setForm({ code: typedCode, name: typedName, errors: {} });
      if (code === null) return setForm({ errors: { code: 'A join code has 6 letters and digits, as the projector shows it.' } });
      if (!name.ok) return setForm({ errors: { name: name.message } });
      setForm({ busy: true });
      if (!(await load(code))) return;
      open(code, { name: name.name });
    },

    vote(choice) {
      const ballot = get().ballot;
      if (!ballot) return;
      voteRef = nextVoteRef++;
      set({ voting: { ballot: ballot.id, choice }, voteError: null });
      resendVote();
    },

    takeSeatBack() {
      const code = get().code;
      if (!code || token === null) return;
      set({ replaced: false });
      open(code, { seatToken: token });
    },

    dispose() {
      generation++;
      link?.close();
      link = null;
    },
  };
}
