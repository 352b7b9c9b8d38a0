/**
 * Widths for a row of tabs that must fit in `available` (gaps already taken out): every tab keeps
 * its natural width when they all fit; otherwise the widest are cut to one common cap, so short
 * tabs are never squeezed to make room for a long one.
 */
export function fitTabWidths(natural: readonly number[], available: number): number[] {
  const total = natural.reduce((sum, width) => sum + width, 0);
  if (total <= available) return [...natural];
  const sorted = [...natural].sort((a, b) => a - b);
  let remaining = available;
  let cap = 0;
  for (let i = 0; i < sorted.length; i++) {
    const share = remaining / (sorted.length - i);
    if (sorted[i]! > share) {
      cap = share;
      break;
    }
    remaining -= sorted[i]!;
  }
  return natural.map((width) => Math.floor(Math.min(width, cap)));
}
