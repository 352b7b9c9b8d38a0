/**
 * Shows as many of the newest caption lines as fit whole in `box`, oldest first to go: a line is
 * either all on screen or left out, never cut in the middle of its text. The newest line is always
 * shown; when even it does not fit, the box is marked `is-overfull` and its style lets it grow.
 */
export function fitCaptionLines(box: HTMLElement, lines: readonly HTMLElement[]): void {
  box.classList.remove('is-overfull');
  for (const line of lines) line.hidden = false;
  // Half a pixel of slack: layout places lines at fractions of a pixel.
  const top = () => box.getBoundingClientRect().top + box.clientTop - 0.5;
  let first = 0;
  while (first < lines.length - 1 && lines[first]!.getBoundingClientRect().top < top()) {
    lines[first]!.hidden = true;
    first++;
  }
  const newest = lines.at(-1);
  if (newest && newest.getBoundingClientRect().top < top()) box.classList.add('is-overfull');
}
