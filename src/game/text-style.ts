import type { Types } from 'phaser';
import { FONT, MONO_FONT } from './theme.ts';

export type Weight = '400' | '500' | '600' | '700' | '800';

export interface FontSpec {
  /** Device pixels. */
  readonly size: number;
  readonly weight: Weight;
  readonly mono?: boolean;
}

/** The CSS font shorthand Phaser's Text draws with, for measuring text the same way. */
export function fontString(spec: FontSpec): string {
  return `${spec.weight} ${spec.size}px ${spec.mono ? MONO_FONT : FONT}`;
}

export function textStyle(spec: FontSpec, colour: string): Types.GameObjects.Text.TextStyle {
  return { fontFamily: spec.mono ? MONO_FONT : FONT, fontSize: `${spec.size}px`, fontStyle: spec.weight, color: colour };
}
