import type { Kysely } from 'kysely';
import { isUuid, normalEmail, toUser } from './rows.ts';
import type { Database } from './schema.ts';
import { StoreConflict, type OneTimeToken, type Role, type User } from './store.ts';

/** Accounts, sign-in sessions and one-time tokens. */

type Db = Kysely<Database>;

const USER_COLUMNS = ['id', 'email', 'name', 'role', 'created_at'] as const;

export async function countUsers(db: Db, role?: Role): Promise<number> {
  let query = db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('count'));
  if (role !== undefined) query = query.where('role', '=', role);
  return Number((await query.executeTakeFirstOrThrow()).count);
}

export async function createUser(db: Db, input: { email: string; name: string; role: Role; passwordHash: string | null }): Promise<User> {
  const email = normalEmail(input.email);
  const row = await db
    .insertInto('users')
    .values({ email, name: input.name, role: input.role, password_hash: input.passwordHash })
    .onConflict((conflict) => conflict.column('email').doNothing())
    .returning(USER_COLUMNS)
    .executeTakeFirst();
  if (!row) throw new StoreConflict(`An account for ${email} exists already.`);
  return toUser(row);
}

export async function findUserByEmail(db: Db, email: string): Promise<(User & { readonly passwordHash: string | null }) | undefined> {
  const row = await db
    .selectFrom('users')
    .select([...USER_COLUMNS, 'password_hash'])
    .where('email', '=', normalEmail(email))
    .executeTakeFirst();
  return row && { ...toUser(row), passwordHash: row.password_hash };
}

export async function findUser(db: Db, id: string): Promise<User | undefined> {
  if (!isUuid(id)) return undefined;
  const row = await db.selectFrom('users').select(USER_COLUMNS).where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

export async function listUsers(db: Db): Promise<readonly User[]> {
  const rows = await db.selectFrom('users').select(USER_COLUMNS).orderBy('email').execute();
  return rows.map(toUser);
}

export async function setPassword(db: Db, userId: string, passwordHash: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
    await trx.deleteFrom('auth_sessions').where('user_id', '=', userId).execute();
  });
}

export async function createAuthSession(db: Db, input: { tokenHash: string; userId: string; expiresAt: string }): Promise<void> {
  await db.insertInto('auth_sessions').values({ token_hash: input.tokenHash, user_id: input.userId, expires_at: input.expiresAt }).execute();
}

export async function findAuthSession(db: Db, tokenHash: string): Promise<User | undefined> {
  const row = await db
    .selectFrom('auth_sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.email', 'u.name', 'u.role', 'u.created_at'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', new Date())
    .executeTakeFirst();
  return row && toUser(row);
}

export async function deleteAuthSession(db: Db, tokenHash: string): Promise<void> {
  await db.deleteFrom('auth_sessions').where('token_hash', '=', tokenHash).execute();
}

export async function createToken(db: Db, input: { tokenHash: string } & OneTimeToken): Promise<void> {
  await db
    .insertInto('one_time_tokens')
    .values({
      token_hash: input.tokenHash,
      kind: input.kind,
      email: input.email,
      role: input.role,
      cohort_id: input.cohortId,
      user_id: input.userId,
      expires_at: input.expiresAt,
    })
    .execute();
}

export async function findToken(db: Db, tokenHash: string): Promise<OneTimeToken | undefined> {
  const row = await db
    .selectFrom('one_time_tokens')
    .select(['kind', 'email', 'role', 'cohort_id', 'user_id', 'expires_at'])
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .executeTakeFirst();
  return row && { kind: row.kind, email: row.email, role: row.role, cohortId: row.cohort_id, userId: row.user_id, expiresAt: row.expires_at.toISOString() };
}

/** One UPDATE that only an unused, unexpired token matches: of two concurrent uses, the second finds it used. */
export async function useToken(db: Db, tokenHash: string): Promise<boolean> {
  const row = await db
    .updateTable('one_time_tokens')
    .set({ used_at: new Date() })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', new Date())
    .returning('token_hash')
    .executeTakeFirst();
  return row !== undefined;
}
