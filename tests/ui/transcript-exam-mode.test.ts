// @vitest-environment jsdom
import { fireEvent, getByRole, getByText, queryByText } from '@testing-library/dom';
import { afterEach, describe, expect, it } from 'vitest';
import type { Mode } from '../../src/app/store.ts';
import { compileScenario } from '../../src/core/scenario/compile.ts';
import { Session } from '../../src/core/session/session.ts';
import { createAnnouncer } from '../../src/ui/announcer.ts';
import { createCaptions } from '../../src/ui/captions.ts';
import { createTranscriptPanel } from '../../src/ui/transcript-panel.ts';
import { LEAD, tinyPlaybook, tinyScenario } from '../support/tiny-scenario.ts';

const FIRST_TITLE = 'A quiet start on the trading desk';
const ANSWER_TITLE = 'Trading outage: P1 declared';
const INJECT_TEXT = 'The order gateway stopped answering.';
const LINE = 'Nothing is executing. The gateway is down.';

afterEach(() => document.body.replaceChildren());

/** A run whose second phase title gives the answer away, started at 10:00:00. */
function run() {
  const scenario = tinyScenario({
    phases: [
      { id: 'calm', title: FIRST_TITLE, description: 'Authoring note about the calm.', next: [{ to: 'outage', when: { fired: 'gateway-alarm' } }] },
      { id: 'outage', title: ANSWER_TITLE },
    ],
    timeline: [
      { id: 'gateway-alarm', type: 'inject', at: '10:01:00', title: 'Monitoring', text: INJECT_TEXT },
      { id: 'lead-reports', type: 'say', at: '10:01:30', speaker: LEAD, text: LINE },
    ],
  });
  const compiled = compileScenario(scenario, tinyPlaybook());
  const session = new Session(compiled);
  const advanceTo = (clock: string) => session.advanceTo(compiled.clock.toOffset(clock) ?? 0);
  return { compiled, session, advanceTo };
}

function transcriptIn(mode: Mode) {
  const { compiled, session, advanceTo } = run();
  const panel = createTranscriptPanel(compiled, mode);
  document.body.append(panel.element);
  panel.update(session.state.transcript);
  advanceTo('10:02:00');
  panel.update(session.state.transcript);
  return { panel, session, list: getByRole(panel.element, 'list', { name: 'Transcript' }) };
}

function captionsIn(mode: Mode) {
  const { compiled, session, advanceTo } = run();
  const announcer = createAnnouncer();
  const captions = createCaptions(compiled, announcer, mode);
  document.body.append(captions.element, announcer.element);
  captions.update(session.state);
  advanceTo('10:01:00');
  captions.update(session.state);
  advanceTo('10:02:00');
  captions.update(session.state);
  return { captions, announcer, session };
}

describe('the transcript during play', () => {
  it('shows no phase title in exam mode, but every line of the story', () => {
    const { panel, session, list } = transcriptIn('exam');
    expect(session.state.transcript.filter((entry) => entry.kind === 'phase').map((entry) => entry.text)).toEqual([FIRST_TITLE, ANSWER_TITLE]);
    expect(panel.element.textContent).not.toContain(ANSWER_TITLE);
    expect(panel.element.textContent).not.toContain(FIRST_TITLE);
    expect(panel.element.textContent).not.toContain('Authoring note');
    expect(getByText(list, INJECT_TEXT)).toBeTruthy();
    expect(getByText(list, LINE)).toBeTruthy();
    expect(list.children).toHaveLength(session.state.transcript.filter((entry) => entry.kind !== 'phase').length);
  });

  it('shows the phase titles in coach mode', () => {
    const { list, session } = transcriptIn('coach');
    expect(getByText(list, FIRST_TITLE)).toBeTruthy();
    expect(getByText(list, ANSWER_TITLE)).toBeTruthy();
    expect(list.children).toHaveLength(session.state.transcript.length);
  });

  it('cannot be searched for a phase title in exam mode', () => {
    const { panel } = transcriptIn('exam');
    const search = getByRole(panel.element, 'searchbox', { name: 'Search the transcript' }) as HTMLInputElement;
    search.value = 'P1 declared';
    fireEvent.input(search);
    expect(getByRole(panel.element, 'status').textContent).toMatch(/^0 of \d+ lines match/);
  });

  it('adds each later line once in exam mode, however many phase entries it skips', () => {
    const { compiled, session, advanceTo } = run();
    const panel = createTranscriptPanel(compiled, 'exam');
    const list = getByRole(panel.element, 'list', { name: 'Transcript' });
    for (const clock of ['10:00:30', '10:01:00', '10:01:00', '10:01:30', '10:02:00']) {
      advanceTo(clock);
      panel.update(session.state.transcript);
    }
    expect([...list.children].map((item) => item.textContent)).toEqual(
      session.state.transcript.filter((entry) => entry.kind !== 'phase').map((entry) => expect.stringContaining(entry.text)),
    );
    expect(queryByText(list, LINE)).toBeTruthy();
    panel.update(session.state.transcript.slice(0, 1));
    expect(list.children).toHaveLength(0);
  });
});

describe('captions and the screen reader during play', () => {
  it('never show or read out a phase title in exam mode', () => {
    const { captions, announcer } = captionsIn('exam');
    expect(announcer.element.textContent).toContain(INJECT_TEXT);
    expect(announcer.element.textContent).not.toContain(ANSWER_TITLE);
    expect(announcer.element.textContent).not.toContain('New phase');
    expect(captions.element.textContent).not.toContain(ANSWER_TITLE);
    expect(captions.element.textContent).toContain(LINE);
  });

  it('read the new phase out in coach mode', () => {
    const { announcer } = captionsIn('coach');
    expect(announcer.element.textContent).toContain(`New phase: ${ANSWER_TITLE}`);
  });
});
