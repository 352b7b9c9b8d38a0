import { z } from 'zod';

/** Every property name a schema allows anywhere, for "did you mean" on unknown properties. */
export function propertyNamesOf(schema: z.ZodType): string[] {
  const names = new Set<string>();
  collect(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), names);
  return [...names].sort();
}

function collect(node: unknown, names: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collect(item, names);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && value !== null && typeof value === 'object') {
      for (const name of Object.keys(value)) names.add(name);
    }
    if (key !== 'examples' && key !== 'const' && key !== 'enum') collect(value, names);
  }
}
