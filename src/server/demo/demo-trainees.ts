import { COMPETENCIES, type Competency } from '../../core/schema-primitives.ts';
import { seededRandom } from '../../core/seeded-random.ts';

/** A made-up trainee of the demo data: who they are and how good they start out at each competency. */
export interface DemoTrainee {
  readonly index: number;
  readonly email: string;
  readonly name: string;
  /** Which demo cohort they belong to. */
  readonly cohort: number;
  /** Chance, from 0 to 1, of doing each step of a competency right on a first attempt. */
  readonly skill: Readonly<Record<Competency, number>>;
  /** How fast they improve: after this many attempts they have closed about two thirds of the gap. */
  readonly learnsOver: number;
}

// Names from many places, a few with apostrophes, accents or right-to-left script, as a real staff list has.
const GIVEN = ['Amara', 'Ben', 'Chen', 'Dagny', 'Émile', 'Fatima', 'Gareth', 'Hana', 'Ines', 'Jonas', 'Kwame', 'Leila', 'Mateo', 'Niamh', 'Oskar', 'Priya', 'Quinn', 'Rosa', 'Sipho', 'Tomás', 'Ulla', 'Vikram', 'Wen', 'Yusuf', 'Zofia', 'فاطمة', 'Søren', 'Aoife', 'Ngozi', 'Dmitri'];
const FAMILY = ['Adeyemi', 'Bianchi', 'Costa', 'Dubois', 'Eriksen', 'Fernández', 'García', 'Haddad', 'Ivanova', 'Jansen', 'Kowalski', 'Li', 'Müller', 'Nakamura', 'O’Brien', 'Patel', 'Quispe', 'Rossi', 'Schmidt', 'Tanaka', 'Usman', 'Virtanen', 'Wójcik', 'Xu', 'Yilmaz', 'Zhang', 'الحسيني', 'Nguyễn', 'Mbeki', 'Okafor'];

export const DEMO_EMAIL_DOMAIN = 'demo.bridge-drill.test';

const clamp = (value: number): number => Math.min(0.97, Math.max(0.05, value));

/**
 * Trainee `index` of the demo data made with `seed`: the same every run. Each cohort shares one weak
 * competency, so a cohort's heat map shows a pattern an HR analyst would look for.
 */
export function demoTrainee(seed: number, index: number, cohortSize: number): DemoTrainee {
  const random = seededRandom(seed * 1_000_003 + index);
  const cohort = Math.floor(index / cohortSize);
  const weak = COMPETENCIES[cohort % COMPETENCIES.length]!;
  const base = 0.45 + random() * 0.45;
  const skill = Object.fromEntries(COMPETENCIES.map((competency) => [competency, clamp(base + (random() - 0.5) * 0.3 - (competency === weak ? 0.4 : 0))])) as Record<Competency, number>;
  const given = GIVEN[Math.floor(random() * GIVEN.length)]!;
  const family = FAMILY[Math.floor(random() * FAMILY.length)]!;
  return {
    index,
    email: `trainee${String(index + 1).padStart(5, '0')}@${DEMO_EMAIL_DOMAIN}`,
    name: `${given} ${family}`,
    cohort,
    skill,
    learnsOver: 3 + random() * 12,
  };
}

/** A trainee's chance of getting a step of `competency` right on their `attemptNumber`th attempt (from 0). */
export function skillAt(trainee: DemoTrainee, competency: Competency, attemptNumber: number): number {
  const start = trainee.skill[competency];
  return clamp(start + (0.95 - start) * (1 - Math.exp(-attemptNumber / trainee.learnsOver)));
}
