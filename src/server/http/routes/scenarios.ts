import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MAX_DOCUMENT_BYTES } from '../../../core/json/source.ts';
import type { StoredVersion } from '../../db/store.ts';
import { requireUser } from '../auth.ts';
import type { ServerContext } from '../context.ts';
import { Sha256, Uuid } from '../inputs.ts';
import { parseInput, Problem } from '../problem.ts';
import { ownedCohort } from './cohorts.ts';

const Publish = z.object({ text: z.string().min(1, 'the file is empty'), cohorts: z.array(Uuid).max(100).default([]) });
const VersionParams = z.object({ kind: z.enum(['scenario', 'playbook']), sha256: Sha256 });

function titleOf(version: StoredVersion): string {
  try {
    const value: unknown = JSON.parse(version.text);
    const title = typeof value === 'object' && value !== null ? (value as { title?: unknown }).title : undefined;
    return typeof title === 'string' ? title : version.id;
  } catch {
    return version.id;
  }
}

function summary(version: StoredVersion): { id: string; version: string; sha256: string; title: string } {
  return { id: version.id, version: version.version, sha256: version.sha256, title: titleOf(version) };
}

export function scenarioRoutes(app: FastifyInstance, { store, library }: ServerContext): void {
  app.post('/api/scenarios', async (request, reply) => {
    const user = await requireUser(store, request, 'instructor', 'admin');
    const input = parseInput(Publish, request.body);
    if (Buffer.byteLength(input.text) > MAX_DOCUMENT_BYTES) throw new Problem(413, `A scenario file can be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB.`);
    const cohorts = await Promise.all(input.cohorts.map((id) => ownedCohort(store, user, id)));
    const checked = library.check(input.text);
    if (!checked.ok) throw new Problem(422, 'The scenario file does not load; nothing was published.', { diagnostics: checked.diagnostics.map(({ path: _path, ...rest }) => rest) });
    await store.putVersion(checked.version);
    for (const cohort of cohorts) await store.publishScenario(cohort.id, checked.version.sha256);
    const warnings = checked.diagnostics.map(({ path: _path, ...rest }) => rest);
    return reply.code(201).send({ scenario: summary(checked.version), playbook: summary(checked.playbookVersion), warnings });
  });

  app.get('/api/scenarios', async (request) => {
    const user = await requireUser(store, request);
    const published = await store.publishedFor(user.id);
    const scenarios = [];
    for (const version of published) {
      const playbookId = playbookIdOf(version);
      const playbook = playbookId === undefined ? undefined : library.currentPlaybook(playbookId);
      scenarios.push({ ...summary(version), text: version.text, playbook: playbook ? { id: playbook.id, version: playbook.version, sha256: playbook.sha256, text: playbook.text } : null });
    }
    return { scenarios };
  });

  app.get('/api/scenario-versions', async (request) => {
    await requireUser(store, request, 'instructor', 'admin', 'hr');
    return { scenarios: (await store.listVersions('scenario')).map(summary) };
  });

  app.get('/api/versions/:kind/:sha256', async (request) => {
    await requireUser(store, request);
    const { kind, sha256 } = parseInput(VersionParams, request.params);
    const version = await store.getVersion(kind, sha256);
    if (!version) throw new Problem(404, `No ${kind} version with that hash is stored.`);
    return version;
  });
}

function playbookIdOf(version: StoredVersion): string | undefined {
  try {
    const value: unknown = JSON.parse(version.text);
    const id = typeof value === 'object' && value !== null ? (value as { playbook?: unknown }).playbook : undefined;
    return typeof id === 'string' ? id : undefined;
  } catch {
    return undefined;
  }
}
