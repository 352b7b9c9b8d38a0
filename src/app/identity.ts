/** How a participant is recognised at a glance, the same in the call scene and in the HUD. */

/** Up to two initials for an avatar: "Tomás Alvarez" → "TA". */
export function initials(name: string): string {
  const words = name.split(/\s+/).filter((word) => word.length > 0);
  const first = words[0] ?? '?';
  const last = words.length > 1 ? (words[words.length - 1] ?? '') : '';
  return (Array.from(first)[0] ?? '?').toUpperCase() + (Array.from(last)[0] ?? '').toUpperCase();
}

/** A stable hue per participant, so the same person always has the same avatar colour. */
export function hueFor(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash % 360;
}
