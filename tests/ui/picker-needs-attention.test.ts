// @vitest-environment jsdom
import { getByRole, queryByRole, within } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NeedsAttention } from '../../src/app/store.ts';
import { h } from '../../src/ui/dom.ts';
import { renderNeedsAttention } from '../../src/ui/needs-attention.ts';
import { renderPicker } from '../../src/ui/picker.ts';
import { catalogWith } from '../helpers.ts';

afterEach(() => document.body.replaceChildren());

const oldDrill: NeedsAttention = {
  file: 'old-drill.json',
  text: '{"id":"old-drill"}',
  problems: ['old-drill.json:1:1: error E_SCHEMA: title is missing', 'old-drill.json:1:1: error E_SCHEMA: cast is missing'],
};
const other: NeedsAttention = { file: 'night-shift.json', text: '{', problems: ['night-shift.json:1:2: error E_JSON: the file ends early'] };

function mountPicker(items: readonly NeedsAttention[], open = vi.fn(), remove = vi.fn()) {
  const picker = renderPicker(catalogWith(['acme-chemical']), {
    navigate: vi.fn(),
    author: vi.fn(),
    opened: [],
    openFile: h('section', {}, 'Open a scenario file'),
    history: h('section', {}, 'History'),
    inProgress: new Set(),
    needsAttention: renderNeedsAttention(items, { open, remove }),
  });
  document.body.append(picker);
  return { picker, open, remove };
}

describe('opened scenario files that need attention, on the picker', () => {
  it('lists each kept file with its name and first problem, and says how many more there are', () => {
    const { picker } = mountPicker([oldDrill, other]);
    const section = getByRole(picker, 'region', { name: 'Needs attention' });
    const items = within(section).getAllByRole('article');
    expect(items.map((item) => item.querySelector('code')?.textContent)).toEqual(['old-drill.json', 'night-shift.json']);
    expect(items[0]!.textContent).toContain('title is missing');
    expect(items[0]!.textContent).not.toContain('cast is missing');
    expect(items[0]!.textContent).toContain('and 1 more problem');
    expect(items[1]!.textContent).toContain('the file ends early');
    expect(items[1]!.textContent).not.toContain('more problem');
    expect(section.textContent).toContain('These scenario files were opened in this browser but no longer pass the checks');
  });

  it('is placed after the scenario cards and before the history', () => {
    const { picker } = mountPicker([oldDrill]);
    const section = getByRole(picker, 'region', { name: 'Needs attention' });
    const cards = getByRole(picker, 'list', { name: 'Scenarios' });
    expect(cards.compareDocumentPosition(section) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(section.compareDocumentPosition(within(picker).getByText('History')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(section.textContent).toContain('This scenario file was opened in this browser but no longer passes the checks');
  });

  it('opens a kept file in the authoring view with its own text', () => {
    const { picker, open } = mountPicker([oldDrill, other]);
    getByRole(picker, 'button', { name: 'Open in the authoring view: night-shift.json' }).click();
    expect(open).toHaveBeenCalledExactlyOnceWith(other);
  });

  it('removes a kept file only after a second click that names it, and "Keep it" takes the offer back', () => {
    const { picker, remove } = mountPicker([oldDrill, other]);
    getByRole(picker, 'button', { name: 'Remove from this browser: old-drill.json' }).click();
    expect(remove).not.toHaveBeenCalled();
    const item = getByRole(picker, 'button', { name: 'Remove now: old-drill.json' }).closest('article')!;
    expect(item.textContent).toContain('Remove old-drill.json and its text from this browser?');
    expect(document.activeElement).toBe(getByRole(picker, 'button', { name: 'Keep: old-drill.json' }));
    getByRole(picker, 'button', { name: 'Keep: old-drill.json' }).click();
    expect(queryByRole(picker, 'button', { name: 'Remove now: old-drill.json' })).toBeNull();
    expect(document.activeElement).toBe(getByRole(picker, 'button', { name: 'Remove from this browser: old-drill.json' }));
    getByRole(picker, 'button', { name: 'Remove from this browser: old-drill.json' }).click();
    getByRole(picker, 'button', { name: 'Remove now: old-drill.json' }).click();
    expect(remove).toHaveBeenCalledExactlyOnceWith(oldDrill);
  });

  it('shows nothing when every opened file passes', () => {
    const { picker } = mountPicker([]);
    expect(queryByRole(picker, 'region', { name: 'Needs attention' })).toBeNull();
  });
});
