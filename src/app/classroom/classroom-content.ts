import { loadPlaybook, loadScenario } from '../../core/load.ts';
import type { CatalogScenario } from '../catalog.ts';
import type { FetchPort } from '../ports.ts';
import type { ClassroomInfo } from './classroom-types.ts';

/** The scenario and playbook files a classroom plays: `GET /api/classrooms/CODE/content`. */
export interface ClassroomFiles {
  readonly scenario: { readonly sha256: string; readonly text: string };
  readonly playbook: { readonly sha256: string; readonly text: string };
}

export type Fetched<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly status: number; readonly message: string };

/** What anyone with the code may read about a classroom before joining. */
export function fetchClassroomInfo(fetch: FetchPort, code: string): Promise<Fetched<ClassroomInfo>> {
  return getJson<ClassroomInfo>(fetch, `/api/classrooms/${encodeURIComponent(code)}`);
}

export function fetchClassroomFiles(fetch: FetchPort, code: string): Promise<Fetched<ClassroomFiles>> {
  return getJson<ClassroomFiles>(fetch, `/api/classrooms/${encodeURIComponent(code)}/content`);
}

/** The classroom's files loaded by the core loaders, as the catalog holds a scenario; or why they cannot be. */
export function classroomEntry(code: string, files: ClassroomFiles): CatalogScenario | { readonly problem: string } {
  const playbook = loadPlaybook(files.playbook.text);
  if (!playbook.value) return { problem: 'The classroom’s playbook could not be read by this version of Bridge Drill; reload the page.' };
  const loaded = loadScenario(files.scenario.text, new Map([[playbook.value.id, playbook.value]]));
  if (!loaded.value || !loaded.playbook) return { problem: 'The classroom’s scenario could not be read by this version of Bridge Drill; reload the page.' };
  return {
    file: `classroom-${code}.json`,
    text: files.scenario.text,
    scenario: loaded.value,
    playbook: loaded.playbook,
    sha256: { scenario: files.scenario.sha256, playbook: files.playbook.sha256 },
    warnings: loaded.diagnostics,
  };
}

async function getJson<T>(fetch: FetchPort, url: string): Promise<Fetched<T>> {
  let response: Response;
  try {
    response = await fetch(url, { method: 'GET', headers: { accept: 'application/json' }, credentials: 'same-origin' });
  } catch {
    return { ok: false, status: 0, message: 'The classroom server cannot be reached. Check the connection and try again.' };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok && body !== null) return { ok: true, value: body as T };
  const detail = typeof body === 'object' && body !== null && 'detail' in body && typeof body.detail === 'string' ? body.detail : null;
  return { ok: false, status: response.status, message: detail ?? `The classroom server answered ${response.status}.` };
}
