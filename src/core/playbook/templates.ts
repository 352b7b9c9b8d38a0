/** Message templates: `{name}` placeholders filled from what is known about the incident. */

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9_-]*)\}/g;

export interface FilledTemplate {
  readonly text: string;
  /** Placeholders left as `{name}` because nothing is known for them yet, each once, in order of appearance. */
  readonly missing: string[];
}

/**
 * Replaces each `{name}` in `text` with `facts[name]`. Unknown or blank facts stay as `{name}`,
 * so the trainee can see what is still to fill in. Anything that is not a placeholder is kept as written.
 */
export function fillTemplate(text: string, facts: Readonly<Record<string, string | undefined>>): FilledTemplate {
  const missing: string[] = [];
  const filled = text.replace(PLACEHOLDER, (placeholder, name: string) => {
    const value = Object.hasOwn(facts, name) ? facts[name]?.trim() : undefined;
    if (value) return value;
    if (!missing.includes(name)) missing.push(name);
    return placeholder;
  });
  return { text: filled, missing };
}

/** The `{name}` placeholders still present in `text`, each once, in order of appearance. */
export function placeholdersIn(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1]!;
    if (!names.includes(name)) names.push(name);
  }
  return names;
}
