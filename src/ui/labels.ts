import type { Scenario } from '../core/scenario/schema.ts';

const DIFFICULTY: Record<Scenario['difficulty'], string> = {
  introductory: 'Introductory',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

export function difficultyLabel(difficulty: Scenario['difficulty']): string {
  return DIFFICULTY[difficulty];
}

export function minutesLabel(minutes: number): string {
  return `About ${minutes} min`;
}

/** `02:46–03:50`: the stretch of the incident the scenario covers. */
export function clockWindowLabel(scenario: Scenario): string {
  return `${scenario.clock.start.slice(0, 5)}–${scenario.clock.end.slice(0, 5)}`;
}
