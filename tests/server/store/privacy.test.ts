import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResultsStore, User } from '../../../src/server/db/store.ts';
import { freshStore, storeKinds } from '../support/stores.ts';
import { acmeVersion, attemptRecord, playbookVersion } from './records.ts';

describe.each(storeKinds)('erasing a trainee on %s', (kind) => {
  let store: ResultsStore;
  let leaving: User;
  let staying: User;
  const code = 'ERASE2';

  beforeAll(async () => {
    store = await freshStore(kind);
    await store.putVersion(acmeVersion);
    await store.putVersion(playbookVersion);
    leaving = await store.createUser({ email: 'leaving@example.test', name: 'Lee', role: 'trainee', passwordHash: null });
    staying = await store.createUser({ email: 'staying@example.test', name: 'Sam', role: 'trainee', passwordHash: null });
    await store.createClassroom({ code, hostKeyHash: 'h', createdBy: null, scenarioSha256: acmeVersion.sha256, playbookSha256: playbookVersion.sha256, mode: 'everyone', exam: false, anonymous: false, lateJoin: true });
    for (const user of [leaving, staying]) {
      const seat = await store.createSeat({ code, tokenHash: `token-${user.id}`, name: user.name, userId: user.id, attemptId: randomUUID() });
      await store.appendClassroomAction(code, seat.id, 0, { at: '02:47:00', type: 'roll-call' });
      await store.putVote(code, 'priority', seat.id, 'P1');
      await store.importAttempts([attemptRecord({ attemptId: seat.attemptId, trainee: user.id }), attemptRecord({ trainee: user.id })]);
    }
  });
  afterAll(async () => {
    await store.close();
  });

  it('removes their attempts, their classroom seat with its actions and votes, and the account, and leaves everyone else as they were', async () => {
    const seats = await store.listSeats(code);
    const theirSeat = seats.find((seat) => seat.userId === leaving.id)!;
    const otherSeat = seats.find((seat) => seat.userId === staying.id)!;
    expect(await store.eraseTrainee(leaving.id)).toEqual({ erased: { attempts: 2, drafts: 0, classroomSeats: 1 } });
    expect(await store.findUser(leaving.id)).toBeUndefined();
    expect((await store.listSeats(code)).map((seat) => seat.id)).toEqual([otherSeat.id]);
    const lanes = await store.listClassroomActions(code);
    expect(lanes.has(theirSeat.id)).toBe(false);
    expect(lanes.get(otherSeat.id)).toHaveLength(1);
    expect((await store.listVotes(code)).map((vote) => vote.seatId)).toEqual([otherSeat.id]);
    expect((await store.listAttempts({ trainee: leaving.id }, { limit: 10 })).attempts).toEqual([]);
    expect((await store.listAttempts({ trainee: staying.id }, { limit: 10 })).attempts).toHaveLength(2);
    expect(await store.getAttempt(theirSeat.attemptId)).toBeUndefined();
  });

  it('refuses an account that is not a trainee’s, and one that is not there', async () => {
    const hr = await store.createUser({ email: 'hr@example.test', name: 'Harper', role: 'hr', passwordHash: null });
    expect(await store.eraseTrainee(hr.id)).toEqual({ refused: 'not-a-trainee' });
    expect(await store.findUser(hr.id)).toBeDefined();
    expect(await store.eraseTrainee(leaving.id)).toEqual({ refused: 'no-such-user' });
  });
});

describe.each(storeKinds)('the retention sweep on %s', (kind) => {
  it('deletes the attempts finished before the cutoff with the seats and actions they were played from, and nothing newer', async () => {
    const store = await freshStore(kind);
    try {
      await store.putVersion(acmeVersion);
      await store.putVersion(playbookVersion);
      const code = 'KEEP23';
      await store.createClassroom({ code, hostKeyHash: 'h', createdBy: null, scenarioSha256: acmeVersion.sha256, playbookSha256: playbookVersion.sha256, mode: 'everyone', exam: false, anonymous: false, lateJoin: true });
      const cutoff = Date.parse('2026-06-01T00:00:00Z');
      const seats = [];
      for (const [index, finishedAt] of [cutoff - 86_400_000, cutoff + 86_400_000].entries()) {
        const seat = await store.createSeat({ code, tokenHash: `token-${index}`, name: `Seat ${index}`, userId: null, attemptId: randomUUID() });
        await store.appendClassroomAction(code, seat.id, 0, { at: '02:47:00', type: 'roll-call' });
        await store.importAttempts([attemptRecord({ attemptId: seat.attemptId, finishedAt })]);
        seats.push(seat);
      }
      const unseated = attemptRecord({ finishedAt: cutoff - 5 * 86_400_000 });
      await store.importAttempts([unseated]);
      expect(await store.deleteAttemptsFinishedBefore(new Date(cutoff))).toBe(2);
      expect(await store.getAttempt(unseated.attemptId)).toBeUndefined();
      expect(await store.getAttempt(seats[0]!.attemptId)).toBeUndefined();
      expect(await store.getAttempt(seats[1]!.attemptId)).toBeDefined();
      expect((await store.listSeats(code)).map((seat) => seat.id)).toEqual([seats[1]!.id]);
      expect([...(await store.listClassroomActions(code)).keys()]).toEqual([seats[1]!.id]);
    } finally {
      await store.close();
    }
  });
});
