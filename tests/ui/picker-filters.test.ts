import { describe, expect, it } from 'vitest';
import { countLabel, filtersFromQuery, filtersFromText, filtersToText, NO_FILTERS, queryNamesFilters, queryWithFilters, toggled } from '../../src/ui/picker-filters.ts';

describe('the picker filters, as data', () => {
  it('reads repeated or comma-separated choices, in the order difficulties are ranked, and drops unknown difficulties', () => {
    expect(filtersFromQuery('?difficulty=advanced,introductory&difficulty=nightmare&playbook=itil-major-incident&playbook=itil-major-incident')).toEqual({
      difficulties: ['introductory', 'advanced'],
      playbooks: ['itil-major-incident'],
    });
    expect(filtersFromQuery('?scenario=acme-chemical')).toEqual(NO_FILTERS);
    expect(queryNamesFilters('?scenario=acme-chemical')).toBe(false);
    expect(queryNamesFilters('?playbook=')).toBe(true);
  });

  it('writes one parameter per choice after the others, and nothing when there is no filter', () => {
    const filters = { difficulties: ['intermediate', 'advanced'] as const, playbooks: ['freshdesk-teams'] };
    expect(queryWithFilters('?view=x&difficulty=introductory', filters)).toBe('?view=x&difficulty=intermediate&difficulty=advanced&playbook=freshdesk-teams');
    expect(filtersFromQuery(queryWithFilters('', filters))).toEqual(filters);
    expect(queryWithFilters('?difficulty=advanced', NO_FILTERS)).toBe('');
  });

  it('switches a choice on and off, keeping difficulties in their ranked order', () => {
    const on = toggled(toggled(NO_FILTERS, 'difficulties', 'advanced'), 'difficulties', 'introductory');
    expect(on.difficulties).toEqual(['introductory', 'advanced']);
    expect(toggled(on, 'difficulties', 'advanced').difficulties).toEqual(['introductory']);
    expect(toggled(toggled(NO_FILTERS, 'playbooks', 'b'), 'playbooks', 'b').playbooks).toEqual([]);
  });

  it('reads back what it kept, and treats anything unreadable as no filter', () => {
    const filters = { difficulties: ['advanced'] as const, playbooks: ['itil-major-incident'] };
    expect(filtersFromText(filtersToText(filters))).toEqual(filters);
    for (const text of [null, '', '{', 'null', '[1]', '{"difficulties":"advanced","playbooks":[3]}']) expect(filtersFromText(text)).toEqual(NO_FILTERS);
  });

  it('counts in words', () => {
    expect(countLabel(3, 7)).toBe('3 of 7 scenarios');
    expect(countLabel(1, 1)).toBe('1 of 1 scenario');
    expect(countLabel(0, 7)).toBe('0 of 7 scenarios');
  });
});
