import { z } from 'zod';
import type { StoragePort } from './ports.ts';
import { StoredValues } from './stored-values.ts';

const KEY = 'bridge-drill:opened:v1';

/** A scenario file an instructor opened in this browser: its name and its text, validated again on every load. */
export interface OpenedFile {
  readonly file: string;
  readonly text: string;
}

const OpenedFilesSchema = z.array(z.object({ file: z.string(), text: z.string() }));

const LEFT_UNREADABLE =
  'The list of scenario files opened in this browser cannot be read and the storage has no room to copy it aside, so the file is not kept.';

const LEFT_UNREADABLE_ON_REMOVE =
  'the list of scenario files opened in this browser cannot be read and the storage has no room to copy it aside, so nothing in it is changed.';
const REFUSED_ON_REMOVE = 'the browser would not let Bridge Drill change what it stores.';

/**
 * The scenario files opened in this browser. A file is kept whether or not it validates today (a new check may
 * reject it; it is listed as needing attention, never dropped), and every change is merged into the list as it
 * is stored at that moment, so a file another tab opened meanwhile stays.
 */
export class OpenedFiles {
  private readonly values: StoredValues;

  constructor(port: StoragePort) {
    this.values = new StoredValues(port);
  }

  async load(): Promise<OpenedFile[]> {
    const loaded = await this.values.load(KEY, OpenedFilesSchema);
    return loaded.kind === 'ok' ? loaded.value : [];
  }

  /** Adds `file` to the stored list, in place of the stored files `replaces` picks. Returns why it could not be kept, or null. */
  async add(file: OpenedFile, replaces: (stored: OpenedFile) => boolean): Promise<string | null> {
    const loaded = await this.values.load(KEY, OpenedFilesSchema);
    if (loaded.kind === 'unreadable' && loaded.keptAs === null) return LEFT_UNREADABLE;
    const stored = loaded.kind === 'ok' ? loaded.value : [];
    return this.values.write(KEY, [...stored.filter((other) => !replaces(other)), file]);
  }

  /** Takes `file` (same name, same text) out of the list as it is stored now; what another tab opened meanwhile stays. Returns why not, or null. */
  async remove(file: OpenedFile): Promise<string | null> {
    const loaded = await this.values.load(KEY, OpenedFilesSchema);
    if (loaded.kind === 'unreadable' && loaded.keptAs === null) return LEFT_UNREADABLE_ON_REMOVE;
    const stored = loaded.kind === 'ok' ? loaded.value : [];
    const kept = stored.filter((other) => other.file !== file.file || other.text !== file.text);
    if (kept.length === stored.length) return null;
    return (await this.values.write(KEY, kept)) === null ? null : REFUSED_ON_REMOVE;
  }
}

/** The `id` a scenario file's text names, read loosely so that a file that no longer validates can still be matched. */
export function namedId(text: string): string | null {
  try {
    const data: unknown = JSON.parse(text);
    const id = typeof data === 'object' && data !== null ? (data as { id?: unknown }).id : undefined;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}
