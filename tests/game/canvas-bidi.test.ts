import { describe, expect, it } from 'vitest';
import { isolateText } from '../../src/core/text/bidi.ts';
import { drawTile } from '../../src/game/canvas/draw-tile.ts';
import { estimateTextWidth } from '../../src/game/text-estimate.ts';
import { tileMetrics } from '../../src/game/tile-metrics.ts';
import type { TileView } from '../../src/game/tile-view.ts';

const CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A 2D context that draws nothing and keeps every string given to fillText; text is 7 px a character. */
function recordingContext(): { ctx: CanvasRenderingContext2D; drawn: string[] } {
  const drawn: string[] = [];
  const target: Record<string | symbol, unknown> = {
    canvas: { width: 400, height: 240 },
    fillText: (text: string) => drawn.push(text),
    measureText: (text: string) => ({ width: text.length * 7 }),
  };
  const ctx = new Proxy(target, {
    get: (object, key) => (key in object ? object[key] : () => undefined),
    set: () => true,
  }) as unknown as CanvasRenderingContext2D;
  return { ctx, drawn };
}

/** Each string drawn must hold only balanced isolates and no other bidi control. */
function balanced(text: string): boolean {
  let depth = 0;
  for (const char of text.match(CONTROLS) ?? []) {
    if (char === '\u2068') depth++;
    else if (char === '\u2069' && depth > 0) depth--;
    else if (char !== '\u2069') return false;
  }
  return true;
}

describe('scenario text on the canvas', () => {
  it('is wrapped in a first-strong isolate with its own bidi controls removed', () => {
    expect(isolateText('Pete \u202eLawson\u2069\u2066')).toBe('\u2068Pete Lawson\u2069');
    expect(isolateText('')).toBe('\u2068\u2069');
  });

  it('draws a name, role and team with overrides as isolates that end before the next text', () => {
    const view: TileView = {
      id: 'pete',
      name: 'Pete \u202eLawson',
      role: 'Release \u202bmanager',
      team: 'Soft\u2069ware \u2067release',
      initials: 'PL',
      colour: 0x336699,
      speaking: false,
      muted: true,
      noise: null,
      focused: false,
    };
    for (const [width, height] of [
      [400, 240],
      [160, 90],
    ] as const) {
      const { ctx, drawn } = recordingContext();
      drawTile(ctx, view, tileMetrics(width, height, 1, view.name, estimateTextWidth), { joined: false, departure: null });
      const scenarioText = drawn.filter((text) => /Pete|Release|Soft/.test(text));
      expect(scenarioText.length).toBeGreaterThanOrEqual(2);
      for (const text of scenarioText) {
        expect(text.startsWith('\u2068')).toBe(true);
        expect(balanced(text)).toBe(true);
        expect(text).not.toMatch(/[\u202a-\u202e]/);
      }
    }
  });
});
