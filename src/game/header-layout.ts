import type { MeasureText } from './ellipsize.ts';
import type { Rect } from './gallery-layout.ts';
import { rosterLabel, type HeaderView } from './header-view.ts';
import { fitTabWidths } from './tab-widths.ts';
import { fontString, type FontSpec } from './text-style.ts';

export interface HeaderMetrics {
  readonly width: number;
  readonly height: number;
  readonly dpr: number;
}

/** The live or paused chip: an icon, then its label (none when the header is compact). */
export interface ChipLayout {
  readonly x: number;
  readonly width: number;
  readonly height: number;
  readonly label: string;
  readonly iconX: number;
  readonly labelX: number;
}

export interface TabLayout extends Rect {
  readonly bridge: string;
  readonly name: string;
  readonly count: number;
  readonly viewed: boolean;
  /** Where the name goes, and how wide it may be before it is cut. */
  readonly nameX: number;
  readonly nameWidth: number;
  readonly countX: number;
  readonly countWidth: number;
}

export interface HeaderLayout {
  /** Short labels, and no head count (the viewed tab's count says it), so a narrow header keeps room for the tabs. */
  readonly compact: boolean;
  readonly mid: number;
  /** The clock's baseline, a little below the middle so mono digits look centred. */
  readonly clockY: number;
  readonly clockFont: string;
  readonly smallFont: string;
  readonly tabFont: string;
  readonly countFont: string;
  readonly chip: ChipLayout;
  /** The head count and its icon, left of the chip; none when compact. */
  readonly roster: { readonly label: string; readonly x: number; readonly iconX: number; readonly iconSize: number } | null;
  readonly tabs: readonly TabLayout[];
}

const CLOCK_TEMPLATE = '00:00:00';
/** Below this much room (CSS px) for tabs that want more, the header goes compact. */
const MIN_TAB_ROOM = 160;

/**
 * Where the header's parts go: a tab per open bridge on the left; the head count, a live or paused chip
 * and the scenario clock on the right. When the full labels would squeeze the tabs, the compact form
 * is used: a smaller clock, a chip with only its icon, and no head count.
 */
export function headerLayout(view: HeaderView, m: HeaderMetrics, measure: MeasureText): HeaderLayout {
  const full = layoutFor(view, m, measure, false);
  const wanted = Math.min(full.tabsNatural, MIN_TAB_ROOM * m.dpr);
  return full.tabsRoom >= wanted ? full.layout : layoutFor(view, m, measure, true).layout;
}

function layoutFor(view: HeaderView, m: HeaderMetrics, measure: MeasureText, compact: boolean): { layout: HeaderLayout; tabsRoom: number; tabsNatural: number } {
  const { width, height, dpr } = m;
  const mid = Math.round(height / 2);
  const gap = Math.round(height * 0.3);
  const clock: FontSpec = { size: Math.round(height * (compact ? 0.46 : 0.58)), weight: '600', mono: true };
  const small: FontSpec = { size: Math.max(Math.round(12 * dpr), Math.round(height * 0.27)), weight: '600' };
  const clockFont = fontString(clock);
  const smallFont = fontString(small);
  let x = width - Math.ceil(measure(CLOCK_TEMPLATE, clockFont)) - gap;

  const label = compact ? '' : view.paused ? 'Paused' : `Live · ${view.speed}×`;
  const chipHeight = Math.round(height * 0.6);
  const iconSpace = Math.round(chipHeight * 0.7);
  const lead = chipHeight * 0.45;
  const chipWidth = compact ? chipHeight : Math.round(lead + iconSpace + measure(label, smallFont) + chipHeight * 0.5);
  x -= chipWidth;
  const chip: ChipLayout = {
    x,
    width: chipWidth,
    height: chipHeight,
    label,
    iconX: compact ? x + chipHeight / 2 : Math.round(x + lead + iconSpace * 0.3),
    labelX: x + lead + iconSpace,
  };

  let roster: HeaderLayout['roster'] = null;
  if (!compact) {
    x -= gap;
    const rosterText = rosterLabel(view.roster);
    x -= Math.ceil(measure(rosterText, smallFont));
    const rosterX = x;
    const iconSize = Math.round(small.size * 1.25);
    x -= Math.round(iconSize * 0.4) + iconSize;
    roster = { label: rosterText, x: rosterX, iconX: x + iconSize / 2, iconSize };
  }

  const tabsRoom = x - Math.round((compact ? 10 : 16) * dpr);
  const tabs = layoutTabs(view, height, tabsRoom, measure);
  const layout: HeaderLayout = { compact, mid, clockY: mid + Math.round(clock.size * 0.04), clockFont, smallFont, tabFont: tabs.font, countFont: tabs.countFont, chip, roster, tabs: tabs.rects };
  return { layout, tabsRoom, tabsNatural: tabs.natural };
}

function layoutTabs(view: HeaderView, headerHeight: number, room: number, measure: MeasureText): { rects: TabLayout[]; natural: number; font: string; countFont: string } {
  const h = Math.round(headerHeight * 0.72);
  const top = Math.round((headerHeight - h) / 2);
  const font = fontString({ size: Math.round(h * 0.42), weight: '600' });
  const countFont = fontString({ size: Math.round(h * 0.36), weight: '700' });
  const gap = Math.round(h * 0.25);
  const padLeft = Math.round(h * 0.45);
  const padRight = Math.round(h * 0.28);
  const countGap = Math.round(h * 0.25);
  const countWidths = view.tabs.map((tab) => Math.max(Math.round(h * 0.62), Math.round(measure(String(tab.count), countFont) + h * 0.36)));
  const natural = view.tabs.map((tab, i) => padLeft + Math.ceil(measure(tab.name, font)) + countGap + countWidths[i]! + padRight);
  const gaps = gap * Math.max(0, view.tabs.length - 1);
  const widths = fitTabWidths(natural, Math.max(0, room - gaps));
  let x = 0;
  const rects = view.tabs.map((tab, i): TabLayout => {
    const width = widths[i]!;
    const countWidth = countWidths[i]!;
    const rect = {
      bridge: tab.id,
      name: tab.name,
      count: tab.count,
      viewed: tab.viewed,
      x,
      y: top,
      width,
      height: h,
      nameX: x + padLeft,
      nameWidth: width - padLeft - countGap - countWidth - padRight,
      countX: x + width - padRight - countWidth,
      countWidth,
    };
    x += width + gap;
    return rect;
  });
  return { rects, natural: natural.reduce((sum, width) => sum + width, 0) + gaps, font, countFont };
}
