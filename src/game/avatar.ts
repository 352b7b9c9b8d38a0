/** Up to two initials, as the HUD's avatars show them: "Tomás Alvarez" → "TA". */
export function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter((word) => word.length > 0);
  const first = words[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1] ?? '') : '';
  return (Array.from(first)[0] ?? '?').toUpperCase() + (Array.from(last)[0] ?? '').toUpperCase();
}

/** A stable hue per participant: the same hash as the HUD's avatars, so a person has one colour everywhere. */
export function avatarHue(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash % 360;
}

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
  return hslToRgb(avatarHue(id), 0.55, 0.72);
}
