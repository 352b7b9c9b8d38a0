import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreConflict, type ResultsStore, type Role, type StoredVersion, type User } from '../../../src/server/db/store.ts';
import { freshStore, storeKinds } from '../support/stores.ts';
import { acmeVersion, playbookVersion } from './records.ts';

/** A second scenario version: the same file with another title, so another hash. */
const retitled: StoredVersion = (() => {
  const text = acmeVersion.text.replace(/"title":\s*"[^"]*"/, '"title": "Acme, the second run"');
  return { ...acmeVersion, version: '1.2.0', sha256: 'b'.repeat(64), text };
})();

describe.each(storeKinds)('cohorts, versions and assignments on %s', (kind) => {
  let store: ResultsStore;
  beforeAll(async () => {
    store = await freshStore(kind);
  });
  afterAll(async () => {
    await store.close();
  });

  const user = (role: Role, name: string = role) => store.createUser({ email: `${role}-${randomUUID()}@example.test`, name, role, passwordHash: null });

  it('creates a cohort, adds members once each, and counts them as a number', async () => {
    const instructor = await user('instructor');
    const cohort = await store.createCohort({ name: 'Night shift', instructorId: instructor.id });
    expect(cohort).toEqual({ id: expect.any(String), name: 'Night shift', instructorId: instructor.id, createdAt: expect.stringMatching(/Z$/), memberCount: 0 });
    const [a, b] = [await user('trainee', 'A'), await user('trainee', 'B')];
    await store.addMember(cohort.id, a.id);
    await store.addMember(cohort.id, b.id);
    await store.addMember(cohort.id, a.id);
    expect(await store.findCohort(cohort.id)).toEqual({ ...cohort, memberCount: 2 });
    expect((await store.listMembers(cohort.id)).map((member) => member.id).sort()).toEqual([a.id, b.id].sort());
    expect(await store.isMember(cohort.id, a.id)).toBe(true);
    expect(await store.isMember(cohort.id, instructor.id)).toBe(false);
    expect(await store.isMember(cohort.id, 'nobody')).toBe(false);
    expect(await store.findCohort(randomUUID())).toBeUndefined();
    expect(await store.findCohort('cohort-1')).toBeUndefined();
  });

  it('refuses a member of a cohort or a user that does not exist, as a conflict', async () => {
    const instructor = await user('instructor');
    const cohort = await store.createCohort({ name: 'Ghosts', instructorId: instructor.id });
    await expect(store.addMember(cohort.id, randomUUID())).rejects.toBeInstanceOf(StoreConflict);
    await expect(store.addMember(randomUUID(), instructor.id)).rejects.toBeInstanceOf(StoreConflict);
  });

  it('shows admin and HR every cohort, an instructor their own, a trainee the ones they belong to', async () => {
    const [mine, theirs] = [await user('instructor'), await user('instructor')];
    const trainee = await user('trainee');
    const own = await store.createCohort({ name: 'Own', instructorId: mine.id });
    const other = await store.createCohort({ name: 'Other', instructorId: theirs.id });
    await store.addMember(other.id, trainee.id);
    const ids = async (viewer: User) => (await store.listCohorts(viewer)).map((cohort) => cohort.id);
    for (const role of ['admin', 'hr'] as const) expect(await ids(await user(role))).toEqual(expect.arrayContaining([own.id, other.id]));
    expect(await ids(mine)).toEqual([own.id]);
    expect(await ids(theirs)).toEqual([other.id]);
    expect(await ids(trainee)).toEqual([other.id]);
    expect((await store.listCohorts(trainee))[0]?.memberCount).toBe(1);
  });

  it('keeps each scenario and playbook version once, by hash', async () => {
    await store.putVersion(acmeVersion);
    await store.putVersion(acmeVersion);
    await store.putVersion(playbookVersion);
    await store.putVersion(retitled);
    expect(await store.getVersion('scenario', acmeVersion.sha256)).toEqual(acmeVersion);
    expect(await store.getVersion('playbook', acmeVersion.sha256)).toBeUndefined();
    expect(await store.listVersions('scenario')).toEqual([acmeVersion, retitled]);
    expect(await store.listVersions('playbook')).toEqual([playbookVersion]);
  });

  it('publishes a scenario to a cohort once, for its members and its instructor only', async () => {
    await store.putVersion(acmeVersion);
    await store.putVersion(retitled);
    const instructor = await user('instructor');
    const [member, outsider] = [await user('trainee'), await user('trainee')];
    const cohort = await store.createCohort({ name: 'Published', instructorId: instructor.id });
    await store.addMember(cohort.id, member.id);
    await store.publishScenario(cohort.id, acmeVersion.sha256);
    await store.publishScenario(cohort.id, acmeVersion.sha256);
    expect(await store.publishedFor(member.id)).toEqual([acmeVersion]);
    expect(await store.publishedFor(instructor.id)).toEqual([acmeVersion]);
    expect(await store.publishedFor(outsider.id)).toEqual([]);
    await expect(store.publishScenario(cohort.id, 'c'.repeat(64))).rejects.toBeInstanceOf(StoreConflict);
  });

  it("assigns a stored scenario to a cohort with its title, and lists a trainee's assignments soonest due first, undated last", async () => {
    await store.putVersion(acmeVersion);
    await store.putVersion(retitled);
    const instructor = await user('instructor');
    const trainee = await user('trainee');
    const [day, night] = [await store.createCohort({ name: 'Day', instructorId: instructor.id }), await store.createCohort({ name: 'Night', instructorId: instructor.id })];
    await store.addMember(day.id, trainee.id);
    await store.addMember(night.id, trainee.id);
    const undated = await store.createAssignment({ cohortId: day.id, scenarioSha256: acmeVersion.sha256, dueAt: null });
    const late = await store.createAssignment({ cohortId: night.id, scenarioSha256: retitled.sha256, dueAt: '2027-01-20T09:00:00Z' });
    const soon = await store.createAssignment({ cohortId: day.id, scenarioSha256: retitled.sha256, dueAt: '2027-01-10T09:00:00+01:00' });
    expect(soon).toEqual({
      id: expect.any(String),
      cohortId: day.id,
      cohortName: 'Day',
      scenario: { id: 'acme-chemical', version: '1.2.0', sha256: retitled.sha256, title: 'Acme, the second run' },
      dueAt: '2027-01-10T08:00:00.000Z',
      createdAt: expect.stringMatching(/Z$/),
    });
    expect(undated.scenario.title).toBe(JSON.parse(acmeVersion.text).title);
    expect((await store.assignmentsFor(trainee.id)).map((assignment) => assignment.id)).toEqual([soon.id, late.id, undated.id]);
    expect((await store.assignmentsOfCohort(day.id)).map((assignment) => assignment.id)).toEqual([soon.id, undated.id]);
    expect(await store.assignmentsFor((await user('trainee')).id)).toEqual([]);
  });

  it('refuses an assignment of a scenario that is not stored', async () => {
    const cohort = await store.createCohort({ name: 'Nothing stored', instructorId: (await user('instructor')).id });
    await expect(store.createAssignment({ cohortId: cohort.id, scenarioSha256: 'd'.repeat(64), dueAt: null })).rejects.toBeInstanceOf(StoreConflict);
  });
});
