// @vitest-environment jsdom
import { getByRole, getByText } from '@testing-library/dom';
import { describe, expect, it } from 'vitest';
import { ballotOf } from '../../../src/app/classroom/classroom-types.ts';
import { revealOf } from '../../../src/app/classroom/host-reveal.ts';
import { everyoneAnswers, everyoneRevealText, playbookAnswer } from '../../../src/classroom/ballots.ts';
import { Session } from '../../../src/core/session/session.ts';
import { renderBallot, renderDecisionsLive } from '../../../src/ui/classroom/projector-questions.ts';
import { renderReveal } from '../../../src/ui/classroom/projector-reveal.ts';
import { acmeCompiled, room } from './projector-fixture.ts';

const bars = (element: HTMLElement) => [...element.querySelectorAll('.pj-bar')].map((bar) => ({ label: bar.querySelector('.pj-bar-label')?.textContent, count: bar.querySelector('.pj-bar-count')?.textContent, answer: bar.classList.contains('is-answer'), chosen: bar.classList.contains('is-chosen') }));

describe('projector questions', () => {
  it('class votes: the open ballot with the votes on each option, how many voted and the countdown', () => {
    const compiled = acmeCompiled();
    const options = compiled.playbook.levels.map((level) => ({ id: level.id, label: level.name }));
    const ballot = { id: 'priority', kind: 'priority', prompt: 'What priority is this incident?', options, closesAt: 50_000 };
    const snapshot = room({ mode: 'vote', seated: 5, ballot: JSON.stringify(ballot), counts: { 'vote:P1': 3, 'vote:P2': 1 } });
    const open = ballotOf(snapshot)!;
    const element = renderBallot(compiled, open, snapshot, 17_500);
    expect(getByRole(element, 'heading', { name: 'What priority is this incident?' })).toBeTruthy();
    expect(bars(element).slice(0, 2)).toEqual([
      { label: options[0]!.label, count: '3', answer: false, chosen: false },
      { label: options[1]!.label, count: '1', answer: false, chosen: false },
    ]);
    expect(getByText(element, '4 of 5 voted')).toBeTruthy();
    expect(getByRole(element, 'timer').textContent).toBe('Closes in 0:33');
    expect(getByRole(renderBallot(compiled, open, snapshot, 60_000), 'timer').textContent).toBe('Voting closed · press R to reveal');
  });

  it('class votes: the reveal shows the votes, the class choice and the playbook answer with its reason', () => {
    const compiled = acmeCompiled();
    const options = [
      { id: 'P1', label: 'Priority 1' },
      { id: 'P2', label: 'Priority 2' },
    ];
    const snapshot = room({ mode: 'vote', reveal: JSON.stringify({ ballot: 'priority', prompt: 'What priority is this incident?', options, counts: { P1: 1, P2: 3 }, committed: 'P2', answer: { choice: 'P1', why: 'The matrix gives a P1.' } }) });
    const element = renderReveal(compiled, revealOf(snapshot, compiled)!, snapshot);
    expect(bars(element)).toEqual([
      { label: 'Priority 1 · playbook', count: '1', answer: true, chosen: false },
      { label: 'Priority 2 · class choice', count: '3', answer: false, chosen: true },
    ]);
    expect(getByText(element, /The class chose/).textContent).toBe('The class chose Priority 2');
    expect(element.querySelector('.pj-why')?.textContent).toBe('Playbook: Priority 1. The matrix gives a P1.');
  });

  it('everyone plays: each decision open on the timeline with how the class chose so far', () => {
    const compiled = acmeCompiled();
    const decision = compiled.scenario.decisions![0]!;
    const [first, second] = decision.options;
    const session = new Session(compiled);
    const element = renderDecisionsLive(compiled, session.state, room({ seated: 4, counts: { [`decide:${decision.id}:${first!.id}`]: 2, [`decide:${decision.id}:${second!.id}`]: 1 } }));
    expect(element).not.toBeNull();
    expect(getByRole(element!, 'heading').textContent).toContain(decision.prompt);
    expect(bars(element!).map((bar) => bar.count)).toEqual(decision.options.map((option) => (option.id === first!.id ? '2' : option.id === second!.id ? '1' : '0')));
    expect(getByText(element!, '3 of 4 decided')).toBeTruthy();
  });

  it('everyone plays: the reveal highlights the playbook answer to every question, worked out from the scenario', () => {
    const compiled = acmeCompiled();
    const answers = everyoneAnswers(compiled);
    const priority = playbookAnswer(compiled, 'priority')!;
    const decisions = (compiled.scenario.decisions ?? []).filter((decision) => playbookAnswer(compiled, `decision:${decision.id}`));
    expect(decisions.length).toBeGreaterThan(0);
    const first = decisions[0]!;
    const firstAnswer = playbookAnswer(compiled, `decision:${first.id}`)!;
    const snapshot = room({ seated: 4, reveal: everyoneRevealText(1_000), counts: { [`priority:${priority.choice}`]: 3, [`decide:${first.id}:${firstAnswer.choice}`]: 2 } });
    const element = renderReveal(compiled, revealOf(snapshot, compiled)!, snapshot);
    const marked = bars(element).filter((bar) => bar.answer);
    expect(marked).toHaveLength(answers.filter((each) => each.answer !== null).length);
    expect(marked[0]!.count).toBe('3');
    expect(marked[1]).toMatchObject({ label: `${first.options.find((option) => option.id === firstAnswer.choice)!.label} · playbook`, count: '2' });
    const whys = [...element.querySelectorAll('.pj-why')].map((why) => why.textContent);
    expect(whys[0]).toBe(`Playbook: ${compiled.playbook.levels.find((level) => level.id === priority.choice)!.name}. ${priority.why}`);
    expect(whys).toContain(`Playbook: ${first.options.find((option) => option.id === firstAnswer.choice)!.label}. ${firstAnswer.why}`);
  });

  it('reads a reveal it cannot make sense of as no reveal', () => {
    const compiled = acmeCompiled();
    for (const reveal of ['', 'not json', '{"kind":"other"}', '[]', 'null']) expect(revealOf(room({ reveal }), compiled), reveal).toBeNull();
  });
});
