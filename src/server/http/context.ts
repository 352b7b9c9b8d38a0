import type { ContentLibrary } from '../content-library.ts';
import type { ResultsStore } from '../db/store.ts';
import type { RegradeRunner } from '../regrade/regrade-runner.ts';
import type { FailureLimiter } from './rate-limit.ts';

/** What every route needs: the store, the versions to grade against, and the sign-in limiter. */
export interface ServerContext {
  readonly store: ResultsStore;
  readonly library: ContentLibrary;
  /** Failed sign-ins per email, and (more loosely, since a class may share one address) per client address. */
  readonly signInFailures: { readonly byEmail: FailureLimiter; readonly byAddress: FailureLimiter };
  /** Runs regrade jobs in the background. */
  readonly regrades: RegradeRunner;
}
