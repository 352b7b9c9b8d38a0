import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** The app has no inline script or style element; audio and images come from this origin. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    addHeaders(request, reply);
    return payload;
  });
}

/** The headers every answer carries; anything not marked cacheable is not stored. */
export function addHeaders(request: FastifyRequest, reply: FastifyReply): void {
  void reply.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  void reply.header('X-Content-Type-Options', 'nosniff');
  void reply.header('X-Frame-Options', 'DENY');
  void reply.header('Referrer-Policy', 'no-referrer');
  void reply.header('Cross-Origin-Opener-Policy', 'same-origin');
  if (request.protocol === 'https') void reply.header('Strict-Transport-Security', 'max-age=31536000');
  if (!reply.hasHeader('Cache-Control')) void reply.header('Cache-Control', 'no-store');
}
