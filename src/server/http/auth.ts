import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ResultsStore, Role, User } from '../db/store.ts';
import { newToken, tokenHash } from '../tokens.ts';
import { Problem } from './problem.ts';

export const SESSION_COOKIE = 'bd_session';
const SESSION_DAYS = 14;

function cookieValue(request: FastifyRequest, name: string): string | undefined {
  return cookieOf(request.headers.cookie, name);
}

function cookieOf(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

function sessionCookie(request: FastifyRequest, value: string, maxAgeSeconds: number): string {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  return `${SESSION_COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

/** Signs a user in: a new opaque session (so a session fixed before sign-in is never reused), replacing any the request carried. */
export async function startSession(store: ResultsStore, request: FastifyRequest, reply: FastifyReply, user: User): Promise<void> {
  const previous = cookieValue(request, SESSION_COOKIE);
  if (previous) await store.deleteAuthSession(tokenHash(previous));
  const { token, hash } = newToken();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000).toISOString();
  await store.createAuthSession({ tokenHash: hash, userId: user.id, expiresAt });
  void reply.header('Set-Cookie', sessionCookie(request, token, SESSION_DAYS * 86_400));
}

export async function endSession(store: ResultsStore, request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = cookieValue(request, SESSION_COOKIE);
  if (token) await store.deleteAuthSession(tokenHash(token));
  void reply.header('Set-Cookie', sessionCookie(request, '', 0));
}

/** The signed-in user, or undefined. */
export function currentUser(store: ResultsStore, request: FastifyRequest): Promise<User | undefined> {
  return userOfCookieHeader(store, request.headers.cookie);
}

/** The user a Cookie header signs in (a classroom's join carries one), or undefined. */
export async function userOfCookieHeader(store: ResultsStore, header: string | undefined): Promise<User | undefined> {
  const token = cookieOf(header, SESSION_COOKIE);
  if (!token || token.length > 200) return undefined;
  return store.findAuthSession(tokenHash(token));
}

/** The signed-in user, when their role is one of `roles` (any role when none given); 401 or 403 otherwise. */
export async function requireUser(store: ResultsStore, request: FastifyRequest, ...roles: readonly Role[]): Promise<User> {
  const user = await currentUser(store, request);
  if (!user) throw new Problem(401, 'Sign in first.');
  if (roles.length > 0 && !roles.includes(user.role)) throw new Problem(403, `This needs the ${roles.join(' or ')} role; you are signed in as ${user.role}.`);
  return user;
}
