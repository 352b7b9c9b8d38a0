import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appUrl, openPage, useBrowser } from './browser.ts';

const browser = useBrowser();

interface SoundState {
  readonly context: string | null;
  /** Sources of the howls playing now. */
  readonly playing: string[];
  readonly volume: number | null;
}

/** What howler is doing in the page: howler puts `Howler` on the window. */
function soundState(page: Page): Promise<SoundState> {
  return page.evaluate(`(() => {
    const howler = window.Howler;
    if (!howler) return { context: null, playing: [], volume: null };
    return {
      context: howler.ctx ? howler.ctx.state : null,
      playing: howler._howls.filter((howl) => howl.playing()).map((howl) => howl._src),
      volume: howler.volume(),
    };
  })()`);
}

/**
 * Headless Chromium never holds audio back, so this page script does what desktop browsers do:
 * every AudioContext starts suspended and can only resume after a real click or key press.
 */
const BLOCK_AUTOPLAY = `(() => {
  const Native = window.AudioContext;
  let activated = false;
  for (const type of ['pointerdown', 'mousedown', 'keydown', 'touchend']) window.addEventListener(type, (event) => { if (event.isTrusted) activated = true; }, true);
  window.AudioContext = class extends Native {
    constructor(...args) { super(...args); void super.suspend(); }
    resume() { return activated ? super.resume() : Promise.resolve(); }
  };
  window.webkitAudioContext = window.AudioContext;
})()`;

describe('sound through howler', () => {
  it(
    'starts on the first click although autoplay is blocked, loops noise on a noisy line until it is muted, and follows mute-all',
    async () => {
      const { page, context, errors } = await openPage(browser());
      await page.addInitScript(BLOCK_AUTOPLAY);
      await page.goto(appUrl('acme-chemical'));
      // The sound chunk loads after the page; on a busy machine that takes longer than a poll's default second.
      await expect.poll(async () => (await soundState(page)).context, { timeout: 10_000 }).toBe('suspended');
      await page.getByRole('button', { name: 'Start the exercise' }).click();
      await page.locator('.stage[data-ready="true"]').waitFor();

      await expect.poll(async () => (await soundState(page)).context, { timeout: 10_000 }).toBe('running');
      await expect.poll(async () => (await soundState(page)).playing.some((src) => src.endsWith('/audio/noise/children.ogg')), { timeout: 10_000 }).toBe(true);

      await page.getByRole('button', { name: '5×' }).click();
      await expect.poll(async () => (await soundState(page)).playing.some((src) => src.includes('/audio/lines/')), { timeout: 15_000 }).toBe(true);

      await page.getByRole('button', { name: 'People', exact: true }).click();
      await page.getByRole('button', { name: /^Priya Shah/ }).click();
      await page.getByRole('button', { name: 'Mute Priya Shah' }).click();
      await expect.poll(async () => (await soundState(page)).playing.some((src) => src.endsWith('/audio/noise/children.ogg'))).toBe(false);

      await page.getByRole('slider', { name: 'Master volume' }).fill('40');
      await expect.poll(async () => (await soundState(page)).volume).toBeCloseTo(0.4);
      await page.getByRole('button', { name: 'Mute all' }).click();
      await expect.poll(() => page.evaluate('window.Howler._muted')).toBe(true);
      await page.getByRole('button', { name: 'Unmute all' }).click();
      await expect.poll(() => page.evaluate('window.Howler._muted')).toBe(false);

      await page.getByRole('button', { name: 'Pause' }).click();
      await expect.poll(async () => (await soundState(page)).playing).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    },
    90_000,
  );
});
