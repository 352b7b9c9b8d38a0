import { COMPETENCIES, type Competency } from '../../schema-primitives.ts';
import { heatStep, percentText } from '../heat-scale.ts';
import { hasRightToLeft, scriptRuns, type RunFont } from './script-runs.ts';

/**
 * The parts of a pdfmake document definition the reports use, as plain data: a report is a pure function from
 * results to one of these, so it can be tested without drawing a page, and the server hands it to pdfmake.
 */

export interface PdfText {
  readonly text: string | readonly PdfText[];
  readonly font?: RunFont;
  readonly style?: string | readonly string[];
  readonly bold?: boolean;
  readonly color?: string;
  readonly fillColor?: string;
  readonly alignment?: 'left' | 'right' | 'center';
  readonly fontSize?: number;
  readonly margin?: readonly [number, number, number, number];
  readonly noWrap?: boolean;
}

export type PdfCell = PdfText | string;

export interface PdfTable {
  readonly table: { readonly headerRows: number; readonly widths: readonly (number | '*' | 'auto')[]; readonly body: readonly (readonly PdfCell[])[]; readonly dontBreakRows?: boolean };
  readonly layout: string;
  readonly margin?: readonly [number, number, number, number];
}

export type PdfBlock = PdfText | PdfTable;

export interface PdfDocument {
  readonly info: { readonly title: string; readonly author: string; readonly subject: string; readonly creationDate: Date };
  readonly pageSize: 'A4';
  readonly pageOrientation: 'portrait' | 'landscape';
  readonly pageMargins: readonly [number, number, number, number];
  readonly content: readonly PdfBlock[];
  readonly styles: Readonly<Record<string, Omit<PdfText, 'text'>>>;
  readonly defaultStyle: { readonly font: string; readonly fontSize: number; readonly color: string };
  /** Filled in by the renderer: "page x of y" and the report's name. */
  readonly footerText: string;
}

export const COMPETENCY_NAMES: Readonly<Record<Competency, string>> = {
  priority: 'Priority',
  notification: 'Notification',
  'bridge-control': 'Bridge control',
  escalation: 'Escalation',
  'can-report': 'CAN report',
};

export const STYLES: PdfDocument['styles'] = {
  title: { fontSize: 18, bold: true, margin: [0, 0, 0, 4] },
  subtitle: { fontSize: 9, color: '#555555', margin: [0, 0, 0, 12] },
  heading: { fontSize: 12, bold: true, margin: [0, 14, 0, 6] },
  head: { bold: true, fontSize: 8, color: '#333333', fillColor: '#eeeeee' },
  small: { fontSize: 8 },
  note: { fontSize: 8, color: '#555555', margin: [0, 4, 0, 0] },
};

/** A text block; right-to-left words in it are drawn with a font that has them, in the order they are read. */
export function text(value: string, options: Omit<PdfText, 'text'> = {}): PdfText {
  if (!hasRightToLeft(value)) return { text: value, ...options };
  return { text: scriptRuns(value).map((run) => (run.font ? { text: run.text, font: run.font } : { text: run.text })), ...options };
}

/** A table with a repeated header row and light lines, the way every report's tables look. */
export function table(widths: PdfTable['table']['widths'], head: readonly string[], rows: readonly (readonly PdfCell[])[], options: { readonly margin?: PdfTable['margin'] } = {}): PdfTable {
  return {
    table: { headerRows: 1, widths, body: [head.map((label) => text(label, { style: 'head' })), ...rows], dontBreakRows: true },
    layout: 'lightHorizontalLines',
    ...(options.margin ? { margin: options.margin } : {}),
  };
}

/** A percent cell coloured as the results screen's heat map colours it; the number is always written too. */
export function heatCell(percent: number | null | undefined): PdfText {
  const step = heatStep(percent);
  return step ? text(percentText(percent), { fillColor: step.background, color: step.text, alignment: 'center', bold: true }) : text('–', { alignment: 'center', color: '#777777' });
}

export const competencyHeads = (): string[] => COMPETENCIES.map((competency) => COMPETENCY_NAMES[competency]);

/** "2026-12-04 15:31 UTC": dates in reports are UTC, said so, whoever prints them. */
export function utcText(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function pdfDocument(options: { title: string; subject: string; orientation: PdfDocument['pageOrientation']; generatedAt: Date; content: readonly PdfBlock[] }): PdfDocument {
  return {
    info: { title: options.title, author: 'Bridge Drill', subject: options.subject, creationDate: options.generatedAt },
    pageSize: 'A4',
    pageOrientation: options.orientation,
    pageMargins: [36, 36, 36, 44],
    content: options.content,
    styles: STYLES,
    defaultStyle: { font: 'Roboto', fontSize: 9, color: '#111111' },
    footerText: `${options.title} · Bridge Drill · ${utcText(options.generatedAt.toISOString())}`,
  };
}
