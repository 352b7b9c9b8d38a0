import type { TraineeState } from '../../app/classroom/trainee-state.ts';
import { h, replaceChildren } from '../dom.ts';
import { formatCountdown } from '../hud/format.ts';
import { setAttr, setHidden, setText } from '../hud/controls.ts';
import './vote-card.css';

export interface VoteCardView {
  readonly element: HTMLElement;
  /** Draws the open ballot (hidden when none) as of wall-clock `now`. */
  update(state: TraineeState, now: number): void;
}

/**
 * The open question of a voting class: its prompt, one large button per option, the time left, and this
 * trainee's choice (the one the server took, or the one on its way) pressed. A later vote replaces the earlier.
 */
export function renderVoteCard(vote: (choice: string) => void): VoteCardView {
  const prompt = h('h2', { class: 'vote-prompt', attrs: { id: 'vote-prompt' } });
  const countdown = h('p', { class: 'vote-countdown', attrs: { role: 'timer', 'aria-live': 'off' } });
  const options = h('div', { class: 'vote-options', attrs: { role: 'group', 'aria-labelledby': 'vote-prompt' } });
  const status = h('p', { class: 'vote-status', attrs: { role: 'status' } });
  const error = h('p', { class: 'vote-error', attrs: { role: 'alert' } });
  const element = h('section', { class: 'vote-card', attrs: { 'aria-labelledby': 'vote-prompt' } }, h('p', { class: 'eyebrow' }, 'Class vote'), prompt, countdown, options, status, error);
  let builtFor: string | null = null;
  const buttons = new Map<string, HTMLButtonElement>();

  return {
    element,
    update(state, now) {
      const ballot = state.ballot;
      setHidden(element, ballot === null);
      if (!ballot) return;
      if (builtFor !== ballot.id) {
        builtFor = ballot.id;
        buttons.clear();
        setText(prompt, ballot.prompt);
        replaceChildren(
          options,
          ...ballot.options.map((option) => {
            const button = h('button', { class: 'vote-option', attrs: { type: 'button', 'aria-pressed': 'false' } }, option.label);
            button.addEventListener('click', () => vote(option.id));
            buttons.set(option.id, button);
            return button;
          }),
        );
      }
      const left = ballot.closesAt - now;
      const closed = left <= 0;
      setText(countdown, closed ? 'Voting has closed: the host reveals the answer next' : `${formatCountdown(left)} left to vote`);
      countdown.classList.toggle('is-closing', !closed && left < 10_000);
      const sending = state.voting?.ballot === ballot.id ? state.voting.choice : null;
      const taken = state.votes[ballot.id] ?? null;
      const chosen = sending ?? taken;
      for (const [id, button] of buttons) {
        setAttr(button, 'aria-pressed', String(id === chosen));
        button.classList.toggle('is-sending', id === sending);
        button.disabled = closed;
      }
      const label = ballot.options.find((option) => option.id === chosen)?.label;
      setText(status, sending ? `Sending your vote: ${label ?? sending}…` : taken ? `Your vote: ${label ?? taken}. Tap another option to change it.` : closed ? '' : 'Tap your answer.');
      setText(error, state.voteError ?? '');
    },
  };
}
