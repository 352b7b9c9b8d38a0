/** A mistake in how the command was called: exit 2, with the usage. */
export class UsageError extends Error {}

/** `--name value` pairs, each allowed and given once. */
export function options(args: readonly string[], allowed: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const name = args[i] ?? '';
    if (!name.startsWith('--')) throw new UsageError(`unexpected argument "${name}"`);
    const key = name.slice(2);
    if (!allowed.includes(key)) throw new UsageError(`unknown option "${name}"`);
    if (found.has(key)) throw new UsageError(`option "${name}" is given twice`);
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`option "${name}" needs a value`);
    found.set(key, value);
    i++;
  }
  return found;
}
