import { isolateText } from '../../core/text/bidi.ts';
import { ellipsize, type MeasureText } from '../ellipsize.ts';
import { canvasMeasure } from './measure.ts';
import type { Rect } from '../gallery-layout.ts';
import { headerLayout, type HeaderLayout, type HeaderMetrics, type TabLayout } from '../header-layout.ts';
import type { HeaderView } from '../header-view.ts';
import { COLOURS, TEXT_COLOURS, css } from '../theme.ts';
import { drawPause, drawPeople } from './icons.ts';

/** Where the header put the tabs, for the zones that take clicks. */
export interface HeaderArt {
  readonly tabs: readonly (Rect & { readonly bridge: string })[];
}

function pill(ctx: CanvasRenderingContext2D, x: number, y: number, width: number, height: number, radius = height / 2): void {
  ctx.beginPath();
  ctx.roundRect(x, y, width, height, radius);
}

/** Draws the header row as headerLayout places it: bridge tabs on the left; head count, live or paused chip and clock on the right. */
export function drawHeader(ctx: CanvasRenderingContext2D, view: HeaderView, m: HeaderMetrics): HeaderArt {
  const measure = canvasMeasure(ctx);
  const layout = headerLayout(view, m, measure);
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.textBaseline = 'middle';
  drawClock(ctx, view, m, layout);
  drawChip(ctx, view, m, layout);
  if (layout.roster) {
    const { label, x, iconX, iconSize } = layout.roster;
    ctx.font = layout.smallFont;
    ctx.textAlign = 'left';
    ctx.fillStyle = TEXT_COLOURS.textMuted;
    ctx.fillText(label, x, layout.mid);
    drawPeople(ctx, iconX, layout.mid, iconSize, TEXT_COLOURS.textMuted, css(COLOURS.bg));
  }
  for (const tab of layout.tabs) drawTab(ctx, tab, m.dpr, layout, measure);
  ctx.textAlign = 'left';
  return { tabs: layout.tabs };
}

function drawClock(ctx: CanvasRenderingContext2D, view: HeaderView, m: HeaderMetrics, layout: HeaderLayout): void {
  ctx.font = layout.clockFont;
  ctx.fillStyle = TEXT_COLOURS.text;
  ctx.textAlign = 'right';
  ctx.fillText(view.clock, m.width, layout.clockY);
}

function drawChip(ctx: CanvasRenderingContext2D, view: HeaderView, m: HeaderMetrics, layout: HeaderLayout): void {
  const { chip, mid } = layout;
  pill(ctx, chip.x, mid - chip.height / 2, chip.width, chip.height);
  ctx.fillStyle = view.paused ? '#3a3216' : '#13302a';
  ctx.fill();
  ctx.lineWidth = Math.max(1, m.dpr);
  ctx.strokeStyle = view.paused ? 'rgba(245, 198, 95, 0.55)' : 'rgba(111, 219, 166, 0.5)';
  ctx.stroke();
  if (view.paused) drawPause(ctx, chip.iconX, mid, Math.round(chip.height * 0.4), css(COLOURS.paused));
  else {
    ctx.beginPath();
    ctx.arc(chip.iconX, mid, Math.max(3, Math.round(chip.height * 0.15)), 0, Math.PI * 2);
    ctx.fillStyle = css(COLOURS.speaking);
    ctx.fill();
  }
  if (chip.label === '') return;
  ctx.font = layout.smallFont;
  ctx.textAlign = 'left';
  ctx.fillStyle = view.paused ? TEXT_COLOURS.paused : TEXT_COLOURS.speaking;
  ctx.fillText(chip.label, chip.labelX, mid);
}

function drawTab(ctx: CanvasRenderingContext2D, tab: TabLayout, dpr: number, layout: HeaderLayout, measure: MeasureText): void {
  const { x, y, width, height } = tab;
  if (width <= 0) return;
  pill(ctx, x, y, width, height, Math.round(height * 0.3));
  ctx.fillStyle = tab.viewed ? css(COLOURS.accentStrong) : css(COLOURS.surface2);
  ctx.fill();
  if (!tab.viewed) {
    pill(ctx, x + 0.5, y + 0.5, width - 1, height - 1, Math.round(height * 0.3));
    ctx.lineWidth = Math.max(1, dpr);
    ctx.strokeStyle = css(COLOURS.border);
    ctx.stroke();
  }
  ctx.font = layout.tabFont;
  ctx.textAlign = 'left';
  ctx.fillStyle = tab.viewed ? TEXT_COLOURS.onAccent : TEXT_COLOURS.textMuted;
  ctx.fillText(isolateText(ellipsize(tab.name, layout.tabFont, tab.nameWidth, measure)), tab.nameX, y + height / 2);
  const countHeight = Math.round(height * 0.58);
  pill(ctx, tab.countX, y + Math.round((height - countHeight) / 2), tab.countWidth, countHeight);
  ctx.fillStyle = tab.viewed ? '#1d4aa3' : css(COLOURS.surface3);
  ctx.fill();
  ctx.font = layout.countFont;
  ctx.textAlign = 'center';
  ctx.fillStyle = tab.viewed ? TEXT_COLOURS.onAccent : TEXT_COLOURS.textMuted;
  ctx.fillText(String(tab.count), tab.countX + tab.countWidth / 2, y + height / 2);
}
