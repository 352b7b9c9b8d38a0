import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { newJoinCode, normalizeJoinCode } from '../../../classroom/join-code.ts';
import { CreateClassroomSchema, type ClassroomInfo, type CreatedClassroom } from '../../../classroom/messages.ts';
import { StoreConflict } from '../../db/store.ts';
import type { ClassroomHost } from '../../rooms/classroom-host.ts';
import { newToken } from '../../tokens.ts';
import { requireUser } from '../auth.ts';
import type { ServerContext } from '../context.ts';
import { FailureLimiter } from '../rate-limit.ts';
import { parseInput, Problem } from '../problem.ts';

const CodeParam = z.object({ code: z.string().max(20) });
const MatchmakeParams = z.object({ method: z.string().max(40), roomName: z.string().max(40) });

/**
 * Classrooms (CONTRACTS §9): an instructor creates one and gets its join code and host key; anyone with the code
 * reads what it is and joins through Colyseus' matchmaking, which arrives here. Guessing codes is slowed down:
 * an address that asks about too many unknown codes waits.
 */
export function classroomRoutes(app: FastifyInstance, { store, library }: ServerContext, host: ClassroomHost, unknownCodes = new FailureLimiter(60, 5 * 60_000)): void {
  const knownCode = async (typed: string, address: string): Promise<string> => {
    const wait = unknownCodes.retryAfter(address);
    if (wait > 0) throw new Problem(429, 'Too many unknown classroom codes from this address; wait a little and check the code.', {}, { 'Retry-After': String(wait) });
    const code = normalizeJoinCode(typed);
    const row = code === null ? undefined : await store.findClassroom(code);
    if (!row || code === null) {
      unknownCodes.fail(address);
      throw new Problem(404, 'No classroom has that code. Check it on the projector: it has 6 letters and digits.');
    }
    return code;
  };

  app.post('/api/classrooms', async (request, reply) => {
    const user = await requireUser(store, request, 'instructor', 'admin');
    const input = parseInput(CreateClassroomSchema, request.body);
    const playable = await library.playable(input.scenario);
    if (!playable) throw new Problem(404, `No scenario "${input.scenario}" is stored on this server.`);
    const hostKey = newToken();
    for (let attempt = 0; attempt < 8; attempt++) {
      const code = newJoinCode(randomInt);
      try {
        await store.createClassroom({
          code,
          hostKeyHash: hostKey.hash,
          createdBy: user.id,
          scenarioSha256: playable.scenarioVersion.sha256,
          playbookSha256: playable.playbookVersion.sha256,
          mode: input.mode,
          exam: input.exam,
          anonymous: input.anonymous ?? false,
          lateJoin: input.lateJoin ?? true,
        });
      } catch (error) {
        if (error instanceof StoreConflict) continue;
        throw error;
      }
      await host.ensureRoom(code);
      const created: CreatedClassroom = { code, hostKey: hostKey.token, joinUrl: `${request.protocol}://${request.host}/j/${code}` };
      return reply.code(201).send(created);
    }
    throw new Problem(503, 'No free classroom code was found; try again.');
  });

  app.get('/api/classrooms/:code', async (request) => {
    const code = await knownCode(parseInput(CodeParam, request.params).code, request.ip);
    const row = (await store.findClassroom(code))!;
    const versions = await library.pair(row.scenarioSha256, row.playbookSha256);
    if (!versions) throw new Problem(410, 'The scenario of this classroom is no longer stored.');
    if (row.phase !== 'ended') await host.ensureRoom(code);
    const info: ClassroomInfo = {
      code,
      mode: row.mode,
      exam: row.exam,
      phase: row.phase,
      locked: row.locked,
      scenario: { id: versions.scenario.id, version: versions.scenario.version, sha256: row.scenarioSha256, title: versions.scenario.title },
      playbook: { id: versions.playbook.id, version: versions.playbook.version, sha256: row.playbookSha256 },
    };
    return info;
  });

  /** The scenario and playbook files of a classroom, so a trainee's device plays exactly what the room plays. */
  app.get('/api/classrooms/:code/content', async (request) => {
    const code = await knownCode(parseInput(CodeParam, request.params).code, request.ip);
    const row = (await store.findClassroom(code))!;
    const [scenario, playbook] = await Promise.all([store.getVersion('scenario', row.scenarioSha256), store.getVersion('playbook', row.playbookSha256)]);
    if (!scenario || !playbook) throw new Problem(410, 'The scenario of this classroom is no longer stored.');
    return { scenario: { sha256: scenario.sha256, text: scenario.text }, playbook: { sha256: playbook.sha256, text: playbook.text } };
  });

  app.get('/j/:code', async (request, reply) => {
    const code = normalizeJoinCode(parseInput(CodeParam, request.params).code);
    return reply.redirect(code === null ? '/' : `/?join=${code}`, 302);
  });

  app.post('/matchmake/:method/:roomName', async (request, reply) => {
    // Answered as Colyseus answers, { code, error }, so its client reports the reason; the error starts with a diagnostic code.
    try {
      const { method, roomName } = parseInput(MatchmakeParams, request.params);
      const code = await knownCode(roomName, request.ip);
      if (method === 'joinById') await host.ensureRoom(code);
      return await host.matchmake(method, code, request.body, request.headers, request.ip);
    } catch (error) {
      if (error instanceof Problem) {
        for (const [name, value] of Object.entries(error.headers)) void reply.header(name, value);
        const code = error.status === 404 ? 'E_UNKNOWN_CODE' : error.status === 429 ? 'E_RATE_LIMITED' : 'E_BAD_JOIN';
        return reply.code(error.status).send({ code: error.status, error: `${code}: ${error.detail}` });
      }
      const status = typeof (error as { code?: unknown }).code === 'number' && (error as { code: number }).code >= 400 && (error as { code: number }).code < 600 ? (error as { code: number }).code : 400;
      return reply.code(status).send({ code: status, error: error instanceof Error ? error.message : 'E_BAD_JOIN: the seat could not be reserved.' });
    }
  });
}
