// @vitest-environment jsdom
import { fireEvent, getAllByRole, getByRole, getByText, queryByRole, within } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HistoryEntry } from '../../src/app/store.ts';
import { renderHistoryList } from '../../src/ui/history-list.ts';

const XSS = '<img src=x onerror=alert(1)>';

function entry(id: string, finishedAt: number, patch: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    id,
    scenarioId: 'acme-chemical',
    scenarioTitle: 'Acme Chemical: the bridge nobody is running',
    finishedAt,
    mode: 'coach',
    percent: 50,
    passed: false,
    log: { scenario: 'acme-chemical', actions: [] },
    ...patch,
  };
}

function mount(entries: readonly HistoryEntry[], open = vi.fn<(entryId: string) => void>()): HTMLElement {
  const root = document.createElement('main');
  root.append(renderHistoryList(entries, { open }));
  document.body.replaceChildren(root);
  return root;
}

afterEach(() => {
  document.body.replaceChildren();
});

describe('history list', () => {
  it('says there is nothing yet when no attempt has finished', () => {
    const root = mount([]);
    expect(getByRole(root, 'heading', { name: /past attempts/i })).toBeTruthy();
    expect(getByText(root, /no finished attempts yet/i)).toBeTruthy();
    expect(queryByRole(root, 'list')).toBeNull();
    expect(queryByRole(root, 'button')).toBeNull();
  });

  it('lists attempts newest first, with mode, percent and pass or fail', () => {
    const entries = [
      entry('old', Date.UTC(2025, 0, 1, 9), { percent: 20, mode: 'exam' }),
      entry('new', Date.UTC(2025, 2, 1, 9), { percent: 95, passed: true, scenarioTitle: 'Newest scenario' }),
      entry('mid', Date.UTC(2025, 1, 1, 9), { percent: 64, scenarioTitle: 'Middle scenario' }),
    ];
    const root = mount(entries);
    const items = getAllByRole(getByRole(root, 'list', { name: /past attempts/i }), 'listitem');
    expect(items.map((item) => item.querySelector('time')!.getAttribute('datetime'))).toEqual([
      '2025-03-01T09:00:00.000Z',
      '2025-02-01T09:00:00.000Z',
      '2025-01-01T09:00:00.000Z',
    ]);
    const [newest, middle, oldest] = items as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(newest).getByText('Newest scenario')).toBeTruthy();
    expect(within(newest).getByText('95%')).toBeTruthy();
    expect(within(newest).getByText('Passed')).toBeTruthy();
    expect(within(newest).getByText('Coach mode')).toBeTruthy();
    expect(within(middle).getByText('64%')).toBeTruthy();
    expect(within(oldest).getByText('Not passed')).toBeTruthy();
    expect(within(oldest).getByText('Exam mode')).toBeTruthy();
    expect(entries.map((e) => e.id)).toEqual(['old', 'new', 'mid']);
  });

  it('opens the attempt whose button is pressed', () => {
    const open = vi.fn<(entryId: string) => void>();
    const root = mount([entry('first', Date.UTC(2025, 0, 1)), entry('second', Date.UTC(2025, 0, 2), { scenarioTitle: 'Other drill', percent: 81, passed: true })], open);
    fireEvent.click(getByRole(root, 'button', { name: /open debrief: other drill, .*81%, passed/i }));
    expect(open).toHaveBeenCalledTimes(1);
    expect(open).toHaveBeenCalledWith('second');
    const buttons = getAllByRole(root, 'button', { name: /^open debrief:/i });
    expect(buttons).toHaveLength(2);
    fireEvent.click(buttons[1]!);
    expect(open).toHaveBeenLastCalledWith('first');
  });

  it('shows a scenario title as text', () => {
    const root = mount([entry('x', Date.UTC(2025, 0, 1), { scenarioTitle: XSS })]);
    expect(root.querySelector('img')).toBeNull();
    expect(getByText(root, XSS)).toBeTruthy();
  });
});
