import { isolateText } from '../../core/text/bidi.ts';
import { ellipsize, type MeasureText } from '../ellipsize.ts';
import type { Rect } from '../gallery-layout.ts';
import { rosterLabel, type HeaderView } from '../header-view.ts';
import { fitTabWidths } from '../tab-widths.ts';
import { fontString, type FontSpec } from '../text-style.ts';
import { COLOURS, TEXT_COLOURS, css } from '../theme.ts';
import { drawPause, drawPeople } from './icons.ts';

export interface HeaderMetrics {
  readonly width: number;
  readonly height: number;
  readonly dpr: number;
}

/** Where the header put the tabs, for the zones that take clicks. */
export interface HeaderArt {
  readonly tabs: readonly (Rect & { readonly bridge: string })[];
}

function ctxMeasure(ctx: CanvasRenderingContext2D): MeasureText {
  return (text, font) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  };
}

function pill(ctx: CanvasRenderingContext2D, x: number, y: number, width: number, height: number, radius = height / 2): void {
  ctx.beginPath();
  ctx.roundRect(x, y, width, height, radius);
}

/**
 * Draws the header row: a tab per open bridge on the left; the head count, a live or paused chip
 * with the speed, and the scenario clock on the right.
 */
export function drawHeader(ctx: CanvasRenderingContext2D, view: HeaderView, m: HeaderMetrics): HeaderArt {
  const measure = ctxMeasure(ctx);
  const { width, height, dpr } = m;
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.textBaseline = 'middle';
  const mid = Math.round(height / 2);
  const gap = Math.round(height * 0.3);

  const clock: FontSpec = { size: Math.round(height * 0.58), weight: '600', mono: true };
  const small: FontSpec = { size: Math.max(Math.round(12 * dpr), Math.round(height * 0.27)), weight: '600' };
  const clockFont = fontString(clock);
  const smallFont = fontString(small);
  ctx.font = clockFont;
  ctx.fillStyle = TEXT_COLOURS.text;
  ctx.textAlign = 'right';
  ctx.fillText(view.clock, width, mid + Math.round(clock.size * 0.04));
  let x = width - Math.ceil(measure('00:00:00', clockFont)) - gap;
  ctx.textAlign = 'left';

  const chipLabel = view.paused ? 'Paused' : `Live · ${view.speed}×`;
  const chipHeight = Math.round(height * 0.6);
  const iconSpace = Math.round(chipHeight * 0.7);
  const chipWidth = Math.round(chipHeight * 0.45 + iconSpace + measure(chipLabel, smallFont) + chipHeight * 0.5);
  x -= chipWidth;
  pill(ctx, x, mid - chipHeight / 2, chipWidth, chipHeight);
  ctx.fillStyle = view.paused ? '#3a3216' : '#13302a';
  ctx.fill();
  ctx.lineWidth = Math.max(1, dpr);
  ctx.strokeStyle = view.paused ? 'rgba(245, 198, 95, 0.55)' : 'rgba(111, 219, 166, 0.5)';
  ctx.stroke();
  const iconX = Math.round(x + chipHeight * 0.45 + iconSpace * 0.3);
  if (view.paused) drawPause(ctx, iconX, mid, Math.round(chipHeight * 0.4), css(COLOURS.paused));
  else {
    ctx.beginPath();
    ctx.arc(iconX, mid, Math.max(3, Math.round(chipHeight * 0.15)), 0, Math.PI * 2);
    ctx.fillStyle = css(COLOURS.speaking);
    ctx.fill();
  }
  ctx.font = smallFont;
  ctx.fillStyle = view.paused ? TEXT_COLOURS.paused : TEXT_COLOURS.speaking;
  ctx.fillText(chipLabel, x + chipHeight * 0.45 + iconSpace, mid);
  x -= gap;

  const roster = rosterLabel(view.roster);
  x -= Math.ceil(measure(roster, smallFont));
  ctx.fillStyle = TEXT_COLOURS.textMuted;
  ctx.fillText(roster, x, mid);
  const iconSize = Math.round(small.size * 1.25);
  x -= Math.round(iconSize * 0.4) + iconSize;
  drawPeople(ctx, x + iconSize / 2, mid, iconSize, TEXT_COLOURS.textMuted, css(COLOURS.bg));

  const tabs = drawTabs(ctx, view, height, dpr, x - Math.round(16 * dpr), measure);
  return { tabs };
}

function drawTabs(ctx: CanvasRenderingContext2D, view: HeaderView, headerHeight: number, dpr: number, room: number, measure: MeasureText): (Rect & { bridge: string })[] {
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
  const widths = fitTabWidths(natural, Math.max(0, room - gap * (view.tabs.length - 1)));
  const rects: (Rect & { bridge: string })[] = [];
  let x = 0;
  view.tabs.forEach((tab, i) => {
    const width = widths[i]!;
    const countWidth = countWidths[i]!;
    const label = ellipsize(tab.name, font, width - padLeft - countGap - countWidth - padRight, measure);
    pill(ctx, x, top, width, h, Math.round(h * 0.3));
    ctx.fillStyle = tab.viewed ? css(COLOURS.accentStrong) : css(COLOURS.surface2);
    ctx.fill();
    if (!tab.viewed) {
      pill(ctx, x + 0.5, top + 0.5, width - 1, h - 1, Math.round(h * 0.3));
      ctx.lineWidth = Math.max(1, dpr);
      ctx.strokeStyle = css(COLOURS.border);
      ctx.stroke();
    }
    ctx.font = font;
    ctx.textAlign = 'left';
    ctx.fillStyle = tab.viewed ? TEXT_COLOURS.onAccent : TEXT_COLOURS.textMuted;
    ctx.fillText(isolateText(label), x + padLeft, top + h / 2);
    const countX = x + width - padRight - countWidth;
    const countHeight = Math.round(h * 0.58);
    pill(ctx, countX, top + Math.round((h - countHeight) / 2), countWidth, countHeight);
    ctx.fillStyle = tab.viewed ? '#1d4aa3' : css(COLOURS.surface3);
    ctx.fill();
    ctx.font = countFont;
    ctx.textAlign = 'center';
    ctx.fillStyle = tab.viewed ? TEXT_COLOURS.onAccent : TEXT_COLOURS.textMuted;
    ctx.fillText(String(tab.count), countX + countWidth / 2, top + h / 2);
    rects.push({ bridge: tab.id, x, y: top, width, height: h });
    x += width + gap;
  });
  ctx.textAlign = 'left';
  return rects;
}
