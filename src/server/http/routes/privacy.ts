import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { readRetention, RETENTION_KEY, RetentionSetting, sweepRetention } from '../../privacy/retention.ts';
import { roleWithArticle } from '../../role-names.ts';
import { requireUser } from '../auth.ts';
import type { ServerContext } from '../context.ts';
import { IdParam } from '../inputs.ts';
import { parseInput, Problem } from '../problem.ts';

/** The confirmation an erasure needs: the trainee's e-mail address, typed again. */
const EraseRequest = z.strictObject({ confirm: z.string().trim().min(1, 'type the trainee’s e-mail address to confirm').max(320) });

/** Erasing a trainee and all their data, and how long attempts are kept: each change written to the audit log. */
export function privacyRoutes(app: FastifyInstance, { store }: ServerContext): void {
  app.post('/api/users/:id/erase', async (request) => {
    const actor = await requireUser(store, request, 'admin', 'hr');
    const { id } = parseInput(IdParam, request.params);
    const { confirm } = parseInput(EraseRequest, request.body);
    const user = await store.findUser(id);
    if (!user) throw new Problem(404, 'No such user.');
    if (confirm.toLowerCase() !== user.email) {
      throw new Problem(400, 'The confirmation does not match: type the trainee’s e-mail address exactly.', { errors: [{ field: 'confirm', message: 'does not match the account’s e-mail address' }] });
    }
    const outcome = await store.eraseTrainee(id);
    if ('refused' in outcome) {
      if (outcome.refused === 'no-such-user') throw new Problem(404, 'No such user.');
      throw new Problem(409, `This is ${roleWithArticle(user.role)} account; only trainee accounts are erased here.`);
    }
    await store.recordAudit({ actorId: actor.id, actor: actor.email, action: 'user.erase', detail: { userId: id, ...outcome.erased } });
    return { erased: outcome.erased };
  });

  app.get('/api/settings/retention', async (request) => {
    await requireUser(store, request, 'admin', 'hr');
    return readRetention(store);
  });

  app.put('/api/settings/retention', async (request) => {
    const actor = await requireUser(store, request, 'admin');
    const setting = parseInput(RetentionSetting, request.body);
    await store.putSetting(RETENTION_KEY, setting);
    await store.recordAudit({ actorId: actor.id, actor: actor.email, action: 'settings.retention', detail: setting });
    const deleted = await sweepRetention(store, Date.now());
    return { ...setting, deleted };
  });
}
