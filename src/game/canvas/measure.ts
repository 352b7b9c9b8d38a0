import type { MeasureText } from '../ellipsize.ts';

/** Measures text as `ctx` draws it. */
export function canvasMeasure(ctx: CanvasRenderingContext2D): MeasureText {
  return (text, font) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  };
}
