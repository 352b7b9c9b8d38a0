import { createHash } from 'node:crypto';
import { createAttempt, type AttemptMode, type AttemptRecord, type ClassroomTag } from '../../core/attempt.ts';
import { compileScenario } from '../../core/scenario/compile.ts';
import type { CompiledScenario } from '../../core/scenario/compiled.ts';
import { seededRandom } from '../../core/seeded-random.ts';
import { ContentLibrary, type PlayableVersions } from '../content-library.ts';
import type { ResultsStore, User } from '../db/store.ts';
import { playDemoLog } from './demo-log.ts';
import { DEMO_EMAIL_DOMAIN, demoTrainee, skillAt, type DemoTrainee } from './demo-trainees.ts';

export interface DemoDataOptions {
  readonly trainees: number;
  readonly attempts: number;
  /** The same seed makes the same people and the same attempts, so running again adds nothing twice. */
  readonly seed?: number;
  readonly cohortSize?: number;
  /** The attempts are spread over the `days` before `now` (epoch ms). */
  readonly now: number;
  readonly days?: number;
  /** Called after each batch of attempts is stored. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface DemoDataResult {
  readonly trainees: { readonly created: number; readonly existed: number };
  readonly cohorts: number;
  readonly attempts: { readonly created: number; readonly existed: number };
}

const BATCH = 500;
const DAY_MS = 86_400_000;
/** Coach mode is usually played at double speed; exams and classrooms at the scenario's own pace. */
const SPEED: Readonly<Record<AttemptMode | 'classroom', number>> = { coach: 2, exam: 1, classroom: 1 };
const COHORTS_PER_INSTRUCTOR = 5;

interface Playable extends PlayableVersions {
  readonly compiled: CompiledScenario;
}

/**
 * Fills the store with demo trainees, cohorts and their instructors, and finished attempts made by playing
 * generated logs through the engine: each trainee starts with their own strengths, improves with practice, and
 * their grades are the engine's. Idempotent for a seed: people are found by e-mail and attempts by id.
 */
export async function fillDemoData(store: ResultsStore, options: DemoDataOptions): Promise<DemoDataResult> {
  const seed = options.seed ?? 1;
  const cohortSize = options.cohortSize ?? 40;
  const library = new ContentLibrary(store);
  await library.addBundled();
  const playables: Playable[] = [];
  for (const id of library.bundledIds()) {
    const playable = (await library.playable(id))!;
    playables.push({ ...playable, compiled: compileScenario(playable.scenario, playable.playbook) });
  }

  const people = Array.from({ length: options.trainees }, (_, index) => demoTrainee(seed, index, cohortSize));
  const accounts = await demoAccounts(store, people);
  const cohorts = await demoCohorts(store, people, accounts.users, cohortSize);

  const random = seededRandom(seed);
  const attemptsMade = new Map<number, number>();
  const span = (options.days ?? 180) * DAY_MS;
  const first = options.now - span;
  let created = 0;
  let batch: AttemptRecord[] = [];
  const flush = async (done: number) => {
    created += (await store.importAttempts(batch)).created;
    batch = [];
    options.onProgress?.(done, options.attempts);
  };
  for (let index = 0; index < options.attempts; index++) {
    const person = people[Math.floor(random() * people.length)]!;
    const user = accounts.users[person.index]!;
    const number = attemptsMade.get(person.index) ?? 0;
    attemptsMade.set(person.index, number + 1);
    const playable = playables[Math.floor(random() * playables.length)]!;
    const setting = random();
    const classroom: ClassroomTag | undefined = setting < 0.15 ? { code: cohorts.codes[person.cohort]!, mode: 'everyone' } : undefined;
    const mode: AttemptMode = classroom || setting > 0.6 ? 'exam' : 'coach';
    const trainee = { id: user.id, name: user.name };
    const played = playDemoLog(playable.compiled, playable.playbook, (competency) => skillAt(person, competency, number), random, trainee);
    const finishedAt = Math.floor(first + ((index + random()) / options.attempts) * span);
    const startedAt = finishedAt - Math.ceil(played.lengthMs / SPEED[classroom ? 'classroom' : mode]);
    batch.push(
      createAttempt({
        attemptId: demoAttemptId(seed, index),
        trainee,
        scenario: { value: playable.scenario, sha256: playable.scenarioVersion.sha256 },
        playbook: { value: playable.playbook, sha256: playable.playbookVersion.sha256 },
        mode,
        startedAt,
        finishedAt,
        log: played.log,
        report: played.report,
        ...(mode === 'exam' ? { pauses: { count: 0, totalMs: 0 } } : {}),
        ...(classroom ? { classroom } : {}),
      }),
    );
    if (batch.length >= BATCH) await flush(index + 1);
  }
  if (batch.length > 0) await flush(options.attempts);
  await store.tidy();
  return { trainees: accounts.counts, cohorts: cohorts.count, attempts: { created, existed: options.attempts - created } };
}

/** A UUID that is the same for the same seed and attempt number, so a second run stores nothing twice. */
export function demoAttemptId(seed: number, index: number): string {
  const hex = createHash('sha256').update(`bridge-drill-demo:${seed}:${index}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

async function demoAccounts(store: ResultsStore, people: readonly DemoTrainee[]): Promise<{ users: User[]; counts: DemoDataResult['trainees'] }> {
  const users: User[] = [];
  let created = 0;
  for (const person of people) {
    const found = await store.findUserByEmail(person.email);
    if (found) {
      users.push(found);
      continue;
    }
    users.push(await store.createUser({ email: person.email, name: person.name, role: 'trainee', passwordHash: null }));
    created++;
  }
  return { users, counts: { created, existed: people.length - created } };
}

/** One cohort per `cohortSize` trainees, five to an instructor, each with a classroom code its lessons used. */
async function demoCohorts(store: ResultsStore, people: readonly DemoTrainee[], users: readonly User[], cohortSize: number): Promise<{ count: number; codes: string[] }> {
  const count = Math.ceil(people.length / cohortSize);
  const codes: string[] = [];
  const instructors: User[] = [];
  for (let cohort = 0; cohort < count; cohort++) {
    const instructorNumber = Math.floor(cohort / COHORTS_PER_INSTRUCTOR);
    if (instructors[instructorNumber] === undefined) {
      const email = `instructor${String(instructorNumber + 1).padStart(3, '0')}@${DEMO_EMAIL_DOMAIN}`;
      instructors[instructorNumber] = (await store.findUserByEmail(email)) ?? (await store.createUser({ email, name: `Demo instructor ${instructorNumber + 1}`, role: 'instructor', passwordHash: null }));
    }
    const instructor = instructors[instructorNumber]!;
    const name = `Demo cohort ${String(cohort + 1).padStart(3, '0')}`;
    const existing = (await store.listCohorts(instructor)).find((each) => each.name === name);
    const { id } = existing ?? (await store.createCohort({ name, instructorId: instructor.id }));
    for (const person of people.slice(cohort * cohortSize, (cohort + 1) * cohortSize)) await store.addMember(id, users[person.index]!.id);
    codes.push(classroomCode(cohort));
  }
  return { count, codes };
}

const CODE_LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A join code for demo cohort `cohort`: the same every run, and of the classroom code's alphabet. */
function classroomCode(cohort: number): string {
  const bytes = createHash('sha256').update(`bridge-drill-demo-classroom:${cohort}`).digest();
  return Array.from(bytes.subarray(0, 6), (byte) => CODE_LETTERS[byte % CODE_LETTERS.length]).join('');
}
