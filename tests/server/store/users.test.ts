import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreConflict, StoreInvalidInput, type ResultsStore } from '../../../src/server/db/store.ts';
import { freshStore, storeKinds } from '../support/stores.ts';

const HOUR = 3_600_000;
const later = (ms: number) => new Date(Date.now() + ms).toISOString();
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe.each(storeKinds)('users, sign-in sessions and one-time tokens on %s', (kind) => {
  let store: ResultsStore;
  beforeAll(async () => {
    store = await freshStore(kind);
  });
  afterAll(async () => {
    await store.close();
  });

  const email = () => `user-${randomUUID()}@example.test`;

  it('says which database it is and that it answers', async () => {
    expect(store.kind).toBe(kind);
    expect(await store.ping()).toBe(true);
  });

  it('creates a user with a lowercased, trimmed email and finds them by id and by any spelling of the email', async () => {
    const address = email();
    const user = await store.createUser({ email: `  ${address.toUpperCase()} `, name: 'Dana Reyes', role: 'trainee', passwordHash: 'hash-1' });
    expect(user).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), email: address, name: 'Dana Reyes', role: 'trainee', createdAt: expect.stringMatching(ISO_UTC) });
    expect(await store.findUser(user.id)).toEqual(user);
    expect(await store.findUserByEmail(address.toUpperCase())).toEqual({ ...user, passwordHash: 'hash-1' });
    expect(await store.findUserByEmail(`nobody-${address}`)).toBeUndefined();
    expect(await store.findUser(randomUUID())).toBeUndefined();
    expect(await store.findUser('not-a-uuid')).toBeUndefined();
    expect((await store.listUsers()).map((listed) => listed.id)).toContain(user.id);
  });

  it('refuses a second account for the same email, whatever its case, as a conflict', async () => {
    const address = email();
    await store.createUser({ email: address, name: 'First', role: 'trainee', passwordHash: null });
    await expect(store.createUser({ email: address.toUpperCase(), name: 'Second', role: 'admin', passwordHash: null })).rejects.toBeInstanceOf(StoreConflict);
    expect((await store.findUserByEmail(address))?.name).toBe('First');
  });

  it('refuses what the database cannot hold as invalid input, not as a crash', async () => {
    await expect(store.createUser({ email: email(), name: 'Nul\0Name', role: 'trainee', passwordHash: null })).rejects.toBeInstanceOf(StoreInvalidInput);
  });

  it('counts users as numbers, in all and by role', async () => {
    const before = await store.countUsers();
    const instructorsBefore = await store.countUsers('instructor');
    await store.createUser({ email: email(), name: 'I', role: 'instructor', passwordHash: null });
    await store.createUser({ email: email(), name: 'T', role: 'trainee', passwordHash: null });
    expect(await store.countUsers()).toBe(before + 2);
    expect(await store.countUsers('instructor')).toBe(instructorsBefore + 1);
    expect(typeof (await store.countUsers('hr'))).toBe('number');
  });

  it('finds a live sign-in session, not an expired or deleted one', async () => {
    const user = await store.createUser({ email: email(), name: 'S', role: 'hr', passwordHash: 'h' });
    await store.createAuthSession({ tokenHash: 'live-1', userId: user.id, expiresAt: later(HOUR) });
    await store.createAuthSession({ tokenHash: 'expired-1', userId: user.id, expiresAt: later(-1000) });
    expect(await store.findAuthSession('live-1')).toEqual(user);
    expect(await store.findAuthSession('expired-1')).toBeUndefined();
    expect(await store.findAuthSession('unknown')).toBeUndefined();
    await store.deleteAuthSession('live-1');
    expect(await store.findAuthSession('live-1')).toBeUndefined();
  });

  it('ends every session of a user when their password is set', async () => {
    const user = await store.createUser({ email: email(), name: 'P', role: 'trainee', passwordHash: null });
    const other = await store.createUser({ email: email(), name: 'Q', role: 'trainee', passwordHash: null });
    await store.createAuthSession({ tokenHash: 'p-1', userId: user.id, expiresAt: later(HOUR) });
    await store.createAuthSession({ tokenHash: 'p-2', userId: user.id, expiresAt: later(HOUR) });
    await store.createAuthSession({ tokenHash: 'q-1', userId: other.id, expiresAt: later(HOUR) });
    await store.setPassword(user.id, 'new-hash');
    expect((await store.findUserByEmail(user.email))?.passwordHash).toBe('new-hash');
    expect(await store.findAuthSession('p-1')).toBeUndefined();
    expect(await store.findAuthSession('p-2')).toBeUndefined();
    expect(await store.findAuthSession('q-1')).toEqual(other);
  });

  it('refuses a session for a user that does not exist', async () => {
    await expect(store.createAuthSession({ tokenHash: 'ghost', userId: randomUUID(), expiresAt: later(HOUR) })).rejects.toBeInstanceOf(StoreConflict);
  });

  it('keeps a one-time token until it is used once', async () => {
    const expiresAt = later(HOUR);
    await store.createToken({ tokenHash: 'setup-1', kind: 'setup', email: null, role: 'admin', cohortId: null, userId: null, expiresAt });
    expect(await store.findToken('setup-1')).toEqual({ kind: 'setup', email: null, role: 'admin', cohortId: null, userId: null, expiresAt: new Date(expiresAt).toISOString() });
    expect(await store.useToken('setup-1')).toBe(true);
    expect(await store.findToken('setup-1')).toBeUndefined();
    expect(await store.useToken('setup-1')).toBe(false);
    expect(await store.useToken('never-made')).toBe(false);
  });

  it('neither finds nor uses an expired token', async () => {
    await store.createToken({ tokenHash: 'old-1', kind: 'invite', email: 'x@example.test', role: 'trainee', cohortId: null, userId: null, expiresAt: later(-1000) });
    expect(await store.findToken('old-1')).toBeUndefined();
    expect(await store.useToken('old-1')).toBe(false);
  });

  it('keeps what a reset or an invitation is for', async () => {
    const user = await store.createUser({ email: email(), name: 'R', role: 'instructor', passwordHash: 'h' });
    const cohort = await store.createCohort({ name: 'Night shift', instructorId: user.id });
    await store.createToken({ tokenHash: 'reset-1', kind: 'reset', email: user.email, role: 'instructor', cohortId: null, userId: user.id, expiresAt: later(HOUR) });
    await store.createToken({ tokenHash: 'invite-1', kind: 'invite', email: 'New.Trainee@Example.test', role: 'trainee', cohortId: cohort.id, userId: null, expiresAt: later(HOUR) });
    expect(await store.findToken('reset-1')).toMatchObject({ kind: 'reset', userId: user.id, cohortId: null });
    expect(await store.findToken('invite-1')).toMatchObject({ kind: 'invite', email: 'New.Trainee@Example.test', cohortId: cohort.id, userId: null });
  });

  it('lets exactly one of two concurrent uses of a token win', async () => {
    for (let round = 0; round < 5; round++) {
      const tokenHash = `race-${round}`;
      await store.createToken({ tokenHash, kind: 'invite', email: null, role: 'trainee', cohortId: null, userId: null, expiresAt: later(HOUR) });
      const results = await Promise.all([store.useToken(tokenHash), store.useToken(tokenHash), store.useToken(tokenHash)]);
      expect(results.filter(Boolean)).toHaveLength(1);
    }
  });

  it('refuses a token hash that is stored already, as a conflict', async () => {
    await store.createToken({ tokenHash: 'twice', kind: 'setup', email: null, role: 'admin', cohortId: null, userId: null, expiresAt: later(HOUR) });
    await expect(store.createToken({ tokenHash: 'twice', kind: 'setup', email: null, role: 'admin', cohortId: null, userId: null, expiresAt: later(HOUR) })).rejects.toBeInstanceOf(StoreConflict);
  });
});
