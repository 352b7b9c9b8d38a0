import { z } from 'zod';
import { Id } from '../schema-primitives.ts';
import { ACTION_KINDS } from './registry.ts';

export { BRIDGE_PURPOSES, BridgePurpose } from './bridge-purpose.ts';

/**
 * The action log, version 1 (CONTRACTS.md §2). Every action carries the scenario time it happened at.
 * Each action type's fields are declared by its entry in the registry.
 */
const [firstKind, ...otherKinds] = ACTION_KINDS;
export const ActionSchema = z.discriminatedUnion('type', [firstKind.schema, ...otherKinds.map((kind) => kind.schema)]);

export type Action = z.infer<typeof ActionSchema>;
export type ActionType = Action['type'];
export type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;

export const ACTION_TYPES: readonly ActionType[] = ActionSchema.options.map((option) => option.shape.type.value);

/** More than any real exercise needs, and few enough that a hostile log replays in well under a second. */
export const MAX_ACTIONS = 2000;

export const ActionLogSchema = z.object({
  scenario: Id,
  playbook: Id.optional(),
  trainee: z.object({ id: z.string().min(1).max(200), name: z.string().max(200).optional() }).optional(),
  actions: z.array(ActionSchema).max(MAX_ACTIONS),
});

export type ActionLog = z.infer<typeof ActionLogSchema>;
