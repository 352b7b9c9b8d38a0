/**
 * Assigns elements to slots (facts to the clauses that state them) so that no slot holds more than
 * `capacity` elements, by augmenting paths: an element placed earlier is never left out to make room for a
 * later one, but it may move to another of its slots. Elements are tried in order, so put the ones that
 * matter most first. Deterministic: the same input gives the same assignment.
 *
 * `assigned` may carry a previous assignment (an element's slot, or null); only the unassigned are placed.
 */
export function assignBounded(candidates: readonly (readonly number[])[], capacity: number, assigned: readonly (number | null)[] = []): (number | null)[] {
  const result: (number | null)[] = candidates.map((_, element) => assigned[element] ?? null);
  const holders = new Map<number, number[]>();
  result.forEach((slot, element) => {
    if (slot !== null) holders.set(slot, [...(holders.get(slot) ?? []), element]);
  });

  const place = (element: number, visited: Set<number>): boolean => {
    for (const slot of candidates[element] ?? []) {
      if (visited.has(slot)) continue;
      visited.add(slot);
      const inSlot = holders.get(slot) ?? [];
      if (inSlot.length < capacity) {
        holders.set(slot, [...inSlot, element]);
        result[element] = slot;
        return true;
      }
      for (const other of inSlot) {
        if (place(other, visited)) {
          holders.set(slot, [...(holders.get(slot) ?? []).filter((held) => held !== other), element]);
          result[element] = slot;
          return true;
        }
      }
    }
    return false;
  };

  candidates.forEach((_, element) => {
    if (result[element] === null && capacity > 0) place(element, new Set());
  });
  return result;
}
