import type { FastifyInstance } from 'fastify';
import { requireUser } from '../auth.ts';
import type { ServerContext } from '../context.ts';
import { parseInput, Problem } from '../problem.ts';
import { publicXapiSettings, readXapiSettings, writeXapiSettings, XapiSettingsInput } from '../../xapi/settings.ts';

/**
 * The admin's xAPI settings: where the LRS is and how to sign in to it, whether sending is on, and the home page
 * of the actors' accounts; the outbox's status; and a resend of every attempt. Admins only. The secret is
 * never answered with, only whether one is set; every change is written to the audit log, without it.
 */
export function xapiRoutes(app: FastifyInstance, { store }: ServerContext): void {
  app.get('/api/settings/xapi', async (request) => {
    await requireUser(store, request, 'admin');
    return publicXapiSettings(await readXapiSettings(store));
  });

  app.put('/api/settings/xapi', async (request) => {
    const user = await requireUser(store, request, 'admin');
    const input = parseInput(XapiSettingsInput, request.body);
    const stored = await readXapiSettings(store);
    // The stored secret goes only to the LRS it was given for: a new address needs the secret given again.
    const sameLrs = stored !== undefined && new URL(stored.endpoint).origin === new URL(input.endpoint).origin;
    const secret = input.secret ?? (sameLrs ? stored.secret : undefined);
    if (secret === undefined) {
      const why = stored === undefined ? 'none is stored yet' : 'the stored one is kept only for the LRS it was given for';
      throw new Problem(400, `secret: the LRS needs a secret with the key; ${why}.`, { errors: [{ field: 'secret', message: 'a secret is needed' }] });
    }
    const settings = { endpoint: input.endpoint, key: input.key, secret, enabled: input.enabled, homePage: input.homePage };
    await writeXapiSettings(store, settings);
    await store.recordAudit({
      actorId: user.id,
      actor: user.email,
      action: 'settings.xapi',
      detail: { endpoint: input.endpoint, key: input.key, enabled: input.enabled, homePage: input.homePage, secretChanged: input.secret !== undefined && input.secret !== stored?.secret },
    });
    return publicXapiSettings(await readXapiSettings(store));
  });

  app.post('/api/settings/xapi/resend', async (request, reply) => {
    const user = await requireUser(store, request, 'admin');
    if ((await readXapiSettings(store)) === undefined) throw new Problem(409, 'No LRS is configured yet: set one in the xAPI settings first.');
    const queued = await store.requeueAllXapi();
    await store.recordAudit({ actorId: user.id, actor: user.email, action: 'xapi.resend', detail: { queued } });
    return reply.code(202).send({ queued });
  });

  app.get('/api/settings/xapi/status', async (request) => {
    await requireUser(store, request, 'admin');
    const settings = await readXapiSettings(store);
    return { configured: settings !== undefined, enabled: settings?.enabled ?? false, ...(await store.xapiOutboxStatus()) };
  });
}
