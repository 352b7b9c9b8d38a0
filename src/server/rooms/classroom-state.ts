import { schema, t, type SchemaType } from '@colyseus/schema';

/**
 * What every client of a classroom sees, kept small: the phase and clock, the counts the projector shows, and
 * in class votes the open question. Each trainee's own bridge is never here; it goes to that client alone.
 * `counts` keys: `priority:LEVEL`, `notify:AUDIENCE`, `command`, `escalate`, `can`, `decide:DECISION:CHOICE`,
 * and while a class votes, `vote:CHOICE`.
 */
export const ClassroomState = schema(
  {
    phase: t.string().default('lobby'),
    mode: t.string().default('everyone'),
    exam: t.boolean().default(false),
    scenarioId: t.string().default(''),
    title: t.string().default(''),
    /** Scenario ms, in whole seconds. */
    clockMs: t.number().default(0),
    endMs: t.number().default(0),
    speed: t.number().default(1),
    locked: t.boolean().default(false),
    lateJoin: t.boolean().default(true),
    anonymous: t.boolean().default(false),
    seated: t.number().default(0),
    connected: t.number().default(0),
    counts: t.map('number'),
    /** Class votes: the open ballot as JSON (`Ballot` with `closesAt`, epoch ms), or empty. */
    ballot: t.string().default(''),
    /** The last reveal as JSON, or empty. */
    reveal: t.string().default(''),
  },
  'ClassroomState',
);
export type ClassroomState = SchemaType<typeof ClassroomState>;
