// @vitest-environment jsdom
import { getByRole, getByText } from '@testing-library/dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppController } from '../../src/app/controller.ts';
import { h } from '../../src/ui/dom.ts';
import { renderOpenFile } from '../../src/ui/open-file.ts';
import { renderPicker } from '../../src/ui/picker.ts';
import { catalogWith } from '../helpers.ts';

afterEach(() => document.body.replaceChildren());

function mountPicker() {
  const controller = { openFile: vi.fn() } as unknown as AppController;
  const picker = renderPicker(catalogWith(['acme-chemical', 'mim-day-slowness', 'trading-platform-priority']), {
    navigate: vi.fn(),
    author: vi.fn(),
    opened: [],
    openFile: renderOpenFile(controller),
    history: h('section', {}, 'History'),
    inProgress: new Set(),
  });
  document.body.append(picker);
  return picker;
}

describe('opening a scenario file from the picker', () => {
  it('is offered above the scenario cards, and the offer takes the keyboard to the file field', () => {
    const picker = mountPicker();
    const offer = getByRole(picker, 'link', { name: 'Open a scenario file' });
    const cards = getByRole(picker, 'list', { name: 'Scenarios' });
    expect(offer.compareDocumentPosition(cards) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    offer.click();
    expect(document.activeElement).toBe(picker.querySelector('#scenario-file'));
  });

  it('tells an author outside the repository how to get field help: the schema, saved next to the draft', async () => {
    const picker = mountPicker();
    const panel = getByRole(picker, 'region', { name: 'Open a scenario file' });
    expect(getByText(panel, '"$schema": "./scenario.schema.json",')).toBeTruthy();
    const created: Blob[] = [];
    URL.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return 'blob:schema';
    };
    URL.revokeObjectURL = () => undefined;
    getByRole(panel, 'button', { name: 'Download scenario.schema.json' }).click();
    await vi.waitFor(() => expect(created).toHaveLength(1));
    const schema = JSON.parse(await readBlob(created[0]!)) as { properties?: Record<string, unknown> };
    expect(Object.keys(schema.properties ?? {})).toEqual(expect.arrayContaining(['id', 'cast', 'timeline', 'endings']));
  });
});

function readBlob(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob);
  });
}
