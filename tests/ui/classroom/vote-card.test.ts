// @vitest-environment jsdom
import { getByRole, getByText } from '@testing-library/dom';
import { describe, expect, it } from 'vitest';
import { initialTraineeState, type TraineeState } from '../../../src/app/classroom/trainee-state.ts';
import { renderVoteCard } from '../../../src/ui/classroom/vote-card.ts';

const ballot = { id: 'priority', kind: 'priority' as const, prompt: 'What priority is this incident?', options: [{ id: 'P1', label: 'Priority 1' }, { id: 'P2', label: 'Priority 2' }], closesAt: 45_000 };
const state = (change: Partial<TraineeState> = {}): TraineeState => ({ ...initialTraineeState('ABC234'), ballot, ...change });

describe('vote card', () => {
  it('asks the question with one button per option and counts down to the close', () => {
    const votes: string[] = [];
    const card = renderVoteCard((choice) => votes.push(choice));
    card.update(state(), 13_000);
    expect(getByRole(card.element, 'heading', { name: 'What priority is this incident?' })).toBeTruthy();
    expect(getByRole(card.element, 'timer').textContent).toBe('0:32 left to vote');
    getByRole(card.element, 'button', { name: 'Priority 2' }).click();
    expect(votes).toEqual(['P2']);
  });

  it('presses the choice on its way, then the one the server took, and says so', () => {
    const card = renderVoteCard(() => {});
    card.update(state({ voting: { ballot: 'priority', choice: 'P2' } }), 0);
    expect(getByRole(card.element, 'button', { name: 'Priority 2' }).getAttribute('aria-pressed')).toBe('true');
    card.update(state({ votes: { priority: 'P1' } }), 0);
    expect(getByRole(card.element, 'button', { name: 'Priority 1' }).getAttribute('aria-pressed')).toBe('true');
    expect(getByRole(card.element, 'button', { name: 'Priority 2' }).getAttribute('aria-pressed')).toBe('false');
    expect(getByText(card.element, /Your vote: Priority 1/)).toBeTruthy();
  });

  it('shows why a vote was refused, closes with the clock, and hides with no open question', () => {
    const card = renderVoteCard(() => {});
    card.update(state({ voteError: 'Voting on that question has closed.' }), 46_000);
    expect(getByRole(card.element, 'alert').textContent).toBe('Voting on that question has closed.');
    expect(getByRole<HTMLButtonElement>(card.element, 'button', { name: 'Priority 1' }).disabled).toBe(true);
    card.update(state({ ballot: null }), 46_000);
    expect(card.element.hidden).toBe(true);
  });
});
