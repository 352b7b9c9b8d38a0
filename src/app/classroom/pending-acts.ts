import type { Action } from '../../core/actions/action.ts';
import type { ActionIntent } from '../../core/actions/intent.ts';

export interface PendingAct {
  readonly ref: number;
  readonly intent: ActionIntent;
  /** Sent on the connection that is (or was) open; an act not sent waits for the next one. */
  sent: boolean;
}

/**
 * The trainee's acts the server has not answered yet, in the order they were made, each with the `ref` the ack
 * or reject echoes. An act made while the link is down waits here and goes out once it is back; none is dropped.
 */
export class PendingActs {
  private nextRef = 1;
  private acts: PendingAct[] = [];

  get size(): number {
    return this.acts.length;
  }

  add(intent: ActionIntent): PendingAct {
    const act: PendingAct = { ref: this.nextRef++, intent, sent: false };
    this.acts.push(act);
    return act;
  }

  /** The act a reply is about, taken off the list; undefined for a reply to no act of this page. */
  take(ref: unknown): PendingAct | undefined {
    const index = this.acts.findIndex((act) => act.ref === ref);
    return index < 0 ? undefined : this.acts.splice(index, 1)[0];
  }

  unsent(): readonly PendingAct[] {
    return this.acts.filter((act) => !act.sent);
  }

  /** Whether an act went out and its answer may have been lost with the connection. */
  get inFlight(): boolean {
    return this.acts.some((act) => act.sent);
  }

  /**
   * After joining again: the seat's actions the page had not seen acknowledged (`unseen`) are acts it sent
   * whose ack was lost with the connection. Those acts are done; every other act is to be sent again.
   */
  settle(unseen: readonly Action[]): void {
    for (const action of unseen) {
      const index = this.acts.findIndex((act) => act.sent && sameAction(act.intent, action));
      if (index >= 0) this.acts.splice(index, 1);
    }
    for (const act of this.acts) act.sent = false;
  }
}

function sameAction(intent: ActionIntent, action: Action): boolean {
  const { at: _at, ...rest } = action;
  return canonical(rest) === canonical(intent);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
