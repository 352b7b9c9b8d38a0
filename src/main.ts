/**
 * Browser composition root: the one module that knows every layer. It bundles the scenario and
 * playbook files as raw text (so diagnostics keep their line and column), builds the store and
 * the controller, and mounts the page; Phaser and howler load in their own chunks.
 */
import { buildCatalog, type SourceFile } from './app/catalog.ts';
import type { KeyValueStorage } from './app/ports.ts';
import { createAppController } from './app/session-controller.ts';
import { createAppStore } from './app/store.ts';
import { mountApp } from './ui/app.ts';
import { prefersReducedMotion } from './ui/dom.ts';
import './ui/styles.css';

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

function frameLoop(onFrame: (now: number) => void): () => void {
  let handle = requestAnimationFrame(function frame(now) {
    onFrame(now);
    handle = requestAnimationFrame(frame);
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
if (root) {
  const [playbooks, scenarios] = await Promise.all([sourceFiles(playbookTexts), sourceFiles(scenarioTexts)]);
  const catalog = buildCatalog(playbooks, scenarios);
  const store = createAppStore();
  const { storage, remembers } = browserStorage();
  const controller = createAppController({ store, catalog, storage, frames: frameLoop, wallClock: () => Date.now() });
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
  });
  import('./audio/audio-director.ts')
    .then(({ createAudioDirector }) => createAudioDirector(store, { baseUrl: import.meta.env.BASE_URL }))
    .catch(() => store.setState({ notice: 'Sound could not start in this browser. Captions and the transcript carry every line.' }));
  window.addEventListener('pagehide', () => controller.persist());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') controller.persist();
  });
}
