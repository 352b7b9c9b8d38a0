import { isolateText } from '../../core/text/bidi.ts';
import { ellipsize } from '../ellipsize.ts';
import { canvasMeasure } from './measure.ts';
import { fontString } from '../text-style.ts';
import { COLOURS, TEXT_COLOURS, css } from '../theme.ts';
import type { TileMetrics } from '../tile-metrics.ts';
import { noiseLabel, type TileView } from '../tile-view.ts';
import { drawMic, drawMicOff } from './icons.ts';

export const NOISE_BARS = 5;

/** How a tile is drawn beyond its view: a fresh join glows, a departure shows its notice. */
export interface TileMoment {
  readonly joined: boolean;
  readonly departure: string | null;
}

/** Where the noise badge's waveform goes, for the bars that move on top of the drawing. */
export interface WaveSlot {
  readonly x: number;
  readonly y: number;
  readonly barWidth: number;
  readonly barHeight: number;
}

const MUTED_FILL = '#3a1f2a';
const SPEAKING_FILL = '#173a31';

function pill(ctx: CanvasRenderingContext2D, x: number, y: number, width: number, height: number): void {
  ctx.beginPath();
  ctx.roundRect(x, y, width, height, height / 2);
}

/**
 * Draws everything still in a tile onto `ctx`, whose canvas is the tile plus `m.margin` on each side.
 * Returns where the noise waveform goes, or null when the line is quiet.
 */
export function drawTile(ctx: CanvasRenderingContext2D, view: TileView, m: TileMetrics, moment: TileMoment): WaveSlot | null {
  const measure = canvasMeasure(ctx);
  ctx.save();
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height);
  ctx.translate(m.margin, m.margin);
  const { width, height, dpr } = m;

  if (view.focused) {
    const line = Math.max(2, Math.round(2.5 * dpr));
    const gap = m.margin - line;
    ctx.beginPath();
    ctx.roundRect(-gap - line / 2, -gap - line / 2, width + (gap * 2 + line), height + (gap * 2 + line), m.radius + gap + line / 2);
    ctx.lineWidth = line;
    ctx.strokeStyle = css(COLOURS.accent);
    ctx.stroke();
  }

  ctx.beginPath();
  ctx.roundRect(0, 0, width, height, m.radius);
  ctx.fillStyle = css(COLOURS.surface);
  ctx.fill();
  const [borderColour, borderWidth] = view.speaking
    ? [css(COLOURS.speaking), 2.5]
    : moment.joined
      ? [css(COLOURS.accent), 2]
      : view.noise !== null
        ? ['rgba(245, 185, 85, 0.6)', 1.5]
        : [css(COLOURS.border), 1];
  const border = Math.max(1, Math.round(borderWidth * dpr));
  ctx.beginPath();
  ctx.roundRect(border / 2, border / 2, width - border, height - border, m.radius - border / 2);
  ctx.lineWidth = border;
  ctx.strokeStyle = borderColour;
  ctx.stroke();

  if (m.avatar) drawAvatar(ctx, view, m);

  ctx.beginPath();
  ctx.arc(m.audioX, m.audioY, m.audioSize / 2, 0, Math.PI * 2);
  ctx.fillStyle = view.muted ? MUTED_FILL : view.speaking ? SPEAKING_FILL : css(COLOURS.surface3);
  ctx.fill();
  if (view.muted) drawMicOff(ctx, m.audioX, m.audioY, m.audioSize * 0.56, css(COLOURS.muted), MUTED_FILL);
  else if (!view.speaking) drawMic(ctx, m.audioX, m.audioY, m.audioSize * 0.56, css(COLOURS.textMuted));

  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.font = fontString(m.name.font);
  ctx.fillStyle = TEXT_COLOURS.text;
  m.name.lines.forEach((line, index) => {
    ctx.fillText(isolateText(line), m.textX, m.audioY + index * m.nameLineHeight);
  });
  ctx.textBaseline = 'top';
  const detailFont = fontString(m.detail);
  const detailWidth = width - m.pad * 2;
  const lines = m.detailLines === 2 ? [view.role, view.team] : m.detailLines === 1 ? [`${isolateText(view.role)} · ${isolateText(view.team)}`] : [];
  ctx.fillStyle = TEXT_COLOURS.textMuted;
  lines.forEach((line, index) => {
    const text = ellipsize(line, detailFont, detailWidth, measure);
    ctx.font = detailFont;
    ctx.fillText(m.detailLines === 2 ? isolateText(text) : text, m.pad, m.detailY + index * m.detailLineHeight);
  });

  const badgeFont = fontString(m.badge);
  const h = m.badgeHeight;
  if (view.muted) {
    const iconSize = Math.round(h * 0.62);
    const labelWidth = measure('Muted', badgeFont);
    const badgeWidth = Math.round(h * 0.35 + iconSize + h * 0.2 + labelWidth + h * 0.45);
    const x = width - m.pad - badgeWidth;
    pill(ctx, x, m.pad, badgeWidth, h);
    ctx.fillStyle = MUTED_FILL;
    ctx.fill();
    ctx.lineWidth = Math.max(1, dpr);
    ctx.strokeStyle = 'rgba(255, 149, 140, 0.45)';
    ctx.stroke();
    drawMicOff(ctx, x + h * 0.35 + iconSize / 2, m.pad + h / 2, iconSize, css(COLOURS.muted), MUTED_FILL);
    ctx.font = badgeFont;
    ctx.fillStyle = TEXT_COLOURS.muted;
    ctx.textBaseline = 'middle';
    ctx.fillText('Muted', x + h * 0.35 + iconSize + h * 0.2, m.pad + h / 2);
  }

  let wave: WaveSlot | null = null;
  if (view.noise !== null) {
    const barWidth = Math.max(2, Math.round(h * 0.09));
    const waveWidth = NOISE_BARS * barWidth * 2 - barWidth;
    const maxText = width - m.pad * 2 - h * 0.85 - waveWidth - (view.muted ? h * 4 : 0);
    const label = ellipsize(`${noiseLabel(view.noise)} noise`, badgeFont, maxText, measure);
    const badgeWidth = Math.round(h * 0.4 + waveWidth + h * 0.3 + measure(label, badgeFont) + h * 0.45);
    pill(ctx, m.pad, m.pad, badgeWidth, h);
    ctx.fillStyle = css(COLOURS.noise);
    ctx.fill();
    ctx.font = badgeFont;
    ctx.fillStyle = TEXT_COLOURS.onNoise;
    ctx.textBaseline = 'middle';
    ctx.fillText(label, m.pad + h * 0.4 + waveWidth + h * 0.3, m.pad + h / 2);
    wave = { x: Math.round(m.pad + h * 0.4), y: Math.round(m.pad + h / 2), barWidth, barHeight: Math.round(h * 0.56) };
  }

  if (moment.departure !== null) {
    ctx.beginPath();
    ctx.roundRect(0, 0, width, height, m.radius);
    ctx.fillStyle = 'rgba(11, 16, 32, 0.74)';
    ctx.fill();
    const size = Math.round(m.name.font.size * 1.2);
    const font = fontString({ size, weight: '700' });
    const label = ellipsize(moment.departure, font, width - m.pad * 2, measure);
    const labelWidth = measure(label, font);
    const chipHeight = Math.round(size * 2);
    const chipWidth = Math.round(labelWidth + size * 1.6);
    pill(ctx, Math.round((width - chipWidth) / 2), Math.round(m.avatarY - chipHeight / 2), chipWidth, chipHeight);
    const dropped = moment.departure === 'Dropped';
    ctx.fillStyle = dropped ? MUTED_FILL : css(COLOURS.surface3);
    ctx.fill();
    ctx.lineWidth = Math.max(1, dpr);
    ctx.strokeStyle = dropped ? 'rgba(255, 149, 140, 0.6)' : css(COLOURS.borderStrong);
    ctx.stroke();
    ctx.font = font;
    ctx.fillStyle = dropped ? TEXT_COLOURS.muted : TEXT_COLOURS.text;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(label, Math.round(width / 2), m.avatarY);
  }
  ctx.restore();
  return wave;
}

/** The avatar: initials on the participant's colour, in a ring; faded while they are muted. */
function drawAvatar(ctx: CanvasRenderingContext2D, view: TileView, m: TileMetrics): void {
  ctx.globalAlpha = view.muted ? 0.5 : 1;
  ctx.beginPath();
  ctx.arc(m.avatarX, m.avatarY, m.ringRadius, 0, Math.PI * 2);
  ctx.lineWidth = m.ringWidth;
  ctx.strokeStyle = css(COLOURS.borderStrong);
  ctx.stroke();
  ctx.globalAlpha = view.muted ? 0.6 : 1;
  ctx.beginPath();
  ctx.arc(m.avatarX, m.avatarY, m.avatarRadius, 0, Math.PI * 2);
  ctx.fillStyle = css(view.colour);
  ctx.fill();
  ctx.font = fontString({ size: Math.round(m.avatarRadius * 0.78), weight: '700' });
  ctx.fillStyle = css(COLOURS.bg);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText(view.initials, m.avatarX, m.avatarY + Math.round(m.avatarRadius * 0.04));
  ctx.globalAlpha = 1;
}
