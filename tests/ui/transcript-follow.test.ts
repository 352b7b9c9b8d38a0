// @vitest-environment jsdom
import { getByRole } from '@testing-library/dom';
import { afterEach, describe, expect, it } from 'vitest';
import { compileScenario } from '../../src/core/scenario/compile.ts';
import { Session } from '../../src/core/session/session.ts';
import { followLatest } from '../../src/ui/follow-latest.ts';
import { createTranscriptPanel } from '../../src/ui/transcript-panel.ts';
import { loadAcme } from '../helpers.ts';

afterEach(() => document.body.replaceChildren());

/**
 * A scroller with the geometry jsdom does not lay out: `contentHeight` of content in a box
 * `height` tall, and a scrollTop clamped as a browser clamps it.
 */
function fakeScroller(element: HTMLElement, height: number) {
  const box = { content: 0, top: 0 };
  const maxTop = () => Math.max(0, box.content - height);
  Object.defineProperties(element, {
    clientHeight: { get: () => height },
    scrollHeight: { get: () => Math.max(box.content, height) },
    scrollTop: {
      get: () => box.top,
      set: (value: number) => {
        box.top = Math.min(Math.max(0, value), maxTop());
      },
    },
  });
  return {
    box,
    /** The person scrolls to `top`; the browser then fires a scroll event. */
    scrollTo(top: number) {
      element.scrollTop = top;
      element.dispatchEvent(new Event('scroll'));
    },
    /** The scroll event the browser fires after the page itself moved the scroller. */
    scrollEvent() {
      element.dispatchEvent(new Event('scroll'));
    },
    atEnd: () => box.top === maxTop(),
  };
}

function setUp() {
  const element = document.createElement('div');
  const scroller = fakeScroller(element, 83);
  const changes: boolean[] = [];
  const follower = followLatest(element, (following) => changes.push(following));
  return { scroller, follower, changes };
}

describe('following the newest transcript lines', () => {
  it('follows from the start, even when the first entry is taller than the scroller', () => {
    const { scroller, follower } = setUp();
    scroller.box.content = 200;
    follower.contentChanged();
    expect(scroller.atEnd()).toBe(true);
    scroller.scrollEvent();
    scroller.box.content = 260;
    follower.contentChanged();
    expect(scroller.atEnd()).toBe(true);
    expect(follower.following).toBe(true);
  });

  it('is not stopped by its own scroll, even when more content arrived before the browser reported it', () => {
    const { scroller, follower, changes } = setUp();
    scroller.box.content = 200;
    follower.contentChanged();
    scroller.box.content = 400;
    scroller.scrollEvent();
    expect(follower.following).toBe(true);
    expect(changes).toEqual([]);
  });

  it('stops when the person scrolls up, and keeps their place as lines arrive', () => {
    const { scroller, follower, changes } = setUp();
    scroller.box.content = 300;
    follower.contentChanged();
    scroller.scrollTo(40);
    expect(follower.following).toBe(false);
    scroller.box.content = 500;
    follower.contentChanged();
    expect(scroller.box.top).toBe(40);
    expect(changes).toEqual([false]);
  });

  it('follows again when the person scrolls back to the end, or a nudge short of it', () => {
    const { scroller, follower, changes } = setUp();
    scroller.box.content = 300;
    follower.contentChanged();
    scroller.scrollTo(0);
    scroller.scrollTo(300 - 83 - 10);
    expect(follower.following).toBe(true);
    expect(changes).toEqual([false, true]);
  });

  it('jumps to the latest line and follows again when asked', () => {
    const { scroller, follower } = setUp();
    scroller.box.content = 300;
    follower.contentChanged();
    scroller.scrollTo(0);
    scroller.box.content = 600;
    follower.jumpToLatest();
    expect(follower.following).toBe(true);
    expect(scroller.atEnd()).toBe(true);
  });
});

describe('the transcript panel', () => {
  it('offers "Jump to latest" only while the trainee is scrolled up, and it brings the newest line back', () => {
    const { scenario, playbook } = loadAcme();
    const compiled = compileScenario(scenario, playbook);
    const session = new Session(compiled);
    const panel = createTranscriptPanel(compiled);
    document.body.append(panel.element);
    const element = panel.element.querySelector<HTMLElement>('[aria-label="Transcript, scrollable"]')!;
    const scroller = fakeScroller(element, 83);
    const jump = panel.element.querySelector<HTMLButtonElement>('button.transcript-latest')!;

    scroller.box.content = 300;
    panel.update(session.state.transcript);
    expect(scroller.atEnd()).toBe(true);
    expect(jump.hidden).toBe(true);

    scroller.scrollTo(0);
    expect(getByRole(panel.element, 'button', { name: 'Jump to latest' })).toBe(jump);
    session.advanceTo(compiled.clock.toOffset('02:50:00')!);
    scroller.box.content = 900;
    panel.update(session.state.transcript);
    expect(scroller.box.top).toBe(0);

    jump.click();
    expect(scroller.atEnd()).toBe(true);
    expect(jump.hidden).toBe(true);
    expect(document.activeElement).toBe(element);
    panel.dispose();
  });
});
