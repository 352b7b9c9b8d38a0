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

describe('reading a chosen file', () => {
  // jsdom's Blob has no arrayBuffer(); browsers and Node have had it for years.
  Blob.prototype.arrayBuffer ??= function (this: Blob) {
    return new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(this);
    });
  };

  function choose(name: string, bytes: Uint8Array<ArrayBuffer>) {
    const controller = { openFile: vi.fn() } as unknown as AppController & { openFile: ReturnType<typeof vi.fn> };
    const panel = renderOpenFile(controller);
    document.body.append(panel);
    const input = panel.querySelector<HTMLInputElement>('input[type="file"]')!;
    Object.defineProperty(input, 'files', { value: [new File([bytes], name, { type: 'application/json' })] });
    input.dispatchEvent(new Event('change'));
    return { controller, status: panel.querySelector('[role="status"]')! };
  }

  it('refuses a UTF-16 file in one sentence, as check does, instead of opening garbled text', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'{"id":"x"}'].flatMap((char) => [char.charCodeAt(0), 0])]);
    const { controller, status } = choose('draft.json', utf16);
    await vi.waitFor(() => expect(status.textContent).toBe('draft.json:1:1: error E_ENCODING: the file is UTF-16; save it as UTF-8'));
    expect(controller.openFile).not.toHaveBeenCalled();
  });

  it('refuses bytes that are not UTF-8 at their line and column, and opens UTF-8 text as it is', async () => {
    const bad = choose('bad.json', new Uint8Array([...new TextEncoder().encode('{\n  "id": "'), 0xe9, 0x22, 0x7d]));
    await vi.waitFor(() => expect(bad.status.textContent).toBe('bad.json:2:10: error E_ENCODING: invalid UTF-8 (byte 0xe9); save the file as UTF-8'));
    expect(bad.controller.openFile).not.toHaveBeenCalled();

    const good = choose('good.json', new TextEncoder().encode('{"title":"Café ☕"}'));
    await vi.waitFor(() => expect(good.controller.openFile).toHaveBeenCalledWith('good.json', '{"title":"Café ☕"}'));
  });
});
