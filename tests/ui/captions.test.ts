// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/scenario/compile.ts';
import { Session } from '../../src/core/session/session.ts';
import { createAnnouncer } from '../../src/ui/announcer.ts';
import { fitCaptionLines } from '../../src/ui/caption-fit.ts';
import { CAPTION_LINES, createCaptions } from '../../src/ui/captions.ts';
import { loadAcme } from '../helpers.ts';

afterEach(() => document.body.replaceChildren());

function acmeCaptions() {
  const { scenario, playbook } = loadAcme();
  const compiled = compileScenario(scenario, playbook);
  const session = new Session(compiled);
  const captions = createCaptions(compiled, createAnnouncer());
  document.body.append(captions.element);
  const runTo = (clock: string) => {
    session.advanceTo(compiled.clock.toOffset(clock)!);
    captions.update(session.state);
  };
  return { captions, runTo };
}

const lines = (element: HTMLElement) => [...element.querySelectorAll<HTMLElement>('.caption')];

/** Gives an element a fixed place on screen, as a browser's layout would. */
function placeAt(element: HTMLElement, top: number, clientTop = 0): void {
  element.getBoundingClientRect = () => ({ top, bottom: top + 20, left: 0, right: 100, width: 100, height: 20, x: 0, y: top, toJSON: () => ({}) });
  Object.defineProperty(element, 'clientTop', { value: clientTop, configurable: true });
}

describe('captions', () => {
  it('keep the last three lines, newest last and marked, older ones aged for fading', () => {
    const { captions, runTo } = acmeCaptions();
    runTo('02:50:00');
    const shown = lines(captions.element);
    expect(shown).toHaveLength(CAPTION_LINES);
    expect(shown.map((line) => line.dataset.age)).toEqual(['2', '1', '0']);
    expect(shown.map((line) => line.classList.contains('latest'))).toEqual([false, false, true]);
    captions.dispose();
  });

  it('keep a line on screen as the same element until newer lines push it out, instead of redrawing them all', () => {
    const { captions, runTo } = acmeCaptions();
    runTo('02:46:30');
    const before = lines(captions.element);
    expect(before.length).toBeGreaterThan(1);
    runTo('02:47:10');
    const after = lines(captions.element);
    const kept = before.filter((line) => after.includes(line));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((line) => line.isConnected)).toBe(true);
    expect(before.filter((line) => !after.includes(line)).every((line) => !line.isConnected)).toBe(true);
    expect(after.at(-1)?.classList.contains('latest')).toBe(true);
    expect(after.filter((line) => line.classList.contains('latest'))).toHaveLength(1);
    captions.dispose();
  });
});

describe('fitting caption lines', () => {
  it('leaves out the oldest lines that would be cut at the top of the box, never the newest', () => {
    const box = document.createElement('div');
    const [oldest, older, newest] = [0, 1, 2].map(() => box.appendChild(document.createElement('p')));
    placeAt(box, 100, 1);
    placeAt(oldest!, 80);
    placeAt(older!, 101);
    placeAt(newest!, 130);
    fitCaptionLines(box, [oldest!, older!, newest!]);
    expect([oldest!.hidden, older!.hidden, newest!.hidden]).toEqual([true, false, false]);
    expect(box.classList.contains('is-overfull')).toBe(false);
  });

  it('lets the box grow when even the newest line does not fit whole', () => {
    const box = document.createElement('div');
    const [older, newest] = [0, 1].map(() => box.appendChild(document.createElement('p')));
    placeAt(box, 100);
    placeAt(older!, 40);
    placeAt(newest!, 70);
    fitCaptionLines(box, [older!, newest!]);
    expect([older!.hidden, newest!.hidden]).toEqual([true, false]);
    expect(box.classList.contains('is-overfull')).toBe(true);
  });
});
