import type { ActionBehaviour } from './action-kind.ts';
import type { ActionOf, ActionType } from './action.ts';
import { announceRole } from './types/announce-role.ts';
import { assign } from './types/assign.ts';
import { canReport } from './types/can-report.ts';
import { classify } from './types/classify.ts';
import { close } from './types/close.ts';
import { decide } from './types/decide.ts';
import { escalate } from './types/escalate.ts';
import { handOff } from './types/hand-off.ts';
import { move } from './types/move.ts';
import { mute, unmute } from './types/mute.ts';
import { note } from './types/note.ts';
import { notify } from './types/notify.ts';
import { openBridge } from './types/open-bridge.ts';
import { page } from './types/page.ts';
import { requestUpdate } from './types/request-update.ts';
import { resolve } from './types/resolve.ts';
import { rollCall } from './types/roll-call.ts';
import { setNextUpdate } from './types/set-next-update.ts';
import { setPriority } from './types/set-priority.ts';

/**
 * Every action type of the log, in the order of CONTRACTS.md §2. Each entry, in its own file under
 * types/, holds the type's schema and everything it does. A new action type is one more entry here.
 */
export const ACTION_KINDS = [
  announceRole,
  rollCall,
  mute,
  unmute,
  page,
  assign,
  requestUpdate,
  openBridge,
  setPriority,
  classify,
  escalate,
  notify,
  setNextUpdate,
  decide,
  canReport,
  resolve,
  close,
  handOff,
  note,
  move,
] as const;

type AnyActionKind = (typeof ACTION_KINDS)[number];

const kindsByType: ReadonlyMap<string, AnyActionKind> = new Map(ACTION_KINDS.map((kind) => [kind.schema.shape.type.value, kind]));

/** The registry entry of an action type. */
export function actionKind<T extends ActionType>(type: T): ActionBehaviour<ActionOf<T>> {
  const kind = kindsByType.get(type);
  if (!kind) throw new RangeError(`no action type "${type}" in the registry`);
  // The map is keyed by each entry's own schema literal, so the entry found takes exactly ActionOf<T>.
  return kind as ActionBehaviour<ActionOf<T>>;
}
