/**
 * The heat map's colour scale: five bands of 20 points on viridis, a scale that stays in order for every kind of
 * colour vision and in greyscale. Each band names the text colour that reads on it (at least 4.5:1), and every
 * cell shows its number as well, so nothing depends on colour alone. Pure: no DOM.
 */

export interface HeatStep {
  /** The lowest percent in the band; the band reaches up to the next one's. */
  readonly min: number;
  readonly label: string;
  readonly background: string;
  readonly text: string;
}

const DARK_TEXT = '#0b1020';
const LIGHT_TEXT = '#ffffff';

export const HEAT_SCALE: readonly HeatStep[] = [
  { min: 0, label: 'under 20%', background: '#440154', text: LIGHT_TEXT },
  { min: 20, label: '20–39%', background: '#3b528b', text: LIGHT_TEXT },
  { min: 40, label: '40–59%', background: '#21918c', text: DARK_TEXT },
  { min: 60, label: '60–79%', background: '#5ec962', text: DARK_TEXT },
  { min: 80, label: '80% and over', background: '#fde725', text: DARK_TEXT },
];

/** The band a percent falls in; null for a competency no attempt graded. */
export function heatStep(percent: number | null | undefined): HeatStep | null {
  if (percent === null || percent === undefined || !Number.isFinite(percent)) return null;
  let step = HEAT_SCALE[0]!;
  for (const candidate of HEAT_SCALE) if (percent >= candidate.min) step = candidate;
  return step;
}

/** A percent as the tables show it: whole numbers, no decimals to squint at. */
export function percentText(percent: number | null | undefined): string {
  return percent === null || percent === undefined || !Number.isFinite(percent) ? '–' : `${Math.round(percent)}%`;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channel = (index: number) => {
    const value = parseInt(hex.slice(1 + index * 2, 3 + index * 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

/** WCAG contrast ratio of two #rrggbb colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
