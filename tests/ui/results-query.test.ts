import { describe, expect, it } from 'vitest';
import {
  DEFAULT_QUERY,
  apiFilterParams,
  dayOrNull,
  endOfDayIso,
  pageCount,
  pagingText,
  paramsOfQuery,
  queryFromParams,
  startOfDayIso,
  withFilter,
  withSort,
  type ResultsQuery,
} from '../../src/app/results/results-query.ts';
import { exportHref, pdfHref } from '../../src/app/results/results-api.ts';
import { addressOf, routeFrom } from '../../src/ui/router.ts';
import { HEAT_SCALE, contrastRatio, heatStep, percentText } from '../../src/core/report/heat-scale.ts';

const COHORT = '6f1c1f0e-6a55-4b8e-9a49-0c1b2a3d4e5f';
const TRAINEE = '0b9d8f62-3c1e-4f4a-8d2b-5e6f7a8b9c0d';

describe('the results address', () => {
  it('writes every part of a view and reads it back the same', () => {
    const query: ResultsQuery = { cohort: COHORT, scenario: 'acme-chemical', from: '2025-03-01', to: '2025-03-31', passed: false, mode: 'exam', sort: 'grade', order: 'asc', page: 3, heatPage: 2, trainee: TRAINEE, attempt: null };
    const search = paramsOfQuery(query).toString();
    expect(search).toBe(`view=results&cohort=${COHORT}&scenario=acme-chemical&from=2025-03-01&to=2025-03-31&passed=false&mode=exam&sort=grade&order=asc&page=3&hpage=2&trainee=${TRAINEE}`);
    expect(queryFromParams(new URLSearchParams(search))).toEqual(query);
  });

  it('leaves the defaults out, so the plain view is just ?view=results', () => {
    expect(paramsOfQuery(DEFAULT_QUERY).toString()).toBe('view=results');
    expect(addressOf({ kind: 'results', query: DEFAULT_QUERY }, '/')).toBe('/?view=results');
    // A sort column in its natural order needs no order in the address; the other order does.
    expect(paramsOfQuery({ ...DEFAULT_QUERY, sort: 'trainee', order: 'asc' }).toString()).toBe('view=results&sort=trainee&order=asc');
    expect(paramsOfQuery({ ...DEFAULT_QUERY, order: 'asc' }).toString()).toBe('view=results&sort=finished&order=asc');
  });

  it('is a route of its own, and anything unreadable in it falls back to the default', () => {
    const route = routeFrom('?view=results&sort=nonsense&order=sideways&page=-4&hpage=1e9&passed=maybe&mode=party&from=2025-02-30&to=yesterday&cohort=%20');
    expect(route).toEqual({ kind: 'results', query: DEFAULT_QUERY });
    expect(routeFrom('?view=results&passed=true&page=12')).toEqual({ kind: 'results', query: { ...DEFAULT_QUERY, passed: true, page: 12 } });
  });

  it('knows a real calendar day from one that only looks like it', () => {
    expect(dayOrNull('2024-02-29')).toBe('2024-02-29');
    expect(dayOrNull('2025-02-29')).toBeNull();
    expect(dayOrNull('2025-13-01')).toBeNull();
    expect(dayOrNull('')).toBeNull();
  });
});

describe('changing the view', () => {
  const deep: ResultsQuery = { ...DEFAULT_QUERY, page: 7, heatPage: 3, attempt: 'a-1', trainee: TRAINEE };

  it('goes back to the first pages when a filter changes, and keeps the trainee', () => {
    expect(withFilter(deep, { mode: 'coach' })).toEqual({ ...DEFAULT_QUERY, mode: 'coach', trainee: TRAINEE });
  });

  it('turns the order round on the same column, and starts another column in its natural order', () => {
    expect(withSort(DEFAULT_QUERY, 'finished')).toMatchObject({ sort: 'finished', order: 'asc' });
    expect(withSort({ ...DEFAULT_QUERY, sort: 'grade', order: 'asc' }, 'grade')).toMatchObject({ sort: 'grade', order: 'desc' });
    expect(withSort(deep, 'trainee')).toMatchObject({ sort: 'trainee', order: 'asc', page: 1, attempt: null });
    expect(withSort(DEFAULT_QUERY, 'grade')).toMatchObject({ sort: 'grade', order: 'desc' });
  });
});

describe('the API filter', () => {
  it('sends whole local days as ISO instants, and the rest as they are', () => {
    const params = apiFilterParams({ cohort: COHORT, scenario: 'acme-chemical', from: '2025-03-01', to: '2025-03-31', passed: true, mode: 'classroom', trainee: TRAINEE });
    expect(Object.fromEntries(params)).toEqual({
      scenario: 'acme-chemical',
      trainee: TRAINEE,
      cohort: COHORT,
      from: new Date(2025, 2, 1).toISOString(),
      to: new Date(new Date(2025, 3, 1).getTime() - 1).toISOString(),
      passed: 'true',
      mode: 'classroom',
    });
    expect(new Date(endOfDayIso('2025-12-31')).getTime() - new Date(startOfDayIso('2025-12-31')).getTime()).toBe(86_400_000 - 1);
  });

  it('gives the downloads the same filter', () => {
    expect(exportHref('csv', { cohort: null, scenario: null, from: null, to: null, passed: null, mode: null, trainee: null })).toBe('/api/exports/attempts.csv');
    expect(exportHref('xlsx', { cohort: COHORT, scenario: null, from: null, to: null, passed: false, mode: null, trainee: null }, '/drill/api/')).toBe(`/drill/api/exports/attempts.xlsx?cohort=${COHORT}&passed=false`);
    expect(pdfHref({ cohort: COHORT, scenario: null, from: null, to: null, passed: null, mode: null, trainee: null })).toBe(`/api/exports/cohort.pdf?cohort=${COHORT}`);
    expect(pdfHref({ cohort: null, scenario: 'acme-chemical', from: null, to: null, passed: null, mode: null, trainee: COHORT })).toBe(`/api/exports/trainee.pdf?scenario=acme-chemical&trainee=${COHORT}`);
  });
});

describe('paging words', () => {
  it('says which rows of how many a page shows', () => {
    expect(pagingText(2, 50, 4312)).toBe('Showing 51–100 of 4,312');
    expect(pagingText(87, 50, 4312)).toBe('Showing 4,301–4,312 of 4,312');
    expect(pagingText(1, 50, 0)).toBe('No attempts');
    expect(pagingText(9, 50, 100)).toMatch(/past the end/);
    expect(pageCount(4312, 50)).toBe(87);
    expect(pageCount(0, 50)).toBe(1);
  });
});

describe('the heat map colour scale', () => {
  it('puts each percent in its band, with nothing for what was not graded', () => {
    expect([0, 19.9, 20, 59, 60, 79.9, 80, 100].map((value) => heatStep(value)?.min)).toEqual([0, 0, 20, 40, 60, 60, 80, 80]);
    expect(heatStep(undefined)).toBeNull();
    expect(heatStep(Number.NaN)).toBeNull();
    expect(percentText(66.6)).toBe('67%');
    expect(percentText(undefined)).toBe('–');
  });

  it('keeps every number readable on its colour (WCAG AA, 4.5:1), and the bands in order of lightness', () => {
    for (const step of HEAT_SCALE) expect(contrastRatio(step.background, step.text), step.label).toBeGreaterThanOrEqual(4.5);
    const lightness = HEAT_SCALE.map((step) => contrastRatio(step.background, '#000000'));
    expect([...lightness].sort((a, b) => a - b)).toEqual(lightness);
  });
});
