import { describe, expect, it } from 'vitest';
import { hueFor, initials } from '../../src/app/identity.ts';
import { avatarColour, hslToRgb } from '../../src/game/avatar.ts';

function luminance(rgb: number): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear((rgb >> 16) & 255) + 0.7152 * linear((rgb >> 8) & 255) + 0.0722 * linear(rgb & 255);
}

describe('avatars', () => {
  it('takes the first letters of the first and last names', () => {
    expect(initials('Tomás Alvarez')).toBe('TA');
    expect(initials("Kevin O'Brien")).toBe('KO');
    expect(initials('Helen  Okafor ')).toBe('HO');
    expect(initials('Cher')).toBe('C');
  });

  it('converts HSL as CSS does', () => {
    expect(hslToRgb(0, 1, 0.5)).toBe(0xff0000);
    expect(hslToRgb(120, 1, 0.5)).toBe(0x00ff00);
    expect(hslToRgb(240, 1, 0.5)).toBe(0x0000ff);
    expect(hslToRgb(0, 0, 1)).toBe(0xffffff);
    expect(hslToRgb(220, 0.55, 0.72)).toBe(0x90abdf);
  });

  it('gives each id a stable colour, and different ids different hues', () => {
    expect(avatarColour('pete')).toBe(avatarColour('pete'));
    const hues = new Set(['pete', 'release-engineer', 'network-sme', 'noisy-sme', 'db-engineer', 'monitoring-sme'].map(hueFor));
    expect(hues.size).toBe(6);
  });

  it('keeps dark initials readable (4.5:1) on every hue', () => {
    const ink = luminance(0x0b1020);
    for (let hue = 0; hue < 360; hue++) {
      const fill = luminance(hslToRgb(hue, 0.55, 0.72));
      expect((fill + 0.05) / (ink + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
