/**
 * Browser composition root: the one module that knows every layer. It bundles the scenario and
 * playbook files as raw text (so diagnostics keep their line and column), builds the store and
 * the controller, and mounts the page; Phaser and howler load in their own chunks.
 */
import { createAccountController } from './app/account-controller.ts';
import { createApiClient } from './app/api-client.ts';
import { buildCatalog, type SourceFile } from './app/catalog.ts';
import { keyValueStoragePort } from './app/local-storage-port.ts';
import type { KeyValueStorage } from './app/ports.ts';
import { createAppController } from './app/session-controller.ts';
import { createAppStore } from './app/store.ts';
import { createInstructorController } from './app/instructor-controller.ts';
import { createResultsApi } from './app/results/results-api.ts';
import { createResultsController } from './app/results/results-controller.ts';
import type { ChartLibrary } from './ui/results/progress-chart.ts';
import { mountApp } from './ui/app.ts';
import { createClassroom, hostAddress, rememberHostKey } from './app/classroom/host-create.ts';
import { installRunAsClass } from './ui/classroom/run-as-class.ts';
import { prefersReducedMotion } from './ui/dom.ts';
import { routeFrom } from './ui/router.ts';
import { connectScorm, findScormApi, type ApiHost, type ScormBridge } from './app/scorm/scorm-bridge.ts';
import './ui/styles.css';
import { z } from 'zod';

// The server's Content-Security-Policy forbids eval; zod would otherwise probe for it, and the browser reports the refusal.
z.config({ jitless: true });

// Content, not code: each file is its own chunk, fetched in parallel as the page starts.
const scenarioTexts = import.meta.glob<string>(['../scenarios/*.json', '!../scenarios/*.schema.json'], { query: '?raw', import: 'default' });
const playbookTexts = import.meta.glob<string>(['../scenarios/playbooks/*.json', '!../scenarios/playbooks/*.schema.json'], { query: '?raw', import: 'default' });

/** The files, named as they are in the repository. */
async function sourceFiles(modules: Record<string, () => Promise<string>>): Promise<SourceFile[]> {
  return Promise.all(Object.entries(modules).map(async ([path, load]) => ({ path: path.replace(/^(\.\.\/)+/, ''), text: await load() })));
}

/** localStorage, or, when the browser refuses storage (some private modes throw on access), a store that forgets on reload. */
function browserStorage(): { storage: KeyValueStorage; remembers: boolean } {
  try {
    const storage = window.localStorage;
    storage.getItem('bridge-drill:probe');
    return { storage, remembers: true };
  } catch {
    const memory = new Map<string, string>();
    return { storage: { getItem: (key) => memory.get(key) ?? null, setItem: (key, value) => void memory.set(key, value), removeItem: (key) => void memory.delete(key) }, remembers: false };
  }
}

/** A version 4 UUID; crypto.randomUUID exists only on secure pages, so a page served over plain HTTP on a LAN builds one itself. */
function randomUuid(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function frameLoop(onFrame: (now: number) => void): () => void {
  // The next frame is asked for first, so one frame that throws never stops the clock for good.
  let handle = requestAnimationFrame(function frame(now) {
    handle = requestAnimationFrame(frame);
    onFrame(now);
  });
  return () => cancelAnimationFrame(handle);
}

function download(fileName: string, mimeType: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const root = document.getElementById('app');
const route = routeFrom(window.location.search);
/** A SCORM package's launch (`?scenario=ID&scorm=1`), or a page framed by a learning platform that offers its API. */
const scormLaunch = new URLSearchParams(window.location.search).get('scorm') === '1';
const lmsApi = scormLaunch || window.parent !== window ? findScormApi(window as unknown as ApiHost) : null;
if (root && route.kind === 'join') {
  // A trainee's device in a classroom: its own page, loaded only on this route.
  const { startTraineePage } = await import('./ui/classroom/trainee-main.ts');
  const store = startTraineePage(root, route.code, {
    game: (gameStore, controller) => async (container) => (await import('./game/mount-game.ts')).mountGame(container, gameStore, controller, { reducedMotion: prefersReducedMotion() }),
    download,
    print: () => window.print(),
    storage: browserStorage().storage,
  });
  import('./audio/audio-director.ts')
    .then(({ createAudioDirector }) => createAudioDirector(store, { baseUrl: import.meta.env.BASE_URL }))
    .catch(() => store.setState({ notice: 'Sound could not start in this browser. Captions and the transcript carry every line.' }));
} else if (root && route.kind === 'host') {
  // A classroom's projector page: its own page, loaded only on this route.
  const { startProjectorPage } = await import('./ui/classroom/projector-main.ts');
  startProjectorPage(root, route.code.toUpperCase(), {
    game: (gameStore, intents) => async (container) => (await import('./game/mount-game.ts')).mountGame(container, gameStore, intents, { reducedMotion: prefersReducedMotion() }),
    storage: browserStorage().storage,
    qr: async (text) => {
      const loaded = await import('qrcode');
      // A CommonJS package: the bundle puts its functions on `default`.
      const QRCode = loaded.default ?? loaded;
      return QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#000000', light: '#ffffff' } });
    },
  });
} else if (root && (scormLaunch || lmsApi) && route.kind === 'scenario') {
  // Inside a learning platform: this scenario only, played on its own (no account), reported to the platform.
  const [playbooks, scenarios] = await Promise.all([sourceFiles(playbookTexts), sourceFiles(scenarioTexts)]);
  const catalog = buildCatalog(playbooks, scenarios);
  const store = createAppStore();
  const { storage } = browserStorage();
  const controller = createAppController({ store, catalog, storage: keyValueStoragePort(storage), frames: frameLoop, wallClock: () => Date.now(), newId: randomUuid });
  const connected = lmsApi ? connectScorm({ api: lmsApi, store, wallClock: () => Date.now() }) : { problem: 'No learning platform answered, so this attempt will not be reported to one.' };
  const bridge: ScormBridge | null = 'bridge' in connected ? connected.bridge : null;
  if ('problem' in connected) store.setState({ notice: connected.problem });
  mountApp(root, {
    store,
    controller,
    catalog,
    loadGame: async (container) => (await import('./game/mount-game.ts')).mountGame(container, store, controller, { reducedMotion: prefersReducedMotion() }),
    download,
    print: () => window.print(),
    lms: { scenarioId: route.id, reporting: bridge !== null },
  });
  import('./audio/audio-director.ts')
    .then(({ createAudioDirector }) => createAudioDirector(store, { baseUrl: import.meta.env.BASE_URL }))
    .catch(() => store.setState({ notice: 'Sound could not start in this browser. Captions and the transcript carry every line.' }));
  window.addEventListener('pagehide', () => {
    controller.persist();
    bridge?.pageHidden();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') controller.persist();
  });
} else if (root) {
  const [playbooks, scenarios] = await Promise.all([sourceFiles(playbookTexts), sourceFiles(scenarioTexts)]);
  const catalog = buildCatalog(playbooks, scenarios);
  const store = createAppStore();
  const { storage, remembers } = browserStorage();
  const storagePort = keyValueStoragePort(storage);
  // The results server answers on this origin under /api; a static host has none, and the page then plays on its own.
  const api = createApiClient((url, init) => fetch(url, init), { base: `${import.meta.env.BASE_URL}api` });
  const account = createAccountController({
    store,
    api,
    storage: storagePort,
    catalog,
    schedule: (ms, run) => {
      const handle = setTimeout(run, ms);
      return () => clearTimeout(handle);
    },
    wallClock: () => Date.now(),
    newId: randomUuid,
  });
  const controller = createAppController({ store, catalog, storage: storagePort, frames: frameLoop, wallClock: () => Date.now(), newId: randomUuid, sync: account.sessionSync });
  const instructor = createInstructorController({ store, api, leaveScenario: () => controller.closeScenario() });
  const apiBase = `${import.meta.env.BASE_URL}api`;
  const results = createResultsController({
    store,
    results: createResultsApi((url, init) => fetch(url, init), { base: apiBase }),
    api,
    openRecord: (record) => controller.openRecord(record),
    leaveScenario: () => controller.closeScenario(),
  });
  // "Run as a class" on each card, for an instructor signed in to this server; it opens the projector page.
  installRunAsClass({
    store,
    create: (request) => createClassroom((url, init) => fetch(url, init), request, `${import.meta.env.BASE_URL}api`),
    opened: (created) => {
      rememberHostKey(storage, created);
      window.location.assign(hostAddress(created.code, window.location.pathname));
    },
  });
  if (!remembers) store.setState({ notice: 'This browser does not let Bridge Drill store anything, so progress and past attempts are kept only until this tab is closed or reloaded.' });
  mountApp(root, {
    store,
    controller,
    catalog,
    loadGame: async (container) => {
      const { mountGame } = await import('./game/mount-game.ts');
      return mountGame(container, store, controller, { reducedMotion: prefersReducedMotion() });
    },
    download,
    print: () => window.print(),
    account,
    instructor,
    results,
    // uPlot loads in its own chunk, only when a trainee's progression is drawn.
    resultsView: {
      apiBase,
      drawChart: async (container, data) => {
        const [{ default: uPlot }, { drawProgressChart }] = await Promise.all([import('uplot'), import('./ui/results/progress-chart.ts'), import('uplot/dist/uPlot.min.css')]);
        // The chart module describes only the part of uPlot it uses, so the UI layer itself imports no package.
        return drawProgressChart(uPlot as unknown as ChartLibrary, container, data);
      },
    },
  });
  void account.start();
  window.addEventListener('online', () => account.online());
  window.addEventListener('storage', (event) => {
    if (event.storageArea === null || event.storageArea === storage) account.storageChanged(event.key);
  });
  import('./audio/audio-director.ts')
    .then(({ createAudioDirector }) => createAudioDirector(store, { baseUrl: import.meta.env.BASE_URL }))
    .catch(() => store.setState({ notice: 'Sound could not start in this browser. Captions and the transcript carry every line.' }));
  window.addEventListener('pagehide', () => {
    controller.persist();
    account.pageHidden();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'hidden') return;
    controller.persist();
    account.pageHidden();
  });
}
