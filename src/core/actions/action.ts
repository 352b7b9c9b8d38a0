import { z } from 'zod';
import { ClockTime, Id, LevelId } from '../schema-primitives.ts';

/** The action log, version 1 (CONTRACTS.md §2). Every action carries the scenario time it happened at. */
const at = ClockTime;
const Text = z.string().min(1).max(4000);

export const BRIDGE_PURPOSES = ['technical', 'business', 'customer'] as const;
export const BridgePurpose = z.enum(BRIDGE_PURPOSES);
export type BridgePurpose = z.infer<typeof BridgePurpose>;

export const ActionSchema = z.discriminatedUnion('type', [
  z.object({ at, type: z.literal('announce-role'), message: Text.optional() }),
  z.object({ at, type: z.literal('roll-call') }),
  z.object({ at, type: z.literal('mute'), participant: Id }),
  z.object({ at, type: z.literal('unmute'), participant: Id }),
  z.object({ at, type: z.literal('page'), participant: Id }),
  z.object({
    at,
    type: z.literal('assign'),
    participant: Id,
    task: Text,
    dueMinutes: z.number().positive().max(24 * 60).optional(),
  }),
  z.object({ at, type: z.literal('request-update'), participant: Id }),
  z.object({ at, type: z.literal('open-bridge'), bridge: Id, purpose: BridgePurpose }),
  z.object({ at, type: z.literal('set-priority'), level: LevelId, impact: Id.optional(), urgency: Id.optional() }),
  z.object({ at, type: z.literal('classify'), as: Id }),
  z.object({ at, type: z.literal('escalate'), to: Id }),
  z.object({ at, type: z.literal('notify'), audience: Id, channel: Id, message: Text }),
  z.object({ at, type: z.literal('set-next-update'), minutes: z.number().positive().max(24 * 60) }),
  z.object({ at, type: z.literal('decide'), decision: Id, choice: Id }),
  z.object({ at, type: z.literal('can-report'), conditions: z.string().max(8000), actions: z.string().max(8000), needs: z.string().max(8000) }),
  z.object({ at, type: z.literal('resolve'), summary: Text.optional() }),
  z.object({ at, type: z.literal('close') }),
  z.object({ at, type: z.literal('hand-off'), to: Id, summary: Text }),
  z.object({ at, type: z.literal('note'), text: Text }),
]);

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
