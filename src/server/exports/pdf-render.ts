import { createRequire } from 'node:module';
import pdfmake from 'pdfmake';
import type { PdfDocument } from '../../core/report/pdf/pdf-layout.ts';

const require = createRequire(import.meta.url);
const ROBOTO = {
  normal: require.resolve('pdfmake/fonts/Roboto/Roboto-Regular.ttf'),
  bold: require.resolve('pdfmake/fonts/Roboto/Roboto-Medium.ttf'),
  italics: require.resolve('pdfmake/fonts/Roboto/Roboto-Italic.ttf'),
  bolditalics: require.resolve('pdfmake/fonts/Roboto/Roboto-MediumItalic.ttf'),
};
const noto = (family: 'arabic' | 'hebrew') => {
  const file = (weight: number) => require.resolve(`@fontsource/noto-sans-${family}/files/noto-sans-${family}-${family}-${weight}-normal.woff`);
  return { normal: file(400), bold: file(700), italics: file(400), bolditalics: file(700) };
};
const FONTS = { Roboto: ROBOTO, Arabic: noto('arabic'), Hebrew: noto('hebrew') };
const FONT_FILES = new Set(Object.values(FONTS).flatMap((files) => Object.values(files)));

pdfmake.setFonts(FONTS);
// A report is built from stored text: nothing in it may make the renderer fetch a URL or read another file.
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((path) => FONT_FILES.has(path));

/** Lays a report out and returns the PDF's bytes, with "page x of y" at the foot of every page. */
export async function renderPdf(document: PdfDocument): Promise<Buffer> {
  const { footerText, ...definition } = document;
  return pdfmake
    .createPdf({
      ...definition,
      footer: (page: number, pages: number) => ({ text: `${footerText} · page ${page} of ${pages}`, fontSize: 7, color: '#666666', margin: [36, 16, 36, 0] }),
    })
    .getBuffer();
}
