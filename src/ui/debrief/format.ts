/** Dates and file names for finished attempts. */

/** "12 Mar 2025, 14:05" in the reader's own locale and time zone. */
export function finishedAtText(finishedAt: number): string {
  const date = new Date(finishedAt);
  return Number.isNaN(date.getTime()) ? 'an unknown date' : new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** An ISO timestamp for a `<time datetime>` attribute, or an empty string for a date that cannot exist. */
export function finishedAtIso(finishedAt: number): string {
  const date = new Date(finishedAt);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** `20250312-1405`: the attempt's finishing time in UTC, so file names sort and never depend on where they were made. */
export function fileStamp(finishedAt: number): string {
  const iso = new Date(finishedAt).toISOString();
  return `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}-${iso.slice(11, 13)}${iso.slice(14, 16)}`;
}
