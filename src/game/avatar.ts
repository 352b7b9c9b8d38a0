import { hueFor } from '../app/identity.ts';

/** 0xRRGGBB from hue (degrees), saturation and lightness (0 to 1), as CSS `hsl()` computes it. */
export function hslToRgb(hue: number, saturation: number, lightness: number): number {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const channel = (n: number): number => {
    const k = (n + hue / 30) % 12;
    return Math.round((lightness - (chroma / 2) * Math.max(-1, Math.min(k - 3, 9 - k, 1))) * 255);
  };
  return (channel(0) << 16) | (channel(8) << 8) | channel(4);
}

/** The avatar fill for a participant: `hsl(hue 55% 72%)`, the HUD's avatar colour, under dark initials. */
export function avatarColour(id: string): number {
  return hslToRgb(hueFor(id), 0.55, 0.72);
}
