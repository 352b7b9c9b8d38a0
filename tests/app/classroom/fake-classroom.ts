import type { RoomSnapshot } from '../../../src/app/classroom/classroom-types.ts';
import type { LinkStatus, RoomLink, RoomLinkOptions } from '../../../src/app/classroom/room-link.ts';
import { createTraineeController, type TraineeController } from '../../../src/app/classroom/trainee-controller.ts';
import type { FetchPort } from '../../../src/app/ports.ts';
import { createAppStore, type AppStore } from '../../../src/app/store.ts';
import { contentSha256OfJsonText } from '../../../src/core/hash/content-hash.ts';
import { acmeText, MemoryStorage, readRepoText } from '../../helpers.ts';

export const CODE = 'ABC234';
const playbookText = () => readRepoText('scenarios/playbooks/itil-major-incident.json');

/** A room link the test drives: it records what the controller sends, and says what the server would. */
export class FakeLink implements RoomLink {
  readonly sent: { type: string; message: Record<string, unknown> }[] = [];
  status: LinkStatus = { kind: 'connecting' };
  closed = false;
  rejoins = 0;
  constructor(readonly options: RoomLinkOptions) {}
  send(type: 'act' | 'vote' | 'host', message: object): boolean {
    if (this.status.kind !== 'open') return false;
    this.sent.push({ type, message: message as Record<string, unknown> });
    return true;
  }
  rejoin(): void {
    this.rejoins++;
  }
  close(): void {
    this.closed = true;
    this.setStatus({ kind: 'closed' });
  }
  setStatus(status: LinkStatus): void {
    this.status = status;
    this.options.onStatus(status);
  }
  state(change: Partial<RoomSnapshot> = {}): void {
    this.options.onState(snapshot(change));
  }
}

export function snapshot(change: Partial<RoomSnapshot> = {}): RoomSnapshot {
  return {
    phase: 'running',
    mode: 'everyone',
    exam: false,
    scenarioId: 'acme-chemical',
    title: 'Acme',
    clockMs: 0,
    endMs: 3_600_000,
    speed: 1,
    locked: false,
    lateJoin: true,
    anonymous: false,
    seated: 1,
    connected: 1,
    counts: {},
    ballot: '',
    reveal: '',
    ...change,
  };
}

export interface FakeClassroom {
  readonly controller: TraineeController;
  readonly store: AppStore;
  readonly storage: MemoryStorage;
  readonly links: FakeLink[];
  link(): FakeLink;
}

/** A trainee controller against a fake server: the info and content endpoints answer for Acme, links are fakes. */
export function fakeClassroom(options: { storage?: MemoryStorage; mode?: 'everyone' | 'vote' } = {}): FakeClassroom {
  const storage = options.storage ?? new MemoryStorage();
  const store = createAppStore();
  const links: FakeLink[] = [];
  const scenario = acmeText();
  const playbook = playbookText();
  const fetch: FetchPort = async (url) => {
    if (!url.startsWith(`/api/classrooms/${CODE}`)) return new Response(JSON.stringify({ detail: 'No classroom has that code. Check it on the projector: it has 6 letters and digits.' }), { status: 404 });
    if (url.endsWith('/content')) return Response.json({ scenario: { sha256: contentSha256OfJsonText(scenario), text: scenario }, playbook: { sha256: contentSha256OfJsonText(playbook), text: playbook } });
    return Response.json({ code: CODE, mode: options.mode ?? 'everyone', exam: false, phase: 'lobby', locked: false, scenario: { id: 'acme-chemical', version: '1', sha256: contentSha256OfJsonText(scenario), title: 'Acme' }, playbook: { id: 'itil-major-incident', version: '1', sha256: contentSha256OfJsonText(playbook) } });
  };
  const controller = createTraineeController({
    store,
    fetch,
    storage,
    endpoint: 'http://classroom.test',
    connect: (linkOptions) => {
      const link = new FakeLink(linkOptions);
      links.push(link);
      return link;
    },
  });
  return {
    controller,
    store,
    storage,
    links,
    link: () => {
      const last = links.at(-1);
      if (!last) throw new Error('no link was opened');
      return last;
    },
  };
}
