import { describe, expect, it } from 'vitest';
import type { MeasureText } from '../../src/game/ellipsize.ts';
import { headerLayout } from '../../src/game/header-layout.ts';
import type { HeaderView } from '../../src/game/header-view.ts';

/** Each character is 0.6 of the font's size wide, roughly a sans-serif's average. */
const measure: MeasureText = (text, font) => Array.from(text).length * Number(/(\d+)px/.exec(font)![1]) * 0.6;

const VIEW: HeaderView = {
  clock: '02:46:00',
  paused: false,
  speed: 1,
  roster: 8,
  tabs: [{ id: 'main', name: 'Technical bridge', count: 8, viewed: true }],
};

function nameFits(layout: ReturnType<typeof headerLayout>): boolean {
  const tab = layout.tabs[0]!;
  return measure(tab.name, layout.tabFont) <= tab.nameWidth;
}

describe('the call header layout', () => {
  it('shows the full labels and the head count where there is room', () => {
    const layout = headerLayout(VIEW, { width: 820, height: 61, dpr: 1 }, measure);
    expect(layout.compact).toBe(false);
    expect(layout.chip.label).toBe('Live · 1×');
    expect(layout.roster?.label).toBe('8 on the call');
    expect(nameFits(layout)).toBe(true);
  });

  it('goes compact on a phone, so the bridge tab keeps its whole name', () => {
    for (const width of [336, 426]) {
      const layout = headerLayout(VIEW, { width, height: 40, dpr: 1 }, measure);
      expect(layout.compact).toBe(true);
      expect(layout.chip.label).toBe('');
      expect(layout.roster).toBeNull();
      expect(nameFits(layout)).toBe(true);
    }
  });

  it('keeps the same room in device pixels', () => {
    const layout = headerLayout(VIEW, { width: 336 * 3, height: 40 * 3, dpr: 3 }, measure);
    expect(layout.compact).toBe(true);
    expect(nameFits(layout)).toBe(true);
  });

  it('never gives a tab a negative width, however narrow the header', () => {
    const view: HeaderView = { ...VIEW, tabs: [...VIEW.tabs, { id: 'business', name: 'Business bridge: customer impact', count: 0, viewed: false }] };
    for (const width of [0, 60, 120, 200]) {
      for (const tab of headerLayout(view, { width, height: 40, dpr: 1 }, measure).tabs) expect(tab.width).toBeGreaterThanOrEqual(0);
    }
  });
});
