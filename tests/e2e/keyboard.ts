import type { Page } from 'playwright-core';

/** The accessible name of the focused element, roughly as assistive technology computes it. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element) return '';
    const labelledBy = element.getAttribute('aria-labelledby');
    const byId = labelledBy ? labelledBy.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : '';
    const copy = element.cloneNode(true) as HTMLElement;
    for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
    return (element.getAttribute('aria-label') ?? (byId || copy.textContent) ?? '').replace(/\s+/g, ' ').trim();
  });
}

/** Presses Tab until the focused element's name matches, as someone without a mouse would. */
export async function tabTo(page: Page, name: RegExp, maxPresses = 120): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if (name.test(await focusedName(page))) return;
  }
  throw new Error(`Could not reach ${name} with the Tab key in ${maxPresses} presses.`);
}
