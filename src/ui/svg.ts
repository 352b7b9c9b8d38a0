const SVG_NS = 'http://www.w3.org/2000/svg';

/** Builds an SVG element. Like `h()`, text only ever goes in as text nodes. */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Readonly<Record<string, string>> = {}, ...children: readonly (Node | string | null)[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, value);
  for (const child of children) {
    if (child !== null) element.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** Scenario text inside SVG text, isolated like `bdi()`, so its bidi controls cannot reorder what follows. */
export function isolated(text: string): SVGTSpanElement {
  return svg('tspan', { 'unicode-bidi': 'isolate' }, text);
}
