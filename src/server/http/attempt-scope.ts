import type { AttemptFilter, ResultsStore, User } from '../db/store.ts';
import { Problem } from './problem.ts';
import { visibleCohort } from './routes/cohorts.ts';

/** The filter narrowed to what `user` may see: a trainee their own, an instructor their cohorts' members (and their own). */
export async function scopedFilter(store: ResultsStore, user: User, filter: AttemptFilter): Promise<AttemptFilter> {
  if (filter.cohort !== undefined && user.role !== 'trainee') await visibleCohort(store, user, filter.cohort);
  switch (user.role) {
    case 'admin':
    case 'hr':
      return filter;
    case 'trainee':
      if (filter.trainee !== undefined && filter.trainee !== user.id) throw new Problem(403, 'A trainee can list only their own attempts.');
      return { ...filter, trainee: user.id };
    case 'instructor':
      return filter.trainee === user.id ? filter : { ...filter, visibleToInstructor: user.id };
  }
}
