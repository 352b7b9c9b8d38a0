import type { HostCommand } from '../../classroom/messages.ts';
import { checkTraineeName, type NameCheck } from '../../classroom/trainee-name.ts';
import { compileScenario } from '../../core/scenario/compile.ts';
import type { FetchPort, KeyValueStorage } from '../ports.ts';
import type { AppStore } from '../store.ts';
import { classroomEntry, fetchClassroomFiles } from './classroom-content.ts';
import type { RoomSnapshot, ServerMessages } from './classroom-types.ts';
import { HostBridge } from './host-bridge.ts';
import { hostKeyOf } from './host-create.ts';
import { createHostStore, initialHostState, type HostStore } from './host-state.ts';
import { openRoomLink, type RoomLink, type RoomLinkOptions } from './room-link.ts';

export interface HostControllerDeps {
  readonly code: string;
  /** The app store the call scene and captions draw from: the host's copy of the room's bridge goes into its `play`. */
  readonly store: AppStore;
  readonly fetch: FetchPort;
  readonly storage: KeyValueStorage;
  /** The server's origin; the join page is `ORIGIN/j/CODE`. */
  readonly endpoint: string;
  /** Opens the room link; tests pass a fake. */
  readonly connect?: (options: RoomLinkOptions) => RoomLink;
}

/** A host command the page may send; `remove` and `rename` go through their own methods. */
export type PacingCommand = Exclude<HostCommand, 'remove' | 'rename' | 'speed'>;

export interface HostController {
  readonly host: HostStore;
  /** Loads the scenario and joins the room with this browser's host key. */
  start(): Promise<void>;
  command(command: PacingCommand): boolean;
  speed(speed: 1 | 2 | 5 | 10): boolean;
  remove(seatId: string): boolean;
  /** Checks the name as the server will, and sends it when it passes; the check's answer either way. */
  rename(seatId: string, name: string): NameCheck;
  viewBridge(bridge: string): void;
  dispose(): void;
}

/**
 * The projector's side of a classroom: joins as host with the key this browser kept when it created the room,
 * follows the room's clock on a local replica of the bridge, keeps the roster and, at the end, the class
 * debrief. Closing the laptop pauses nothing; a reload or a lost connection joins again with the same key.
 */
export function createHostController({ code, store, fetch, storage, endpoint, connect = openRoomLink }: HostControllerDeps): HostController {
  const host = createHostStore(initialHostState(code, `${endpoint.replace(/\/+$/, '')}/j/${code}`));
  let link: RoomLink | null = null;
  let bridge: HostBridge | null = null;
  let sharedActions: ServerMessages['shared']['actions'] | null = null;
  let disposed = false;

  const patch = (change: Partial<ReturnType<HostStore['getState']>>) => host.setState(change);

  const follow = (room: RoomSnapshot) => {
    patch({ room });
    bridge?.follow(room);
  };

  const send = (message: { command: HostCommand; value?: number | string | { seat: string; name: string } }): boolean => {
    patch({ refusal: null });
    const sent = link?.send('host', message) ?? false;
    if (!sent) patch({ refusal: 'Not connected to the classroom right now; try again when it says Connected.' });
    return sent;
  };

  const loadContent = async () => {
    const files = await fetchClassroomFiles(fetch, code);
    if (disposed) return;
    if (!files.ok) return patch({ content: { status: 'failed', message: files.message } });
    const entry = classroomEntry(code, files.value);
    if ('problem' in entry) return patch({ content: { status: 'failed', message: entry.problem } });
    const compiled = compileScenario(entry.scenario, entry.playbook);
    bridge = new HostBridge(store, compiled, code);
    patch({ content: { status: 'ready', compiled } });
    if (sharedActions) bridge.shared(sharedActions);
    const room = host.getState().room;
    if (room) bridge.follow(room);
  };

  return {
    host,
    async start() {
      const hostKey = hostKeyOf(storage, code);
      if (hostKey === null) {
        patch({ content: { status: 'failed', message: 'This browser does not hold the host key of this classroom.' } });
        return;
      }
      link = connect({
        endpoint,
        roomId: code,
        join: { hostKey },
        rejoin: () => (disposed ? null : { hostKey }),
        onStatus: (status) => patch({ link: status }),
        onState: follow,
        messages: {
          roster: (message) => patch({ roster: message.seats }),
          results: (message) => patch({ results: message }),
          reject: (message) => patch({ refusal: message.message }),
          shared: (message) => {
            sharedActions = message.actions;
            bridge?.shared(message.actions);
          },
        },
      });
      await loadContent();
    },
    command: (command) => send({ command }),
    speed: (speed) => send({ command: 'speed', value: speed }),
    remove: (seatId) => send({ command: 'remove', value: seatId }),
    rename(seatId, name) {
      const checked = checkTraineeName(name);
      if (checked.ok) send({ command: 'rename', value: { seat: seatId, name: checked.name } });
      return checked;
    },
    viewBridge: (target) => bridge?.viewBridge(target),
    dispose() {
      disposed = true;
      link?.close();
    },
  };
}
