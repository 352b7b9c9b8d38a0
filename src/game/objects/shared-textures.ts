import type { Scene } from 'phaser';
import { COLOURS, css } from '../theme.ts';

/** A 1 × 1 white texture: scaled and tinted, it draws meter bars and dots as single quads. */
export const WHITE = 'gallery:white';

export function createSharedTextures(scene: Scene): void {
  if (scene.textures.exists(WHITE)) return;
  const white = scene.textures.createCanvas(WHITE, 1, 1)!;
  white.context.fillStyle = '#ffffff';
  white.context.fillRect(0, 0, 1, 1);
  white.refresh();
}

/** The green ring that pulses round a speaker's avatar, drawn once per size. */
export function pulseTexture(scene: Scene, ringRadius: number, dpr: number): string {
  const line = Math.max(2, Math.round(2.5 * dpr));
  const glow = Math.round(5 * dpr);
  const key = `gallery:pulse:${ringRadius}:${line}`;
  if (scene.textures.exists(key)) return key;
  const size = (ringRadius + glow + line) * 2 + 2;
  const texture = scene.textures.createCanvas(key, size, size)!;
  const ctx = texture.context;
  const centre = size / 2;
  ctx.beginPath();
  ctx.arc(centre, centre, ringRadius + glow, 0, Math.PI * 2);
  ctx.fillStyle = 'rgba(111, 219, 166, 0.16)';
  ctx.fill();
  ctx.beginPath();
  ctx.arc(centre, centre, ringRadius, 0, Math.PI * 2);
  ctx.lineWidth = line;
  ctx.strokeStyle = css(COLOURS.speaking);
  ctx.stroke();
  texture.refresh();
  return key;
}
