import type { FastifyRequest } from 'fastify';

/** A one-time link's token is as good as a password until used: logs show where it was sent, not the token. */
export function redactedUrl(url: string): string {
  return url.replace(/^(\/api\/(?:setup|invites)\/)[^/?#]+/, '$1[token]').replace(/([?&](?:setup|invite)=)[^&#]+/g, '$1[token]');
}

/** The request as the logs show it: method, address and client, never cookies or bodies. */
export function loggedRequest(request: FastifyRequest): { method: string; url: string; remoteAddress: string } {
  return { method: request.method, url: redactedUrl(request.url), remoteAddress: request.ip };
}
