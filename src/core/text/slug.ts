/** Lowercase letters, digits and single dashes, accents dropped, at most `maxLength` long; empty when nothing is left. */
export function slug(text: string, maxLength = Number.POSITIVE_INFINITY): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/, '');
}
