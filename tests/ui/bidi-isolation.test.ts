// @vitest-environment jsdom
import { fireEvent, getByRole } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DebriefState } from '../../src/app/store.ts';
import type { ActionLog } from '../../src/core/actions/action.ts';
import { compileScenario } from '../../src/core/scenario/compile.ts';
import { grade } from '../../src/core/scoring/grade.ts';
import { Session } from '../../src/core/session/session.ts';
import { renderDebrief } from '../../src/ui/debrief/render-debrief.ts';
import { h } from '../../src/ui/dom.ts';
import { setText } from '../../src/ui/hud/controls.ts';
import { acmeObject, goldenLog, loadAcme } from '../helpers.ts';

const OVERRIDE = '\u202e';
const CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

afterEach(() => document.body.replaceChildren());

/** Every text node that carries a bidi control of its own, with whether it sits inside an isolate. */
function controlledText(root: Node): { text: string; isolated: boolean }[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const found: { text: string; isolated: boolean }[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.textContent ?? '';
    if (CONTROL.test(text)) found.push({ text, isolated: node.parentElement?.closest('bdi') !== null });
  }
  return found;
}

/** Acme with an override at the end of every name, role, title, line and summary, and a CAN report that has one too. */
function hostileDebrief(): DebriefState {
  const acme = acmeObject() as {
    title: string;
    cast: { name: string; role: string }[];
    endings: { title: string; summary: string }[];
    phases: { title: string }[];
    timeline: { text?: string; title?: string }[];
  };
  acme.title = `${acme.title} ${OVERRIDE}`;
  for (const person of acme.cast) Object.assign(person, { name: `${person.name}${OVERRIDE}`, role: `${person.role}${OVERRIDE}` });
  for (const ending of acme.endings) Object.assign(ending, { title: `${ending.title}${OVERRIDE}`, summary: `${ending.summary}${OVERRIDE}` });
  for (const phase of acme.phases) phase.title = `${phase.title}${OVERRIDE}`;
  for (const beat of acme.timeline) {
    if (beat.text !== undefined) beat.text = `${beat.text}${OVERRIDE}`;
    if (beat.title !== undefined) beat.title = `${beat.title}${OVERRIDE}`;
  }
  const { scenario, playbook } = loadAcme(JSON.stringify(acme));
  const strong = goldenLog('strong', scenario, playbook);
  const log: ActionLog = {
    ...strong,
    actions: strong.actions.map((action) => (action.type === 'can-report' ? { ...action, conditions: `${action.conditions} ${OVERRIDE}` } : action)),
  };
  const report = grade(scenario, playbook, log);
  const final = Session.replay(compileScenario(scenario, playbook), log).state;
  return { scenario, playbook, log, report, final, mode: 'exam', finishedAt: Date.UTC(2025, 2, 12, 14, 5) };
}

describe('text with bidi controls of its own', () => {
  it('is isolated wherever the debrief shows it: names, roles, titles, lines, endings and what the trainee typed', () => {
    const root = document.createElement('main');
    root.append(renderDebrief(hostileDebrief(), { playAgain: vi.fn(), backToScenarios: vi.fn(), download: vi.fn(), print: vi.fn() }));
    document.body.append(root);
    fireEvent.click(getByRole(root, 'button', { name: /show everything/i }));

    const found = controlledText(root);
    expect(found.length).toBeGreaterThan(20);
    expect(found.filter((entry) => !entry.isolated)).toEqual([]);
    expect(found.some((entry) => entry.text.includes(`Pete Lawson${OVERRIDE}`))).toBe(true);
  });

  it('is isolated however the element was built, and text without controls stays a plain text node', () => {
    const sentence = h('p', {}, 'Paged ', `Ana ${OVERRIDE}evil`, ' onto the bridge');
    expect(sentence.querySelectorAll('bdi')).toHaveLength(1);
    expect(sentence.textContent).toBe(`Paged Ana ${OVERRIDE}evil onto the bridge`);
    expect(h('p', {}, 'Plain words').firstChild?.nodeType).toBe(Node.TEXT_NODE);

    const status = h('p', {});
    setText(status, `Sent to ${OVERRIDE}Ops`);
    expect(controlledText(status)).toEqual([{ text: `Sent to ${OVERRIDE}Ops`, isolated: true }]);
  });

  it('keeps what a trainee typed in a text area exactly, and isolates an option label by characters', () => {
    const typed = `Conditions ${OVERRIDE}as typed`;
    expect((h('textarea', {}, typed) as HTMLTextAreaElement).value).toBe(typed);
    const option = h('option', { attrs: { value: 'x' } }, `Ops ${OVERRIDE}team`);
    expect(option.children).toHaveLength(0);
    expect(option.textContent).toBe('\u2068Ops team\u2069');
  });
});
