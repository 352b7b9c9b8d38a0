import { describe, expect, it } from 'vitest';
import { createHostController } from '../../../src/app/classroom/host-controller.ts';
import { hostKeyName } from '../../../src/app/classroom/host-create.ts';
import type { FetchPort } from '../../../src/app/ports.ts';
import { createAppStore } from '../../../src/app/store.ts';
import { contentSha256OfJsonText } from '../../../src/core/hash/content-hash.ts';
import { acmeText, MemoryStorage, readRepoText } from '../../helpers.ts';
import { CODE, FakeLink } from './fake-classroom.ts';

const KEY = 'h'.repeat(32);

function setup(withKey = true) {
  const storage = new MemoryStorage();
  if (withKey) storage.setItem(hostKeyName(CODE), KEY);
  const store = createAppStore();
  const links: FakeLink[] = [];
  const scenario = acmeText();
  const playbook = readRepoText('scenarios/playbooks/itil-major-incident.json');
  const fetch: FetchPort = async () => Response.json({ scenario: { sha256: contentSha256OfJsonText(scenario), text: scenario }, playbook: { sha256: contentSha256OfJsonText(playbook), text: playbook } });
  const controller = createHostController({
    code: CODE,
    store,
    fetch,
    storage,
    endpoint: 'http://classroom.test',
    connect: (options) => {
      const link = new FakeLink(options);
      links.push(link);
      return link;
    },
  });
  return { controller, store, links, link: () => links.at(-1)! };
}

describe('host controller', () => {
  it('joins with the host key this browser kept, and again with it after a drop', async () => {
    const { controller, link } = setup();
    await controller.start();
    expect(link().options.join).toEqual({ hostKey: KEY });
    expect(link().options.rejoin()).toEqual({ hostKey: KEY });
    expect(controller.host.getState().joinUrl).toBe(`http://classroom.test/j/${CODE}`);
    link().setStatus({ kind: 'reconnecting', retryInMs: 1000 });
    expect(controller.host.getState().link).toEqual({ kind: 'reconnecting', retryInMs: 1000 });
    controller.dispose();
    expect(link().options.rejoin()).toBeNull();
  });

  it('without a host key it joins nothing and says why', async () => {
    const { controller, links } = setup(false);
    await controller.start();
    expect(links).toHaveLength(0);
    expect(controller.host.getState().content).toEqual({ status: 'failed', message: 'This browser does not hold the host key of this classroom.' });
  });

  it('follows the room clock on a replica bridge in the app store, which the call scene draws', async () => {
    const { controller, store, link } = setup();
    await controller.start();
    link().setStatus({ kind: 'open', fresh: true });
    link().state({ phase: 'running', clockMs: 120_000, speed: 5 });
    const play = store.getState().play!;
    expect(play.sim.now).toBe(120_000);
    expect(play.paused).toBe(false);
    expect(play.speed).toBe(5);
    expect(play.classroom).toEqual({ code: CODE });
    link().state({ phase: 'paused', clockMs: 180_000 });
    expect(store.getState().play!.paused).toBe(true);
    expect(store.getState().play!.sim.now).toBe(180_000);
  });

  it('class votes: takes the shared bridge’s actions into the replica', async () => {
    const { controller, store, link } = setup();
    await controller.start();
    link().state({ mode: 'vote', clockMs: 60_000 });
    link().options.messages.shared!({ actions: [{ at: store.getState().play!.compiled.clock.format(30_000), type: 'set-priority', level: 'P1' }] as never });
    expect(store.getState().play!.actions).toHaveLength(1);
    expect(store.getState().play!.sim.now).toBe(60_000);
  });

  it('keeps the roster, the results and the server’s refusals', async () => {
    const { controller, link } = setup();
    await controller.start();
    link().options.messages.roster!({ seats: [{ seatId: 's1', name: 'Dana', connected: true, actions: 0 }] });
    link().options.messages.reject!({ code: 'E_BAD_MESSAGE', message: 'The clock is not running.' });
    link().options.messages.results!({ attempts: [], findings: [] });
    const state = controller.host.getState();
    expect(state.roster.map((seat) => seat.name)).toEqual(['Dana']);
    expect(state.refusal).toBe('The clock is not running.');
    expect(state.results).toEqual({ attempts: [], findings: [] });
  });

  it('sends host commands, and checks a new name before sending it', async () => {
    const { controller, link } = setup();
    await controller.start();
    link().setStatus({ kind: 'open', fresh: true });
    controller.command('start');
    controller.speed(10);
    controller.remove('s2');
    expect(controller.rename('s1', '   ').ok).toBe(false);
    expect(controller.rename('s1', ' Dana  R ').ok).toBe(true);
    expect(link().sent).toEqual([
      { type: 'host', message: { command: 'start' } },
      { type: 'host', message: { command: 'speed', value: 10 } },
      { type: 'host', message: { command: 'remove', value: 's2' } },
      { type: 'host', message: { command: 'rename', value: { seat: 's1', name: 'Dana R' } } },
    ]);
    link().setStatus({ kind: 'reconnecting', retryInMs: null });
    expect(controller.command('pause')).toBe(false);
    expect(controller.host.getState().refusal).toMatch(/Not connected/);
  });
});

