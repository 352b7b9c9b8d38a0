import type { Action } from './action.ts';

type WithoutTime<T> = T extends unknown ? Omit<T, 'at'> : never;

/** An action as a trainee sends it, before the session stamps it with the scenario time. */
export type ActionIntent = WithoutTime<Action>;
