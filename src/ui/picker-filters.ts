import type { CatalogScenario } from '../app/catalog.ts';
import { DIFFICULTIES, type Scenario } from '../core/scenario/schema.ts';

/**
 * The picker's filters, pure: which scenarios they keep, the sentence that counts them, and how they are
 * written into the address (`?difficulty=advanced&playbook=itil-major-incident`) and read back from it.
 * An empty list means "any": within a group the choices widen the list (either difficulty), and the two
 * groups narrow it together (this difficulty and that playbook).
 */
export type Difficulty = Scenario['difficulty'];

export interface PickerFilters {
  readonly difficulties: readonly Difficulty[];
  readonly playbooks: readonly string[];
}

export interface PlaybookOption {
  readonly id: string;
  readonly title: string;
}

export const NO_FILTERS: PickerFilters = { difficulties: [], playbooks: [] };

/** The query parameters the filters own; every other parameter of the address is left as it is. */
export const FILTER_PARAMS = { difficulty: 'difficulty', playbook: 'playbook' } as const;

export function hasFilters(filters: PickerFilters): boolean {
  return filters.difficulties.length > 0 || filters.playbooks.length > 0;
}

export function matchesFilters(entry: CatalogScenario, filters: PickerFilters): boolean {
  const { difficulty, playbook } = entry.scenario;
  return (filters.difficulties.length === 0 || filters.difficulties.includes(difficulty)) && (filters.playbooks.length === 0 || filters.playbooks.includes(playbook));
}

/** "3 of 7 scenarios". */
export function countLabel(shown: number, total: number): string {
  return `${shown} of ${total} ${total === 1 ? 'scenario' : 'scenarios'}`;
}

/** The playbooks the listed scenarios use, each once, by title. */
export function playbookOptions(entries: readonly CatalogScenario[]): PlaybookOption[] {
  const titles = new Map<string, string>();
  for (const entry of entries) if (!titles.has(entry.scenario.playbook)) titles.set(entry.scenario.playbook, entry.playbook.title || entry.scenario.playbook);
  return [...titles].map(([id, title]) => ({ id, title })).sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}

/** The same filters with one choice switched on or off; the order of each group stays that of its options. */
export function toggled(filters: PickerFilters, group: keyof PickerFilters, value: string): PickerFilters {
  if (group === 'difficulties') {
    return { ...filters, difficulties: DIFFICULTIES.filter((difficulty) => filters.difficulties.includes(difficulty) !== (difficulty === value)) };
  }
  const playbooks = filters.playbooks.includes(value) ? filters.playbooks.filter((id) => id !== value) : [...filters.playbooks, value];
  return { ...filters, playbooks };
}

/** Keeps only choices the picker offers, so an old link or a stale tab cannot hide every card behind a filter nobody can see. */
export function withKnownChoices(filters: PickerFilters, playbooks: readonly PlaybookOption[]): PickerFilters {
  const known = new Set(playbooks.map((option) => option.id));
  return {
    difficulties: DIFFICULTIES.filter((difficulty) => filters.difficulties.includes(difficulty)),
    playbooks: unique(filters.playbooks.filter((id) => known.has(id))),
  };
}

/** Whether the address says anything about the filters (then it wins over what the tab remembers). */
export function queryNamesFilters(search: string): boolean {
  const params = new URLSearchParams(search);
  return params.has(FILTER_PARAMS.difficulty) || params.has(FILTER_PARAMS.playbook);
}

/** Reads `?difficulty=a&difficulty=b` or `?difficulty=a,b`; unknown difficulties are dropped. */
export function filtersFromQuery(search: string): PickerFilters {
  const params = new URLSearchParams(search);
  const values = (name: string) => unique(params.getAll(name).flatMap((value) => value.split(',')).map((value) => value.trim()).filter((value) => value !== ''));
  const difficulties = values(FILTER_PARAMS.difficulty);
  return { difficulties: DIFFICULTIES.filter((difficulty) => difficulties.includes(difficulty)), playbooks: values(FILTER_PARAMS.playbook) };
}

/** The query with the filters written in (one parameter per choice) and every other parameter kept. */
export function queryWithFilters(search: string, filters: PickerFilters): string {
  const params = new URLSearchParams(search);
  params.delete(FILTER_PARAMS.difficulty);
  params.delete(FILTER_PARAMS.playbook);
  for (const difficulty of filters.difficulties) params.append(FILTER_PARAMS.difficulty, difficulty);
  for (const playbook of filters.playbooks) params.append(FILTER_PARAMS.playbook, playbook);
  const query = params.toString();
  return query === '' ? '' : `?${query}`;
}

/** The filters as the tab keeps them between visits, and back; anything unreadable is no filter. */
export function filtersToText(filters: PickerFilters): string {
  return JSON.stringify({ difficulties: filters.difficulties, playbooks: filters.playbooks });
}

export function filtersFromText(text: string | null): PickerFilters {
  if (text === null) return NO_FILTERS;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return NO_FILTERS;
    const record = value as Record<string, unknown>;
    const strings = (list: unknown) => (Array.isArray(list) ? unique(list.filter((item): item is string => typeof item === 'string')) : []);
    const difficulties = strings(record.difficulties);
    return { difficulties: DIFFICULTIES.filter((difficulty) => difficulties.includes(difficulty)), playbooks: strings(record.playbooks) };
  } catch {
    return NO_FILTERS;
  }
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
