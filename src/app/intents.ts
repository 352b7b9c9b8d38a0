export type { ActionIntent } from '../core/actions/intent.ts';
