import type { GameObjects } from 'phaser';

/** A microphone of height `size`, centred on (x, y). */
export function drawMic(g: GameObjects.Graphics, x: number, y: number, size: number, colour: number): void {
  const line = Math.max(1.5, size * 0.1);
  g.fillStyle(colour, 1);
  g.fillRoundedRect(x - size * 0.19, y - size * 0.5, size * 0.38, size * 0.62, size * 0.19);
  g.lineStyle(line, colour, 1);
  g.beginPath();
  g.arc(x, y - size * 0.08, size * 0.33, 0, Math.PI, false);
  g.strokePath();
  g.lineBetween(x, y + size * 0.25, x, y + size * 0.46);
  g.lineBetween(x - size * 0.2, y + size * 0.46, x + size * 0.2, y + size * 0.46);
}

/** A microphone struck through, drawn over `background` so the stroke reads as a cut. */
export function drawMicOff(g: GameObjects.Graphics, x: number, y: number, size: number, colour: number, background: number): void {
  drawMic(g, x, y, size, colour);
  const line = Math.max(1.5, size * 0.1);
  g.lineStyle(line * 2.4, background, 1);
  g.lineBetween(x + size * 0.44, y - size * 0.5, x - size * 0.44, y + size * 0.5);
  g.lineStyle(line, colour, 1);
  g.lineBetween(x + size * 0.44, y - size * 0.5, x - size * 0.44, y + size * 0.5);
}

/** Two heads and shoulders, for a head count, `size` tall and centred on (x, y). */
export function drawPeople(g: GameObjects.Graphics, x: number, y: number, size: number, colour: number, background: number): void {
  const head = size * 0.2;
  g.fillStyle(colour, 0.55);
  g.fillCircle(x + size * 0.22, y - size * 0.18, head * 0.9);
  g.fillEllipse(x + size * 0.22, y + size * 0.34, size * 0.62, size * 0.5);
  g.fillStyle(background, 1);
  g.fillCircle(x - size * 0.1, y - size * 0.16, head * 1.25);
  g.fillEllipse(x - size * 0.1, y + size * 0.36, size * 0.86, size * 0.62);
  g.fillStyle(colour, 1);
  g.fillCircle(x - size * 0.1, y - size * 0.16, head);
  g.fillEllipse(x - size * 0.1, y + size * 0.38, size * 0.7, size * 0.52);
}

/** Two bars of a pause sign, `size` tall and centred on (x, y). */
export function drawPause(g: GameObjects.Graphics, x: number, y: number, size: number, colour: number): void {
  const bar = size * 0.3;
  g.fillStyle(colour, 1);
  g.fillRect(x - size * 0.38, y - size / 2, bar, size);
  g.fillRect(x + size * 0.08, y - size / 2, bar, size);
}
