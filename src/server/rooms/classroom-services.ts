import type { ContentLibrary } from '../content-library.ts';
import type { ResultsStore } from '../db/store.ts';

/** What a classroom room needs from its process. Colyseus builds rooms itself, so they find these here. */
export interface ClassroomServices {
  readonly store: ResultsStore;
  readonly library: ContentLibrary;
  readonly wallClock: () => number;
  readonly newUuid: () => string;
}

let provided: ClassroomServices | null = null;

export function provideClassroomServices(services: ClassroomServices | null): void {
  provided = services;
}

export function classroomServices(): ClassroomServices {
  if (!provided) throw new Error('The classroom rooms were started without their services.');
  return provided;
}
