import { h } from '../dom.ts';

/** The SVG of a QR code for `text`; the page passes the generator in, loaded on first use, so only the projector page carries it. */
export type QrSvg = (text: string) => Promise<string>;

/**
 * A QR code as an image: the SVG goes in as a data: URL (the server's CSP allows data: images), never as markup
 * in the page, so nothing in it can run.
 */
export function qrImage(text: string, label: string, make: QrSvg | undefined): HTMLImageElement {
  const image = h('img', { class: 'pj-qr', attrs: { alt: label, width: '320', height: '320' } });
  if (!make) {
    image.alt = `${label} (no QR code here; use the address beside it)`;
    return image;
  }
  make(text)
    .then((svg) => {
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    })
    .catch(() => {
      image.alt = `${label} (the QR code could not be drawn; use the address beside it)`;
    });
  return image;
}
