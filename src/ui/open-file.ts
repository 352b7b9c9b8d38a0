import type { AppController } from '../app/controller.ts';
import { formatDiagnostic } from '../core/diagnostics.ts';
import { decodeInput } from '../core/json/decode-input.ts';
import { MAX_DOCUMENT_BYTES } from '../core/json/source.ts';
import { h } from './dom.ts';

/** A file that is not UTF-8 text, or is empty: the message is a positioned diagnostic, as `check` prints it. */
export class UnreadableScenarioFile extends Error {}

/**
 * Reads a dropped or chosen file as `check` reads one: UTF-8 only, so a UTF-16 file or stray bytes are
 * refused in one sentence rather than read as garbled syntax errors or replacement characters. Only a
 * little more than the size limit is read, so a huge file is refused at once (by the loader, as too large).
 */
export async function readScenarioFile(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.slice(0, MAX_DOCUMENT_BYTES + 1).arrayBuffer());
  if (bytes.length > MAX_DOCUMENT_BYTES) return new TextDecoder().decode(bytes);
  const decoded = decodeInput(bytes);
  if ('problem' in decoded) throw new UnreadableScenarioFile(formatDiagnostic(file.name, decoded.problem));
  return decoded.text;
}

/** What to tell the person when their file could not be read. */
export function unreadableMessage(file: File, error: unknown): string {
  return error instanceof UnreadableScenarioFile ? error.message : `${file.name} could not be read. Is it a text file?`;
}

/** "Open a scenario file": a file picker and a drop zone for instructors. The file is checked and, if valid, playable at once. */
export function renderOpenFile(controller: AppController): HTMLElement {
  const input = h('input', { class: 'file-input', attrs: { type: 'file', id: 'scenario-file', accept: '.json,application/json' } });
  const status = h('p', { class: 'drop-status', attrs: { role: 'status' } });
  const open = async (file: File | undefined) => {
    if (!file) return;
    status.textContent = `Checking ${file.name}…`;
    try {
      controller.openFile(file.name, await readScenarioFile(file));
      status.textContent = '';
    } catch (error) {
      status.textContent = unreadableMessage(file, error);
    }
  };
  input.addEventListener('change', () => void open(input.files?.[0]));

  const zone = h(
    'section',
    { class: 'panel drop-zone', attrs: { 'aria-labelledby': 'open-file-heading' } },
    h('h2', { attrs: { id: 'open-file-heading' } }, 'Open a scenario file'),
    h('p', { class: 'panel-hint' }, 'For instructors: choose or drop a scenario .json file. It is checked at once and its problems are listed with line and column; a valid file is playable straight away and stays in this browser.'),
    h('div', { class: 'file-field' }, h('label', { attrs: { for: 'scenario-file' } }, 'Scenario file'), input),
    status,
    schemaHint(),
  );
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('is-dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('is-dragging'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('is-dragging');
    void open(event.dataTransfer?.files[0]);
  });
  return zone;
}

/** How to get field help for a draft written outside the repository: the schema, saved next to it. */
function schemaHint(): HTMLElement {
  const button = h('button', { class: 'link-button schema-download', attrs: { type: 'button' } }, 'Download scenario.schema.json');
  button.addEventListener('click', () => void downloadSchema());
  return h(
    'p',
    { class: 'panel-hint schema-hint' },
    'Writing a scenario in your own folder? ',
    button,
    ', save it next to your draft and put ',
    h('code', {}, '"$schema": "./scenario.schema.json",'),
    ' first in the file: VS Code and other editors then complete field names and explain each one as you type.',
  );
}

async function downloadSchema(): Promise<void> {
  const { scenarioJsonSchema } = await import('../core/json-schemas.ts');
  const url = URL.createObjectURL(new Blob([`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`], { type: 'application/json' }));
  const link = h('a', { attrs: { href: url, download: 'scenario.schema.json' } });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
