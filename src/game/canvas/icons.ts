type Ctx = CanvasRenderingContext2D;

/** A microphone of height `size`, centred on (x, y). */
export function drawMic(ctx: Ctx, x: number, y: number, size: number, colour: string): void {
  ctx.fillStyle = colour;
  ctx.strokeStyle = colour;
  ctx.lineWidth = Math.max(1.5, size * 0.1);
  ctx.lineCap = 'round';
  ctx.beginPath();
  ctx.roundRect(x - size * 0.19, y - size * 0.5, size * 0.38, size * 0.62, size * 0.19);
  ctx.fill();
  ctx.beginPath();
  ctx.arc(x, y - size * 0.08, size * 0.33, 0, Math.PI, false);
  ctx.moveTo(x, y + size * 0.25);
  ctx.lineTo(x, y + size * 0.46);
  ctx.moveTo(x - size * 0.2, y + size * 0.46);
  ctx.lineTo(x + size * 0.2, y + size * 0.46);
  ctx.stroke();
}

/** A microphone struck through, the cut drawn in `background`. */
export function drawMicOff(ctx: Ctx, x: number, y: number, size: number, colour: string, background: string): void {
  drawMic(ctx, x, y, size, colour);
  const line = Math.max(1.5, size * 0.1);
  ctx.beginPath();
  ctx.moveTo(x + size * 0.42, y - size * 0.48);
  ctx.lineTo(x - size * 0.42, y + size * 0.48);
  ctx.lineWidth = line * 2.6;
  ctx.strokeStyle = background;
  ctx.stroke();
  ctx.lineWidth = line;
  ctx.strokeStyle = colour;
  ctx.stroke();
}

/** Two heads and shoulders, `size` tall, centred on (x, y). */
export function drawPeople(ctx: Ctx, x: number, y: number, size: number, colour: string, background: string): void {
  const person = (cx: number, scale: number, fill: string, alpha: number): void => {
    ctx.globalAlpha = alpha;
    ctx.fillStyle = fill;
    ctx.beginPath();
    ctx.arc(cx, y - size * 0.2 * scale, size * 0.2 * scale, 0, Math.PI * 2);
    ctx.fill();
    ctx.beginPath();
    ctx.ellipse(cx, y + size * 0.5, size * 0.36 * scale, size * 0.42 * scale, 0, Math.PI, 0);
    ctx.fill();
  };
  ctx.save();
  ctx.beginPath();
  ctx.rect(x - size, y - size / 2, size * 2, size);
  ctx.clip();
  person(x + size * 0.24, 0.85, colour, 0.5);
  person(x - size * 0.12, 1.12, background, 1);
  person(x - size * 0.12, 1, colour, 1);
  ctx.restore();
}

/** A pause sign, `size` tall, centred on (x, y). */
export function drawPause(ctx: Ctx, x: number, y: number, size: number, colour: string): void {
  ctx.fillStyle = colour;
  ctx.beginPath();
  ctx.roundRect(x - size * 0.4, y - size / 2, size * 0.3, size, size * 0.08);
  ctx.roundRect(x + size * 0.1, y - size / 2, size * 0.3, size, size * 0.08);
  ctx.fill();
}
