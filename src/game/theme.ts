/** The call scene's palette: the same tokens as the DOM HUD's stylesheet, as numbers Phaser can fill with. */
export const COLOURS = {
  bg: 0x0b1020,
  surface: 0x131b2e,
  surface2: 0x1a2439,
  surface3: 0x233049,
  border: 0x2c3a57,
  borderStrong: 0x3d4f74,
  text: 0xe8edf7,
  textMuted: 0xa9b5cc,
  accent: 0x8bbcff,
  accentStrong: 0x2f6bd8,
  speaking: 0x6fdba6,
  noise: 0xf5b955,
  muted: 0xff958c,
  paused: 0xf5c65f,
} as const;

/** The same tokens as CSS colour strings, for text. */
export const TEXT_COLOURS = {
  text: '#e8edf7',
  textMuted: '#a9b5cc',
  textFaint: '#7f8ba5',
  accent: '#8bbcff',
  onAccent: '#ffffff',
  onNoise: '#2a1c00',
  speaking: '#6fdba6',
  paused: '#f5c65f',
  muted: '#ff958c',
} as const;

export const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
export const MONO_FONT = "ui-monospace, 'SF Mono', 'Cascadia Mono', 'Roboto Mono', Menlo, Consolas, 'DejaVu Sans Mono', monospace";

/** `0xRRGGBB` as a CSS `#rrggbb` string, for drawing on a 2D canvas. */
export function css(colour: number): string {
  return `#${colour.toString(16).padStart(6, '0')}`;
}
