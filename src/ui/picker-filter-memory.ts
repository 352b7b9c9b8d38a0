import { filtersFromQuery, filtersFromText, filtersToText, hasFilters, NO_FILTERS, queryNamesFilters, queryWithFilters, type PickerFilters } from './picker-filters.ts';
import { routeFrom } from './router.ts';

/** Where the picker's filters live between visits. */
export interface FilterMemory {
  read(): PickerFilters;
  write(filters: PickerFilters): void;
}

/** The tab's key for the filters; sessionStorage, so they last as long as the tab does. */
export const FILTER_STORAGE_KEY = 'bridge-drill:picker-filters:v1';

/**
 * The filters kept in the address (`?difficulty=advanced&playbook=itil-major-incident`), so a reload or a
 * shared link shows the same cards, and in the tab's sessionStorage, so coming back to the picker by
 * "All scenarios" or "Back to scenarios" (whose address has no query) keeps them too. An address that names filters wins.
 * The address is only rewritten while it routes to the picker: a `?scenario=` or `?author=` link is never
 * touched. Storage that refuses (some private modes) only costs the memory, never the filtering.
 */
export function browserFilterMemory(win: Window = window): FilterMemory {
  const storage = (): Storage | null => {
    try {
      return win.sessionStorage;
    } catch {
      return null;
    }
  };
  return {
    read() {
      if (queryNamesFilters(win.location.search)) return filtersFromQuery(win.location.search);
      try {
        return filtersFromText(storage()?.getItem(FILTER_STORAGE_KEY) ?? null);
      } catch {
        return NO_FILTERS;
      }
    },
    write(filters) {
      try {
        if (hasFilters(filters)) storage()?.setItem(FILTER_STORAGE_KEY, filtersToText(filters));
        else storage()?.removeItem(FILTER_STORAGE_KEY);
      } catch {
        // Full or refused storage: the address still carries the filters.
      }
      const { pathname, search, hash } = win.location;
      if (routeFrom(search).kind !== 'picker') return;
      const query = queryWithFilters(search, filters);
      if (query !== search) win.history.replaceState(win.history.state, '', `${pathname}${query}${hash}`);
    },
  };
}
