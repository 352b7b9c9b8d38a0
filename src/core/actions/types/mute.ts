import { Id } from '../../schema-primitives.ts';
import { say } from '../../session/effects.ts';
import { own, type Draft } from '../../session/state.ts';
import { actionSchema, type ActionContext, type ActionKind } from '../action-kind.ts';
import { nameOf } from '../names.ts';
import { unknownParticipant } from '../references.ts';

const muteSchema = actionSchema('mute', { participant: Id });
const unmuteSchema = actionSchema('unmute', { participant: Id });

/** Mutes or opens a present participant's line; a noisy line's background noise stops or starts with it. */
function setMuted(draft: Draft, participant: string, muted: boolean, { compiled, source }: ActionContext): string | undefined {
  const current = draft.participants[participant];
  if (!current?.present) return `${nameOf(compiled, participant)} is not on the bridge.`;
  if (current.muted === muted) return `${nameOf(compiled, participant)}'s line is already ${muted ? 'muted' : 'open'}.`;
  own(draft, 'participants')[participant] = { ...current, muted };
  if (current.noise !== null) {
    say(draft, {
      kind: muted ? 'noise-stop' : 'noise-start',
      speaker: participant,
      sound: current.noise,
      text: muted ? `The background noise from ${nameOf(compiled, participant)}'s line stops` : `Background noise (${current.noise}) on ${nameOf(compiled, participant)}'s line`,
      bridge: current.bridge,
      source,
    });
  }
  return undefined;
}

/** The trainee mutes a participant's line. */
export const mute: ActionKind<typeof muteSchema> = {
  schema: muteSchema,
  references: unknownParticipant,
  apply: (draft, action, context) => setMuted(draft, action.participant, true, context),
  describe: (action, compiled) => `You mute ${nameOf(compiled, action.participant)}'s line.`,
};

/** The trainee unmutes a participant's line. */
export const unmute: ActionKind<typeof unmuteSchema> = {
  schema: unmuteSchema,
  references: unknownParticipant,
  apply: (draft, action, context) => setMuted(draft, action.participant, false, context),
  describe: (action, compiled) => `You unmute ${nameOf(compiled, action.participant)}'s line.`,
};
