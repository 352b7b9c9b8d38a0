import type { CompiledScenario } from '../scenario/compiled.ts';

/** A participant's display name, or the id itself when the cast has no such person. */
export function nameOf(compiled: CompiledScenario, id: string): string {
  return compiled.participants.get(id)?.name ?? id;
}

/** The name of a playbook or scenario item by id, or the id itself when the list has no such item. */
export function nameIn<T extends { readonly id: string; readonly name: string }>(list: readonly T[] | undefined, id: string): string {
  return list?.find((item) => item.id === id)?.name ?? id;
}
