import { createHash, randomBytes } from 'node:crypto';

/** An unguessable token for a cookie or a one-time link, and the hash the database keeps instead of it. */
export function newToken(): { readonly token: string; readonly hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: tokenHash(token) };
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
