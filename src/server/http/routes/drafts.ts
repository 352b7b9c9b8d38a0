import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireUser } from '../auth.ts';
import type { ServerContext } from '../context.ts';
import { Uuid } from '../inputs.ts';
import { parseInput, Problem } from '../problem.ts';
import { checkedAttempt } from './attempts.ts';

const DraftParam = z.object({ attemptId: Uuid });

/** Attempts in progress, kept per account so a trainee can carry on on another device. */
export function draftRoutes(app: FastifyInstance, { store, library }: ServerContext): void {
  app.put('/api/drafts/:attemptId', async (request) => {
    const user = await requireUser(store, request);
    const { attemptId } = parseInput(DraftParam, request.params);
    const draft = await checkedAttempt(request.body, library, user, false);
    if (draft.attemptId !== attemptId) throw new Problem(400, 'attemptId: the record’s attemptId is not the one in the address.', { errors: [{ field: 'attemptId', message: 'does not match the address' }] });
    const finished = await store.getAttempt(attemptId);
    if (finished) throw new Problem(409, 'This attempt is finished and stored already.');
    return store.putDraft(user.id, draft);
  });

  app.get('/api/drafts', async (request) => {
    const user = await requireUser(store, request);
    return { drafts: await store.listDrafts(user.id) };
  });

  app.delete('/api/drafts/:attemptId', async (request, reply) => {
    const user = await requireUser(store, request);
    const { attemptId } = parseInput(DraftParam, request.params);
    await store.deleteDraft(user.id, attemptId);
    return reply.code(204).send();
  });
}
