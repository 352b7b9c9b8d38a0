import type { Action } from '../core/actions/action.ts';

type WithoutTime<T> = T extends unknown ? Omit<T, 'at'> : never;

/** An action as the HUD sends it: the session stamps it with the scenario time. */
export type ActionIntent = WithoutTime<Action>;
